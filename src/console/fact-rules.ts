/**
 * What a fact's value may be, one rule per fact name. The same table checks a fact however it arrives:
 * read from pasted output, typed by the technician, or read back from a saved session or a history entry
 * (which another script of the same origin may have written). Pure, and small: the first screen loads it.
 */
import { OSPP_DONE, SERVICE_STATES, SLMGR_DONE } from './types.ts';
import type { FactName, Facts, LicenseStatus, SrvRecord } from './types.ts';

/** The longest text value a fact keeps. A longer value is dropped, never cut: a cut value is a different one. */
export const FACT_TEXT_MAX = 500;
/** The longest source line a fact keeps. A longer line is cut to this length: it is evidence, not a value. */
export const FACT_LINE_MAX = 500;
/** The most items a list fact (SRV records, warnings) keeps. A longer list is dropped, as a long text is. */
export const FACT_LIST_MAX = 50;

/** Whether text holds a control character (tab aside) or a bidirectional override that makes shown text read otherwise. */
function unsafe(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 9) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    )
      return true;
  }
  return false;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX4 = /^[0-9a-f]{1,4}$/i;
// A DNS name as DNS and slmgr print it: letters, digits, _ . - only (nothing a command line reads otherwise).
const NAME = /^[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_.])?$/i;

/** An IPv4 address (dotted decimal). */
export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

/** An IPv6 address without a zone ID (RFC 4291 text forms, an IPv4 tail included). */
export function isIpv6(value: string): boolean {
  if (value.length > 45 || !value.includes(':')) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string): string[] | undefined => {
    if (half === '') return [];
    const parts = half.split(':');
    const tail = parts[parts.length - 1]!;
    // An IPv4 tail counts as two groups.
    if (tail.includes('.')) {
      if (!IPV4.test(tail)) return undefined;
      parts.splice(-1, 1, '0', '0');
    }
    return parts.every((p) => HEX4.test(p)) ? parts : undefined;
  };
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !rest) return false;
  // A tail of IPv4 belongs only at the end.
  if (halves.length === 2 && halves[0]!.includes('.')) return false;
  const count = head.length + rest.length;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** An IPv4 or IPv6 address (no zone ID: `%12` has no place in a command line). */
export function isIp(value: string): boolean {
  return isIpv4(value) || isIpv6(value);
}

/** A host name or address as DNS and slmgr print it (no placeholders, no spaces, no zone ID). */
export function isHost(value: string): boolean {
  return isIp(value) || (NAME.test(value) && !value.includes('..'));
}

/**
 * An address as pasted or typed, made plain: `[2001:db8::1]` loses its brackets and `fe80::1%12` its zone
 * ID (a `%` in a cmd line is read as a variable). Other text is returned as is.
 */
export function plainAddress(value: string): string {
  const inner = /^\[([\w:.%-]{2,80})\]$/.exec(value)?.[1];
  const v = inner?.includes(':') ? inner : value;
  const zone = /^([0-9a-f:.]{2,45})%[\w.-]{1,20}$/i.exec(v);
  return zone && zone[1]!.includes(':') ? zone[1]! : v;
}

/** A GUID (CMID), braces allowed. */
export function isGuid(value: string): boolean {
  return /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(value);
}

/** The last five characters of a product key. */
export function isPartialKey(value: string): boolean {
  return /^[A-Z0-9]{5}$/i.test(value);
}

/** A TCP/UDP port number, 1…65535. */
export function isPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}

// A rule returns the value as the fact keeps it, or undefined when it is not one.
type Rule<T> = (v: unknown) => T | undefined;

const text: Rule<string> = (v) =>
  typeof v === 'string' && v.trim() !== '' && v.length <= FACT_TEXT_MAX && !unsafe(v) ? v : undefined;
const shaped =
  (re: RegExp): Rule<string> =>
  (v) =>
    typeof v === 'string' && re.test(v) ? v : undefined;
const guarded =
  (test: (s: string) => boolean): Rule<string> =>
  (v) =>
    typeof v === 'string' && test(v) ? v : undefined;
const oneOf =
  <T extends string>(...values: readonly T[]): Rule<T> =>
  (v) =>
    (values as readonly unknown[]).includes(v) ? (v as T) : undefined;
// Whole numbers as the reader reads them: at most ten digits.
const count: Rule<number> = (v) =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 9_999_999_999 ? (v as number) : undefined;
const port: Rule<number> = (v) => (isPort(v) ? v : undefined);
const flag: Rule<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);
const yes: Rule<true> = (v) => (v === true ? true : undefined);
const code = shaped(/^0x[0-9A-F]{8}$/);
// Addresses lose a zone ID wherever they come from, so every path keeps the same value.
const address: Rule<string> = (v) => {
  const plain = typeof v === 'string' ? plainAddress(v) : undefined;
  return plain !== undefined && isIp(plain) ? plain : undefined;
};
const host: Rule<string> = (v) => {
  const plain = typeof v === 'string' ? plainAddress(v) : undefined;
  return plain !== undefined && isHost(plain) ? plain : undefined;
};
const list =
  <T>(item: Rule<T>): Rule<T[]> =>
  (v) => {
    if (!Array.isArray(v) || v.length === 0 || v.length > FACT_LIST_MAX) return undefined;
    const out: T[] = [];
    for (const x of v as unknown[]) {
      const ok = item(x);
      if (ok === undefined) return undefined;
      out.push(ok);
    }
    return out;
  };
