/** The photo test set: which real console outputs are drawn, how, and through which distortion. */

/** How the output is drawn: cmd (light grey on black), Windows PowerShell (white on blue), the slmgr dialog box. */
export type Look = 'cmd' | 'powershell' | 'dialog';
/** `clean`: a screenshot. `photo`: perspective, blur, glare, grain and JPEG, as a phone photo of a monitor. */
export type Distortion = 'clean' | 'photo';

export interface PhotoItem {
  /** The PNG in tests/fixtures/photos. */
  image: string;
  /** The output it shows, a file of tests/fixtures/console. */
  source: string;
  look: Look;
  distortion: Distortion;
  /** In the handful `npm test` reads (the bench reads them all). */
  quick?: boolean;
}

const item = (source: string, look: Look, distortion: Distortion, quick = false): PhotoItem => ({
  image: `${source.replace(/^.*\//, '').replace(/\.txt$/, '')}-${look}-${distortion}.png`,
  source,
  look,
  distortion,
  ...(quick ? { quick } : {}),
});

export const PHOTO_SET: readonly PhotoItem[] = [
  item('nslookup/nslookup-srv-vlmcs-success-en-1.txt', 'cmd', 'clean', true),
  item('nslookup/nslookup-srv-vlmcs-success-en-1.txt', 'cmd', 'photo', true),
  item('ato/slmgr-ato-error-0xc004f074-en-1.txt', 'dialog', 'clean', true),
  item('ato/slmgr-ato-error-0xc004f074-en-1.txt', 'dialog', 'photo'),
  item('ipconfig/ipconfig-all-domain-ru-1.txt', 'cmd', 'clean', true),
  item('ipconfig/ipconfig-all-domain-ru-1.txt', 'cmd', 'photo'),
];
