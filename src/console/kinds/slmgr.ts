/**
 * slmgr.vbs /dli and /dlv output: one section per product listed. Labels are slmgr's own English strings
 * (its string table); indentation is ignored. Russian Windows prints its own labels: the few read here are
 * those a published source shows (tests/fixtures/console/README.md, "Russian slmgr labels").
 */
import { commandHit } from '../commands.ts';
import { Sink, first, hexCode, hostPort, isGuid, port, putProduct, uint, WINDOWS_APP } from '../text.ts';
import type { Aside, Draft, Entry, Finished, Hit, LicenseStatus, Line, OutputKind } from '../types.ts';
import { slmgrOption } from './slmgr-command.ts';

interface Label {
  key: string;
  /** Printed by /dlv only. */
  dlv?: boolean;
  /** Its value can be long enough to wrap at 80 columns. */
  wrap?: boolean;
}

const LABELS = new Map<string, Label>([
  ['name', { key: 'name', wrap: true }],
  ['description', { key: 'description', wrap: true }],
  ['software licensing service version', { key: 'version', dlv: true }],
  ['activation id', { key: 'activationId', dlv: true }],
  ['application id', { key: 'applicationId', dlv: true }],
  ['extended pid', { key: 'extendedPid', dlv: true }],
  ['product key channel', { key: 'productKeyChannel', dlv: true }],
  ['installation id', { key: 'installationId', dlv: true, wrap: true }],
  ['processor certificate url', { key: 'processorUrl', dlv: true, wrap: true }],
  ['machine certificate url', { key: 'machineUrl', dlv: true, wrap: true }],
  ['use license url', { key: 'useLicenseUrl', dlv: true, wrap: true }],
  ['product key certificate url', { key: 'productKeyUrl', dlv: true, wrap: true }],
  ['validation url', { key: 'validationUrl', dlv: true, wrap: true }],
  ['partial product key', { key: 'partialKey' }],
  ['license status', { key: 'status', wrap: true }],
  ['volume activation expiration', { key: 'expiration' }],
  ['timebased activation expiration', { key: 'expiration' }],
  ['automatic vm activation expiration', { key: 'expiration' }],
  ['time remaining', { key: 'timeRemaining' }],
  ['notification reason', { key: 'notificationReason' }],
  ['evaluation end date', { key: 'evaluationEnd', dlv: true }],
  ['remaining windows rearm count', { key: 'rearmCount', dlv: true }],
  ['remaining sku rearm count', { key: 'skuRearmCount', dlv: true }],
  ['remaining app rearm count', { key: 'appRearmCount', dlv: true }],
  ['trusted time', { key: 'trustedTime', dlv: true }],
  ['configured activation type', { key: 'activationType' }],
  ['most recent activation information', { key: 'recent' }],
  ['client machine id (cmid)', { key: 'cmid' }],
  ['registered kms machine name', { key: 'registered', wrap: true }],
  ['registered kms srv record lookup domain', { key: 'lookupDomain', wrap: true }],
  ['kms machine name from dns', { key: 'dnsName', wrap: true }],
  ['dns auto-discovery', { key: 'dnsAuto' }],
  ['kms machine ip address', { key: 'kmsIp' }],
  ['kms machine extended pid', { key: 'kmsPid', wrap: true }],
  ['activation interval', { key: 'activationInterval' }],
  ['renewal interval', { key: 'renewalInterval' }],
  ['current count', { key: 'currentCount' }],
  ['listening on port', { key: 'listeningPort' }],
  ['kms priority', { key: 'kmsPriority' }],
  ['total requests received', { key: 'totalRequests' }],
  ['failed requests received', { key: 'failedRequests' }],
  ['activation object name', { key: 'aoName' }],
  ['ao dn', { key: 'aoDn', wrap: true }],
  ['ao extended pid', { key: 'aoPid' }],
  ['ao activation id', { key: 'aoActId' }],
  ['license id (ilid)', { key: 'ilid' }],
  ['version id (ilvid)', { key: 'ilvid' }],
  ['grant number', { key: 'grantNumber' }],
  ['certificate thumbprint', { key: 'thumbprint' }],
  ['guest iaid', { key: 'iaid' }],
  ['host machine name', { key: 'avmaHost' }],
  ['activation time', { key: 'avmaTime' }],
  ['host digital pid2', { key: 'avmaPid' }],
  ['additional information', { key: 'tkaInfo', wrap: true }],
  // Russian Windows. "Частичный ключ продукта" and "Состояние лицензии" are quoted from Russian /dli output
  // (a README and a script that tests it) and are Microsoft's ru-RU words for the two fields; "Имя" and
  // "Описание" are the names Microsoft's ru-RU KMS troubleshooting article gives the first two fields.
  ['имя', { key: 'name', wrap: true }],
  ['описание', { key: 'description', wrap: true }],
  ['частичный ключ продукта', { key: 'partialKey' }],
  ['состояние лицензии', { key: 'status' }],
]);