// A clean copy: only the four fields, each checked.
const srvRecord: Rule<SrvRecord> = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  const target = typeof r.target === 'string' && isHost(r.target) ? r.target : undefined;
  const p = port(r.port);
  const priority = count(r.priority);
  const weight = count(r.weight);
  if (target === undefined || p === undefined || priority === undefined || weight === undefined)
    return undefined;
  return { target, port: p, priority, weight };
};
/** The license states, in the order of SoftwareLicensingProduct's LicenseStatus numbers (0 to 6). */
export const LICENSE_STATUSES: readonly LicenseStatus[] = [
  'unlicensed',
  'licensed',
  'initial-grace',
  'additional-grace',
  'non-genuine-grace',
  'notification',
  'extended-grace',
];

/** Every fact's rule: what its value may be. A fact the table refuses is not kept, wherever it came from. */
export const FACT_RULES: { readonly [K in FactName]-?: Rule<NonNullable<Facts[K]>> } = {
  name: text,
  channel: shaped(/^[A-Za-z0-9_()-]{1,60}$/),
  licenseStatus: oneOf(...LICENSE_STATUSES),
  notificationReason: code,
  licenseStatusReason: code,
  partialKey: guarded(isPartialKey),
  kmsHost: host,
  kmsPort: port,
  kmsHostFrom: oneOf('dns', 'registered'),
  kmsDnsUnavailable: yes,
  kmsIp: address,
  activationType: oneOf('All', 'AD', 'KMS', 'Token'),
  rearmCount: count,
  skuRearmCount: count,
  productKeyChannel: shaped(/^[A-Za-z]{2,20}(?::[A-Za-z0-9_]{1,20})?$/),
  cmid: guarded(isGuid),
  expirationMinutes: count,
  graceMinutes: count,
  kmsEnabled: flag,
  currentCount: count,
  listeningPort: port,
  dnsPublishing: flag,
  genuineStatus: count,
  activated: yes,
  succeeded: oneOf(...SLMGR_DONE),
  osppSucceeded: oneOf(...OSPP_DONE),
  activationObjects: count,
  filesListed: count,
  featureInstalled: flag,
  installationIdShown: yes,
  officeKeyInstalled: yes,
  officeKmsHostLicensed: flag,
  errorCode: code,
  message: text,
  query: host,
  queryType: shaped(/^[a-z]{1,10}$/),
  server: text,
  serverAddress: text,
  nonAuthoritative: yes,
  srv: list(srvRecord),
  dnsFailure: oneOf('timeout', 'not-found', 'server-failure', 'no-records'),
  computerName: (v) => (typeof v === 'string' && /^\S{1,255}$/.test(v) && !unsafe(v) ? v : undefined),
  remoteAddress: address,
  remotePort: port,
  pingSucceeded: flag,
  tcpTestSucceeded: flag,
  warnings: list(text),
  timeSource: text,
  lastSync: text,
  leapIndicator: count,
  stratum: count,
  offsetSeconds: (v) => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e10 ? v : undefined),
  target: host,
  eventId: count,
  source: text,
  skipRearm: count,
  timeType: oneOf('NT5DS', 'NTP', 'NoSync', 'AllSync'),
  ntpClientEnabled: flag,
  registryNotFound: yes,
  productCodeKeys: count,
  edition: shaped(/^[A-Za-z][A-Za-z0-9]{1,60}$/),
  serviceState: oneOf(...SERVICE_STATES),
  elevated: flag,
  resynced: flag,
  noEvents: yes,
  regChanged: flag,
  maxPhaseCorrection: count,
  installedLanguages: count,
  generalized: flag,
  kmsClient: host,
  clientCmid: guarded(isGuid),
  sharedCmid: flag,
  // An empty serial is read, not missing: the BIOS holds none (common after a board swap).
  biosSerial: (v) => (v === '' ? '' : text(v)),
  resolved: flag,
  primaryDnsSuffix: host,
  dnsSuffixes: list(host),
  dnsServers: list(address),
  dnsServerCount: count,
  ipv4Addresses: list(address),
  firewallRuleOn: flag,
  firewallInboundOpen: flag,
  processedFiles: count,
  failedFiles: count,
  storeAclOk: flag,
  tokensRestored: flag,
};

/** A fact's value as its rule keeps it, or undefined when the rule refuses it (or the name is no fact). */
export function factValue<K extends FactName>(name: K, value: unknown): Facts[K] | undefined {
  if (!Object.hasOwn(FACT_RULES, name)) return undefined;
  return (FACT_RULES[name] as Rule<Facts[K]>)(value);
}

/** A fact's source line as kept: a string, cut to FACT_LINE_MAX; undefined when it is no string. */
export function factLine(line: unknown): string | undefined {
  if (typeof line !== 'string') return undefined;
  return line.length > FACT_LINE_MAX ? line.slice(0, FACT_LINE_MAX) : line;
}
