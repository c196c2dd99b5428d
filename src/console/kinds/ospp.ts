/**
 * Office's ospp.vbs output: /dstatus and /dstatusall (one section per licence listed), /act (one section per
 * product it tried), the one-message successes of the options that change one thing (/inpkey, /sethst…) and an
 * error printed with no product block. Labels are ospp.vbs's
 * own English strings, compared whole and as printed; its rules (`---Processing---…`, a row of 39 dashes,
 * `---Exiting---…`) are read as noise, the cscript banner is slmgr's noise.
 */
import { commandHit } from '../commands.ts';
import { Sink, first, hostPort, leadingCode, putProduct } from '../text.ts';
import { OSPP_DONE } from '../types.ts';
import type { Draft, Finished, Hit, LicenseStatus, Line, OutputKind } from '../types.ts';

interface Label {
  key: string;
  /** Its value can be long enough to wrap at 80 columns. */
  wrap?: boolean;
}

// ospp.vbs's labels (its MSG_ constants), as it prints them: capitals for the licence, mixed case for the rest.
const LABELS = new Map<string, Label>([
  ['PRODUCT ID', { key: 'productId' }],
  ['SKU ID', { key: 'skuId' }],
  ['LICENSE NAME', { key: 'name', wrap: true }],
  ['LICENSE DESCRIPTION', { key: 'description', wrap: true }],
  ['BETA EXPIRATION', { key: 'betaExpiration' }],
  ['LICENSE STATUS', { key: 'status' }],
  ['ERROR CODE', { key: 'error', wrap: true }],
  ['ERROR DESCRIPTION', { key: 'errorText', wrap: true }],
  ['REMAINING GRACE', { key: 'remaining' }],
  ['Last 5 characters of installed product key', { key: 'partialKey' }],
  ['Activation Type Configuration', { key: 'activationType' }],
  ['Most recent successful activation client information', { key: 'recent' }],
  ['KMS machine name from DNS', { key: 'dnsName', wrap: true }],
  ['KMS machine registry override defined', { key: 'registered', wrap: true }],
  ['Activation Interval', { key: 'activationInterval' }],
  ['Renewal Interval', { key: 'renewalInterval' }],
  ['KMS host caching', { key: 'hostCaching' }],
  ['KMS Lookup Domain', { key: 'lookupDomain', wrap: true }],
  ['Activation Object name', { key: 'aoName' }],
  ['AO DN', { key: 'aoDn', wrap: true }],
  ['AO extended PID', { key: 'aoPid' }],
  ['AO activation ID', { key: 'aoActId' }],
  ['Client Machine ID (CMID)', { key: 'cmid' }],
  ['Uninstalling product key for', { key: 'uninstall', wrap: true }],
  ['Installing Office license', { key: 'installing', wrap: true }],
]);

// Whole lines ospp.vbs prints; `repeat` ones may come more than once in one product's block.
const PHRASES = new Map<string, { key: string; repeat?: boolean }>([
  ['Installed product key detected - attempting to activate the following product:', { key: 'attempt' }],
  ['<Product activation successful>', { key: 'activated' }],
  ['DNS auto-discovery: KMS name not available', { key: 'dnsAuto' }],
  ['<No installed product keys detected>', { key: 'noKeys' }],
  [
    'To view the activation event history run: cscript ospp.vbs /dhistorykms',
    { key: 'historyHint', repeat: true },
  ],
  // Its successes of one message (MSG_KEYINSTALLSUCCESS, MSG_UNINSTALLKEYSUCCESS, MSG_INSTALLLICSUCCESS and
  // MSG_SUCCESS, which /sethst, /setprt, /remhst, /cachst and /actype all print).
  ['<Product key installation successful>', { key: 'key-installed' }],
  ['<Product key uninstall successful>', { key: 'key-uninstalled' }],
  ['Office license installed successfully.', { key: 'license-installed' }],
  ['Successfully applied setting.', { key: 'setting-applied' }],
]);