const PHRASES = new Map<string, string>([
  ['key management service client information', 'kmsClientInfo'],
  ['kms host caching is enabled', 'hostCaching'],
  ['kms host caching is disabled', 'hostCaching'],
  ['key management service is enabled on this machine', 'kmsEnabled'],
  ['dns publishing enabled', 'dnsPublishing'],
  ['dns publishing disabled', 'dnsPublishing'],
  ['key management service cumulative requests received from clients', 'requestsHeader'],
  ['this license is not in use', 'notInUse'],
  ['ad activation client information', 'adInfo'],
  ['token-based activation information', 'tkaInfoHeader'],
  ['automatic vm activation client information', 'avmaInfo'],
  [
    'please use slmgr.vbs /ato to activate and update kms client information in order to update values',
    'pleaseActivate',
  ],
]);

// slmgr's "License Status:" strings, lowercased without a final period.
const STATUS = new Map<string, LicenseStatus>([
  ['unlicensed', 'unlicensed'],
  ['licensed', 'licensed'],
  ['initial grace period', 'initial-grace'],
  ['additional grace period (kms license expired or hardware out of tolerance)', 'additional-grace'],
  ['additional grace period', 'additional-grace'],
  ['non-genuine grace period', 'non-genuine-grace'],
  ['notification', 'notification'],
  ['extended grace period', 'extended-grace'],
  // Russian Windows: "Состояние лицензии: имеет лицензию", as a script that tests /dli output matches it.
  ['имеет лицензию', 'licensed'],
]);

/**
 * A licence status as printed, matched without its case, spaces or final period: a status wrapped at the
 * console's edge ("…hardware out o" / "f tolerance)") is rejoined with a space when the row fell short of
 * the console's width, as a forum's editor leaves it.
 */
const STATUS_BY_LETTERS = new Map([...STATUS].map(([k, v]) => [letters(k), v]));
function letters(status: string): string {
  return status.toLowerCase().replace(/\.$/, '').replace(/\s+/g, '');
}
function statusOf(value: string): LicenseStatus | undefined {
  return STATUS_BY_LETTERS.get(letters(value));
}

const ACTIVATION_TYPES = ['All', 'AD', 'KMS', 'Token'] as const;

// A product name or description, to tell slmgr's "Name:" from nslookup's "Name:".
const PRODUCT = /\bedition\b|\bchannel\b|\(R\)|\(TM\)|\bWindows\b|\bOffice\b|Operating System/i;

function slmgrHit(key: string, value: string, label?: Label): Hit {
  return {
    family: 'slmgr',
    key,
    value,
    start: true,
    ...(label?.wrap ? { wrap: true } : {}),
  };
}

