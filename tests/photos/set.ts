/** The photo test set: which real console outputs are drawn, how, and through which distortion. */

/** How the output is drawn: cmd (light grey on black), Windows PowerShell (white on blue), the slmgr dialog box. */
export type Look = 'cmd' | 'powershell' | 'dialog';
/** `clean`: a screenshot. `photo`: perspective, blur, glare, grain and JPEG, as a phone photo of a monitor. */
export type Distortion = 'clean' | 'photo';

export interface PhotoItem {
  /** The picture in tests/fixtures/photos: PNG for a screenshot, JPEG for a photo. */
  image: string;
  /** The output it shows, a file of tests/fixtures/console. */
  source: string;
  look: Look;
  distortion: Distortion;
  /** In the handful `npm test` reads (the bench reads them all). */
  quick?: boolean;
}

const item = (source: string, look: Look, distortion: Distortion, quick = false): PhotoItem => ({
  // A screenshot is kept as PNG, a photo as the JPEG a phone saves.
  image: `${source.replace(/^.*\//, '').replace(/\.txt$/, '')}-${look}-${distortion}.${distortion === 'clean' ? 'png' : 'jpg'}`,
  source,
  look,
  distortion,
  ...(quick ? { quick } : {}),
});

/** Each output with the look it is shown in, English then Russian, every one clean and as a photo. */
const OUTPUTS: readonly [source: string, look: Look, quick?: readonly Distortion[]][] = [
  ['nslookup/nslookup-srv-vlmcs-success-en-1.txt', 'cmd', ['clean', 'photo']],
  ['ato/slmgr-ato-error-0xc004f074-en-1.txt', 'dialog', ['clean']],
  ['slmgr/slmgr-dli-kms-client-en-2.txt', 'cmd'],
  ['slmgr/slmgr-dlv-kms-host-en-1.txt', 'cmd'],
  ['ospp/ospp-dstatus-kms-client-en-1.txt', 'cmd'],
  ['w32tm-status/w32tm-query-status-en-1.txt', 'cmd'],
  ['test-netconnection/tnc-1688-failure-en-1.txt', 'powershell'],
  ['resolve-dnsname/resolve-dnsname-srv-table-en-1.txt', 'powershell'],
  ['ipconfig/ipconfig-all-domain-ru-1.txt', 'cmd', ['clean']],
  ['service/service-sc-query-ru-1.txt', 'cmd'],
  ['icacls/icacls-listing-ru-1.txt', 'powershell'],
  ['ato/slmgr-ato-error-0xc004f074-ru-1.txt', 'dialog'],
];

export const PHOTO_SET: readonly PhotoItem[] = OUTPUTS.flatMap(([source, look, quick = []]) =>
  (['clean', 'photo'] as const).map((d) => item(source, look, d, quick.includes(d))),
);