// MSG_ACT_ERROR_FOUND_KB and MSG_ACT_ERROR_KB_LINK, each followed by the code or the link.
const KB_NOTICE =
  /^(?:NOTICE: A KB article has been detected for activation failure|FOR MORE INFORMATION PLEASE VISIT): \S/;

// " ---OOB_GRACE--- " and the others, in SoftwareLicensingProduct.LicenseStatus order; ---UNKNOWN--- is none.
const STATUS = new Map<string, LicenseStatus>([
  ['UNLICENSED', 'unlicensed'],
  ['LICENSED', 'licensed'],
  ['OOB_GRACE', 'initial-grace'],
  ['OOT_GRACE', 'additional-grace'],
  ['NON_GENUINE_GRACE', 'non-genuine-grace'],
  ['NOTIFICATIONS', 'notification'],
  ['EXTENDED GRACE', 'extended-grace'],
]);

const ACTIVATION_TYPES = ['All', 'AD', 'KMS', 'Token'] as const;

// The labels only a product's block has: without any, a draft is an error printed on its own.
const PRODUCT_KEYS = [
  'productId',
  'skuId',
  'name',
  'description',
  'status',
  'partialKey',
  'attempt',
  'activated',
];

function osppHit(key: string, value: string, extra?: Partial<Hit>): Hit {
  // Every ospp line may open a section, so a wrapped value never swallows the label after it.
  return { family: 'ospp', key, value, start: true, ...extra };
}

// What a line can be in ospp.vbs output.
function osppLine(line: Line): Hit | null {
  const t = line.norm;
  // MSG_PROCESSING, MSG_SEPERATE and MSG_EXIT are 39 characters.
  if (/^---(?:Processing|Exiting)-{5,40}$/.test(t) || /^-{39}$/.test(t)) {
    return { family: 'ospp', key: 'rule', value: '', start: false, noise: true };
  }
  const phrase = PHRASES.get(t);
  if (phrase) return osppHit(phrase.key, t, phrase.repeat ? { repeat: true } : undefined);
  // The KB notice /act prints after a failure: two lines, read so they end the error's text.
  if (KB_NOTICE.test(t)) return osppHit('kbNotice', t, { repeat: true, wrap: true });
  const m = /^([^:]{2,60}?):(?:\s+(.*))?$/.exec(t);
  if (!m) return null;
  const label = LABELS.get(m[1]!);
  if (!label) return null;
  return osppHit(label.key, (m[2] ?? '').trim(), label.wrap ? { wrap: true } : undefined);
}