// What a line can be in slmgr /dli or /dlv output; the Windows Script Host banner is read as noise.
function slmgrLine(line: Line): Hit | null {
  const t = line.norm;
  if (/^Microsoft \(R\) Windows Script Host Version [\d.]{1,20}$/i.test(t)) {
    return { family: 'slmgr', key: 'banner', value: '', start: false, noise: true };
  }
  if (/^Copyright \(C\) Microsoft Corporation\b/i.test(t) && t.length < 120) {
    return { family: 'slmgr', key: 'banner', value: '', start: false, noise: true };
  }
  const phrase = PHRASES.get(t.toLowerCase().replace(/\.$/, ''));
  if (phrase) return slmgrHit(phrase, t);
  if (/^Requests with License Status [^:]{1,80}: ?\d{0,10}$/i.test(t)) {
    return { family: 'slmgr', key: 'requests', value: t, start: true, repeat: true };
  }
  // /dti's and /ad-activation-get-IID's line after the installation ID (L_MsgPhoneNumbers), often wrapped.
  if (/^Product activation telephone numbers\b/i.test(t))
    return { family: 'slmgr', key: 'phoneHint', value: t, start: true, wrap: true };
  if (/^Warning: /.test(t)) return { family: 'slmgr', key: 'warning', value: t, start: false, repeat: true };
  // slmgr prints "Label: value"; "Label : value" is PowerShell's Format-List.
  const m = /^([^:]{0,59}[^\s:]):(?:\s(.*))?$/.exec(t);
  if (!m) return null;
  const label = LABELS.get(m[1]!.trim().toLowerCase());
  if (!label) return null;
  // ospp.vbs prints "LICENSE STATUS:" in capitals; slmgr's only label in capitals is "AO DN:".
  if (label.key !== 'aoDn' && m[1] === m[1]!.toUpperCase()) return null;
  const value = (m[2] ?? '').trim();
  // nslookup and event copies have "Name:" and "Description:" too; slmgr's hold a product name.
  if ((label.key === 'name' || label.key === 'description') && !(PRODUCT.test(value) && /\s/.test(value))) {
    return null;
  }
  return slmgrHit(label.key, value, label);
}

/**
 * Whether a listed licence is not the Windows one in use: another product (an Application ID other than
 * Windows', or an Office name where no ID is printed), an ESU add-on, or a licence with no product key ("This license is
 * not in use.", or no Partial Product Key and Unlicensed or a status not read). Redacted IDs decide nothing.
 */
function asideOf(e: readonly Entry[]): Aside | undefined {
  const app = first(e, 'applicationId')?.value.toLowerCase();
  const name = first(e, 'name')?.value ?? '';
  if (app && isGuid(app) ? app !== WINDOWS_APP : /^(?:Microsoft )?Office\b/i.test(name))
    return 'other-product';
  // Extended Security Updates: Windows' application ID, its own MAK and state ("…-ESU-Year1 add-on for …").
  if (/\bESU\b|\badd-on for\b/i.test(name)) return 'add-on';
  if (first(e, 'notInUse')) return 'not-in-use';
  const printed = first(e, 'status')?.value;
  const status = printed === undefined ? undefined : statusOf(printed);
  // A licence with no key whose status is Unlicensed, or a status not read (Russian Windows' own for an
  // unused licence is in no source), is not the one in use: its name and channel never stand for Windows.
  if (!first(e, 'partialKey') && printed !== undefined && (status === 'unlicensed' || status === undefined))
    return 'not-in-use';
  return undefined;
}

const DLV_KEYS = new Set([...LABELS.values()].filter((l) => l.dlv).map((l) => l.key));