/** "180 days  (259200 minute(s) before expiring)" → 259200. */
function minutes(value: string): number | undefined {
  const m = /\((\d{1,10}) minute\(s\) before expiring\)$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

function finishOspp(draft: Draft): Finished {
  const e = draft.entries;
  const has = (key: string) => draft.keys.has(key);
  const product = PRODUCT_KEYS.some(has);
  // What the block holds decides; the command line only where it holds neither (a block cut short).
  const act =
    has('attempt') || has('activated')
      ? true
      : has('status') || has('remaining')
        ? false
        : draft.hint === 'ospp-act';
  const err = first(e, 'error');
  // A success message of its own, with no error beside it: the option did what it was asked.
  const done = err ? undefined : OSPP_DONE.find(has);
  const kind = product ? (act ? 'ospp-act' : 'ospp-dstatus') : done ? 'ospp-done' : 'ospp-error';
  const s = new Sink(kind);

  putProduct(s, e);
  // Unlike the key's characters, which differ from product to product, this holds for the whole output.
  if (s.out.facts.partialKey) s.put('officeKeyInstalled', true, first(e, 'partialKey'));
  if (done) s.put('osppSucceeded', done, first(e, done));

  // /dstatus prints the reason of a licensed product "for information purposes only": no error.
  const code =
    err && !/\(for information purposes only\b/i.test(err.value) ? leadingCode(err.value) : undefined;
  s.put('errorCode', code?.code, err);
  const text = first(e, 'errorText');
  // "Run the following: cscript ospp.vbs /ddescr:0x…" and "Not available." stand in for a missing text.
  const message =
    text && !/^(?:Run the following:|Not available\.?$)/i.test(text.value) ? text.value : undefined;
  if (kind !== 'ospp-dstatus' && code) s.put('message', message, text);

  if (kind === 'ospp-act') {
    const ok = first(e, 'activated');
    s.put('activated', ok ? true : undefined, ok);
    return s.out;
  }
  if (kind === 'ospp-error' || kind === 'ospp-done') return s.out;

  const st = first(e, 'status');
  const status = st ? STATUS.get(st.value.replace(/^-{3}|-{3}$/g, '')) : undefined;
  s.put('licenseStatus', status, st);
  // A licensed volume or subscription licence counts down to its expiry, anything else its grace.
  const rem = first(e, 'remaining');
  s.put(
    status === 'licensed' ? 'expirationMinutes' : 'graceMinutes',
    rem ? minutes(rem.value) : undefined,
    rem,
  );
  const at = first(e, 'activationType');
  s.put(
    'activationType',
    ACTIVATION_TYPES.find((t) => t.toLowerCase() === at?.value.toLowerCase()),
    at,
  );

  // The /sethst name when one is set, else the one found in DNS, as slmgr does.
  const reg = first(e, 'registered');
  const dns = first(e, 'dnsName');
  const from = reg && hostPort(reg.value, true) ? reg : dns && hostPort(dns.value, true) ? dns : undefined;
  if (from) {
    const hp = hostPort(from.value, true)!;
    s.put('kmsHost', hp.host, from);
    s.put('kmsPort', hp.port, from);
    s.put('kmsHostFrom', from === reg ? 'registered' : 'dns', from);
  }
  const auto = first(e, 'dnsAuto');
  s.put('kmsDnsUnavailable', auto ? true : undefined, auto);

  // /dstatusall lists licences with no key; one not in use is not this Office's.
  return !first(e, 'partialKey') && status === 'unlicensed' ? { ...s.out, aside: 'not-in-use' } : s.out;
}

/** The ospp.vbs option a command line runs (`dstatus`, `act`…, lowercase); undefined when it is not ospp.vbs. */
export function osppOption(text: string): string | undefined {
  const m =
    /^(?:cscript(?:\.exe)?\s+(?:\/\/[a-z:]{1,12}\s+){0,3})?("[^"]{1,250}"|\S{1,250})(\s.{0,300})?$/i.exec(
      text,
    );
  if (!m || !/(?:^|[\\/])ospp\.vbs$/i.test(m[1]!.replace(/"/g, ''))) return undefined;
  return /(?:^|\s)\/([a-z-]{2,20})\b/i.exec(m[2] ?? '')?.[1]?.toLowerCase();
}

/** ospp.vbs /dstatus, /dstatusall and /act: one section per product; a one-message success or an error with no product block. */
export const OSPP: OutputKind = {
  id: 'ospp',
  sections: ['ospp-dstatus', 'ospp-act', 'ospp-done', 'ospp-error'],
  facts: [
    'name',
    'channel',
    'licenseStatus',
    'partialKey',
    'errorCode',
    'message',
    'activated',
    'graceMinutes',
    'expirationMinutes',
    'activationType',
    'kmsHost',
    'kmsPort',
    'kmsHostFrom',
    'kmsDnsUnavailable',
    'osppSucceeded',
    'officeKeyInstalled',
  ],
  // Every ospp.vbs command opens a section: what follows it is its output. The option is the hint.
  command: (text) => {
    const option = osppOption(text);
    if (option === undefined) return null;
    const hint = option.startsWith('dstatus') ? 'ospp-dstatus' : option === 'act' ? 'ospp-act' : undefined;
    return commandHit('ospp', text, hint);
  },
  line: osppLine,
  finish: finishOspp,
};