function finishSlmgr(draft: Draft): Finished {
  const e = draft.entries;
  // /dlv-only lines decide; else the command line; else /dli, the shorter listing.
  const kind = e.some((x) => DLV_KEYS.has(x.key)) || draft.hint === 'slmgr-dlv' ? 'slmgr-dlv' : 'slmgr-dli';
  const s = new Sink(kind);

  putProduct(s, e);
  const pkc = first(e, 'productKeyChannel');
  s.put('productKeyChannel', pkc?.value, pkc);
  const st = first(e, 'status');
  s.put('licenseStatus', st ? statusOf(st.value) : undefined, st);
  const nr = first(e, 'notificationReason');
  s.put(
    'notificationReason',
    nr ? hexCode(/^(\S{1,12})/.exec(nr.value)?.[1]?.replace(/\.$/, '') ?? '') : undefined,
    nr,
  );
  const exp = first(e, 'expiration');
  s.put('expirationMinutes', exp ? minutes(exp.value) : undefined, exp);
  const rem = first(e, 'timeRemaining');
  s.put('graceMinutes', rem ? minutes(rem.value) : undefined, rem);
  const at = first(e, 'activationType');
  s.put(
    'activationType',
    ACTIVATION_TYPES.find((t) => t.toLowerCase() === at?.value.toLowerCase()),
    at,
  );
  const rc = first(e, 'rearmCount');
  s.put('rearmCount', uint(rc?.value), rc);
  const src = first(e, 'skuRearmCount');
  s.put('skuRearmCount', uint(src?.value), src);
  // An installation ID is shown when its digits are (54 on Windows 7, 63 later); a redacted one is not.
  const iid = first(e, 'installationId');
  s.put(
    'installationIdShown',
    iid && /^\d{50,70}$/.test(iid.value.replace(/[\s-]/g, '')) ? true : undefined,
    iid,
  );
  const cmid = first(e, 'cmid');
  s.put('cmid', cmid?.value, cmid);

  // slmgr prints the /skms name when one is set, else the one found in DNS.
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
  s.put(
    'kmsDnsUnavailable',
    auto && /^KMS name not available\.?$/i.test(auto.value) ? true : undefined,
    auto,
  );
  const ip = first(e, 'kmsIp');
  s.put('kmsIp', ip?.value, ip);

  const enabled = first(e, 'kmsEnabled');
  s.put('kmsEnabled', enabled ? true : undefined, enabled);
  const count = first(e, 'currentCount');
  s.put('currentCount', uint(count?.value), count);
  const lp = first(e, 'listeningPort');
  s.put('listeningPort', port(lp?.value), lp);
  const pub = first(e, 'dnsPublishing');
  s.put('dnsPublishing', pub ? /enabled$/i.test(pub.value) : undefined, pub);
  const aside = asideOf(e);
  // An Office KMS host licence with its key (OfficeKMSHostVL_KMS_Host, Office 2010's KMSHost edition): whether it
  // is licensed. The one fact a block set aside gives the session, since it names the licence it is about.
  const name = first(e, 'name')?.value ?? '';
  if (
    aside === 'other-product' &&
    /\bOffice\b/i.test(name) &&
    /KMS_?Host/i.test(name) &&
    s.out.facts.partialKey
  )
    s.put('officeKmsHostLicensed', s.out.facts.licenseStatus === 'licensed', st);
  return aside ? { ...s.out, aside } : s.out;
}

/** "243720 minute(s) (169 day(s))" → 243720. */
function minutes(value: string): number | undefined {
  const m = /^(\d{1,10}) minute\(s\)/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** slmgr /dli and /dlv: one section per product. */
export const SLMGR: OutputKind = {
  id: 'slmgr',
  sections: ['slmgr-dli', 'slmgr-dlv'],
  facts: [
    'name',
    'channel',
    'productKeyChannel',
    'partialKey',
    'licenseStatus',
    'notificationReason',
    'expirationMinutes',
    'graceMinutes',
    'activationType',
    'rearmCount',
    'skuRearmCount',
    'installationIdShown',
    'cmid',
    'kmsHost',
    'kmsPort',
    'kmsHostFrom',
    'kmsDnsUnavailable',
    'kmsIp',
    'kmsEnabled',
    'currentCount',
    'listeningPort',
    'dnsPublishing',
    'officeKmsHostLicensed',
  ],
  // The command line's option is the hint: a listing with no /dlv-only line is told by it.
  command: (text) => {
    const option = slmgrOption(text);
    if (option === 'dti') return commandHit('slmgr', text);
    return option === 'dli' || option === 'dlv' ? commandHit('slmgr', text, `slmgr-${option}`) : null;
  },
  line: slmgrLine,
  finish: finishSlmgr,
};
