/**
 * Types of the console-output reader: what it returns (public) and how its parts talk (internal).
 */

/** Which command printed a section. */
export type SectionKind =
  | 'slmgr-dli'
  | 'slmgr-dlv'
  | 'slmgr-error'
  | 'slmgr-ato'
  | 'slmgr-done'
  | 'slmgr-ao-list'
  | 'nslookup-srv'
  | 'dns-srv'
  | 'test-netconnection'
  | 'w32tm-status'
  | 'w32tm-stripchart'
  | 'event'
  | 'cim'
  | 'ospp-dstatus'
  | 'ospp-act'
  | 'ospp-done'
  | 'ospp-error'
  | 'reg'
  | 'dism'
  | 'service'
  | 'whoami'
  | 'w32tm-resync'
  | 'sysprep'
  | 'bios'
  | 'dir'
  | 'install-windowsfeature'
  | 'ipconfig'
  | 'netfirewall'
  | 'icacls'
  | 'store-restore';

/** License states in SoftwareLicensingProduct.LicenseStatus order (0…6). */
export type LicenseStatus =
  | 'unlicensed'
  | 'licensed'
  | 'initial-grace'
  | 'additional-grace'
  | 'non-genuine-grace'
  | 'notification'
  | 'extended-grace';

/** One complete SRV record; records missing any field are left out, never filled in. */
export interface SrvRecord {
  target: string;
  port: number;
  priority: number;
  weight: number;
}

/**
 * The slmgr.vbs options whose success is one message of its own ("Installed product key … successfully."),
 * as typed after the slash, lowercase. /ato's success is `activated`.
 */
export const SLMGR_DONE = [
  'ipk',
  'upk',
  'cpky',
  'atp',
  'ilc',
  'rilc',
  'rearm',
  'rearm-app',
  'rearm-sku',
  'act-type',
  'skms',
  'ckms',
  'skms-domain',
  'ckms-domain',
  'sprt',
  'sai',
  'sri',
  'spri',
  'cpri',
  'del-ao',
  'ad-activation-online',
  'ad-activation-apply-cid',
] as const;
export type SlmgrDone = (typeof SLMGR_DONE)[number];

/** ospp.vbs's success messages of one line: a key installed or uninstalled, a licence installed, a setting applied. */
export const OSPP_DONE = [
  'key-installed',
  'key-uninstalled',
  'license-installed',
  'setting-applied',
] as const;
export type OsppDone = (typeof OSPP_DONE)[number];

/** A service's states as PowerShell's ServiceControllerStatus names them. */
export const SERVICE_STATES = [
  'Running',
  'Stopped',
  'StartPending',
  'StopPending',
  'Paused',
  'PausePending',
  'ContinuePending',
] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/**
 * Every fact the reader knows. A fact is present only when its value was read as printed and had
 * the expected shape: placeholders such as `<KMS-machine-name>` or redactions such as `XXXXX` leave
 * it absent. Codes are canonical: `0x` and 8 uppercase hex digits.
 */
export interface Facts {
  /** Product name (slmgr "Name:", CIM Name). */
  name?: string;
  /** The token before " channel" in the description: VOLUME_KMSCLIENT, OEM_DM, RETAIL(Grace)… */
  channel?: string;
  licenseStatus?: LicenseStatus;
  /** slmgr "Notification Reason: 0x…", or CIM LicenseStatusReason while in notification. */
  notificationReason?: string;
  /** CIM LicenseStatusReason in any state. */
  licenseStatusReason?: string;
  partialKey?: string;
  /** KMS host name or address; IPv6 without its brackets. */
  kmsHost?: string;
  kmsPort?: number;
  /** Where kmsHost came from: set with /skms (`registered`) or found through DNS (`dns`). */
  kmsHostFrom?: 'dns' | 'registered';
  /** slmgr "DNS auto-discovery: KMS name not available". */
  kmsDnsUnavailable?: boolean;
  kmsIp?: string;
  activationType?: 'All' | 'AD' | 'KMS' | 'Token';
  /** Remaining Windows rearm count. */
  rearmCount?: number;
  /** Remaining SKU rearm count. */
  skuRearmCount?: number;
  /** Volume:GVLK, Volume:MAK, Volume:CSVLK, Retail, OEM:DM… */
  productKeyChannel?: string;
  cmid?: string;
  /** Minutes until a licensed volume (or timebased, AVMA) activation expires. */
  expirationMinutes?: number;
  /** Minutes left in a grace period ("Time remaining"). */
  graceMinutes?: number;
  /** True on a KMS host; false only where output says so (CIM IsKeyManagementServiceMachine 0). */
  kmsEnabled?: boolean;
  currentCount?: number;
  listeningPort?: number;
  dnsPublishing?: boolean;
  /** CIM GenuineStatus as printed (0 genuine). */
  genuineStatus?: number;
  /** `slmgr /ato` printed "Product activated successfully." */
  activated?: boolean;
  /** The slmgr option whose own success message was printed (`ipk`, `skms`, `atp`, `rearm`…). */
  succeeded?: SlmgrDone;
  /** ospp.vbs printed a success of one message: which (its /sethst, /setprt, /remhst… all print "Successfully applied setting."). */
  osppSucceeded?: OsppDone;
  /**
   * slmgr /dlv all: an Office KMS host licence with its key reads Licensed. Read from a block set aside; in the
   * session, true only when every such licence listed does.
   */
  officeKmsHostLicensed?: boolean;
  /** ospp.vbs listed an Office product with a product key installed (its Partial Product Key line). */
  officeKeyInstalled?: boolean;
  /** slmgr printed an installation ID's digits (/dti, /dlv): there is one to read out for phone activation. */
  installationIdShown?: boolean;
  /** Install-WindowsFeature: its Success column (True: installed, or already there: NoChangeNeeded). */
  featureInstalled?: boolean;
  /** cmd's dir: how many files it listed (0: "File Not Found", or no such folder). */
  filesListed?: number;
  /** slmgr /ao-list: how many Active Directory activation objects it listed (0: none found, or a schema without ADBA). */
  activationObjects?: number;
  /** slmgr error, event HRESULT, w32tm sample error. */
  errorCode?: string;
  /** The slmgr error text after the code, rejoined across console wraps. */
  message?: string;
  /** The name looked up (DNS). */
  query?: string;
  /** The record type asked for, lowercase (srv, ns, a…), when the command or answer shows it. */
  queryType?: string;
  /** DNS server name as nslookup shows it ("UnKnown" included). */
  server?: string;
  serverAddress?: string;
  nonAuthoritative?: boolean;
  srv?: SrvRecord[];
  /** Only when no answer was read: the lookup failed this way. `no-records`: the name exists, no record of that type. */
  dnsFailure?: 'timeout' | 'not-found' | 'server-failure' | 'no-records';
  computerName?: string;
  remoteAddress?: string;
  remotePort?: number;
  pingSucceeded?: boolean;
  tcpTestSucceeded?: boolean;
  /** WARNING / ПРЕДУПРЕЖДЕНИЕ messages, without the prefix. */
  warnings?: string[];
  timeSource?: string;
  /** Last Successful Sync Time as printed (locale date format kept). */
  lastSync?: string;
  leapIndicator?: number;
  stratum?: number;
  /** Clock offset of the last successful stripchart sample, seconds, sign kept. */
  offsetSeconds?: number;
  /** The stripchart target. */
  target?: string;
  eventId?: number;
  source?: string;
  /** reg: SkipRearm under SoftwareProtectionPlatform (1: slmgr /rearm does nothing). */
  skipRearm?: number;
  /** reg: the Windows Time client's Type (W32Time\Parameters). */
  timeType?: 'NT5DS' | 'NTP' | 'NoSync' | 'AllSync';
  /** reg: the NTP client's Enabled value (W32Time\TimeProviders\NtpClient). */
  ntpClientEnabled?: boolean;
  /** reg printed that the key or value it was asked for is not there. */
  registryNotFound?: boolean;
  /** reg query /s /f under an Uninstall key: how many subkeys named by a GUID (MSI product codes) it found. */
  productCodeKeys?: number;
  /** DISM's current edition ID: ServerStandardEval, ServerDatacenter, Professional… */
  edition?: string;
  /** A service's state as Get-Service names it (sc's RUNNING is Running): one service's output only. */
  serviceState?: ServiceState;
  /** whoami /groups: the prompt's integrity level is high (or system): it runs elevated. */
  elevated?: boolean;
  /** w32tm /resync: the clock was resynchronized (false: "The computer did not resync because …"). */
  resynced?: boolean;
  /** Get-WinEvent printed "No events were found that match the specified selection criteria.": none listed. */
  noEvents?: boolean;
  /** After a reg add or reg delete command line: "The operation completed successfully." (true), or an error (false). */
  regChanged?: boolean;
  /** reg query of W32Time\Config: the smaller of MaxPosPhaseCorrection and MaxNegPhaseCorrection, seconds (4294967295: no limit). */
  maxPhaseCorrection?: number;
  /** DISM /Get-Intl: how many "Installed language(s)" rows it listed. */
  installedLanguages?: number;
  /** setupact.log: sysprep's /generalize option is logged (true); never false, a log findstr cannot open proving nothing. */
  generalized?: boolean;
  /** Event 12290 on a KMS host: the client that sent the request (its Info's third value). */
  kmsClient?: string;
  /** Event 12290 on a KMS host: that client's machine ID (its Info's fourth value); not this machine's. */
  clientCmid?: string;
  /** The 12290 events listed together: two machines (first DNS labels) taking turns under one CMID (true), or each its own (false). */
  sharedCmid?: boolean;
  /** Win32_BIOS SerialNumber as printed (the Service Tag on many makes, or a firmware placeholder); empty: a blank row, then the prompt. */
  biosSerial?: string;
  /** nslookup of a name: true when the answer gives the name asked (not a suffix-appended one) an address, false when the lookup failed. */
  resolved?: boolean;
  /** ipconfig /all: the primary DNS suffix (a domain member's domain). */
  primaryDnsSuffix?: string;
  /** ipconfig /all: the DNS suffix search list and every adapter's connection-specific suffix, each once. */
  dnsSuffixes?: string[];
  /** ipconfig /all: every adapter's DNS servers, in order, each once; not the fec0:0:0:ffff::1-3 placeholders. */
  dnsServers?: string[];
  /** ipconfig /all: how many DNS servers it lists; 0 (none, or the placeholders only) only where an adapter with an IPv4 address was read whole. */
  dnsServerCount?: number;
  /** ipconfig /all: every adapter's IPv4 address. */
  ipv4Addresses?: string[];
  /**
   * Get-NetConnectionProfile with the KMS rules: an enabled rule covers the profile of every card listed
   * (false: of none; several cards that differ, or an error record in the paste, give no value).
   */
  firewallRuleOn?: boolean;
  /**
   * Get-NetFirewallProfile with the enabled inbound Block rules, all three profiles read: every profile on
   * lets inbound rules in and the rule query listed no Block rule without an error, or every profile is off
   * (false: all three are on and block all inbound connections).
   */
  firewallInboundOpen?: boolean;
  /** icacls: the files it processed ("Successfully processed N files"). */
  processedFiles?: number;
  /** icacls: the files it failed to process ("Failed processing M files"). */
  failedFiles?: number;
  /**
   * icacls: tokens.dat's listing gives SYSTEM, Administrators and NETWORK SERVICE full control (F) with no
   * (DENY) entry and no file failed (false: a file failed, a (DENY) entry is listed, or tokens.dat's whole
   * listing leaves one of the three without (F)). English names only.
   */
  storeAclOk?: boolean;
  /** The restore of tokens.bar: dir lists tokens.dat and no tokens.bar, and no ren or cd error (false: tokens.bar is still there, or an error). */
  tokensRestored?: boolean;
}

/** Every fact name, at run time (flows name the facts that answer their questions). */
export const FACT_NAMES = [
  'name',
  'channel',
  'licenseStatus',
  'notificationReason',
  'licenseStatusReason',
  'partialKey',
  'kmsHost',
  'kmsPort',
  'kmsHostFrom',
  'kmsDnsUnavailable',
  'kmsIp',
  'activationType',
  'rearmCount',
  'skuRearmCount',
  'productKeyChannel',
  'cmid',
  'expirationMinutes',
  'graceMinutes',
  'kmsEnabled',
  'currentCount',
  'listeningPort',
  'dnsPublishing',
  'genuineStatus',
  'activated',
  'succeeded',
  'osppSucceeded',
  'installationIdShown',
  'officeKeyInstalled',
  'officeKmsHostLicensed',
  'activationObjects',
  'filesListed',
  'featureInstalled',
  'errorCode',
  'message',
  'query',
  'queryType',
  'server',
  'serverAddress',
  'nonAuthoritative',
  'srv',
  'dnsFailure',
  'computerName',
  'remoteAddress',
  'remotePort',
  'pingSucceeded',
  'tcpTestSucceeded',
  'warnings',
  'timeSource',
  'lastSync',
  'leapIndicator',
  'stratum',
  'offsetSeconds',
  'target',
  'eventId',
  'source',
  'skipRearm',
  'timeType',
  'ntpClientEnabled',
  'registryNotFound',
  'productCodeKeys',
  'edition',
  'serviceState',
  'elevated',
  'resynced',
  'noEvents',
  'regChanged',
  'maxPhaseCorrection',
  'installedLanguages',
  'generalized',
  'kmsClient',
  'clientCmid',
  'sharedCmid',
  'biosSerial',
  'resolved',
  'primaryDnsSuffix',
  'dnsSuffixes',
  'dnsServers',
  'dnsServerCount',
  'ipv4Addresses',
  'firewallRuleOn',
  'firewallInboundOpen',
  'processedFiles',
  'failedFiles',
  'storeAclOk',
  'tokensRestored',
] as const satisfies ReadonlyArray<keyof Facts>;
export type FactName = (typeof FACT_NAMES)[number];
// Fails to compile when Facts gains a field FACT_NAMES lacks.
export type AllFactsListed = Exclude<keyof Facts, FactName> extends never ? true : never;
const allListed: AllFactsListed = true;
void allListed;

/**
 * A licence listed beside the Windows one in use (slmgr /dlv all, /dli all): another product (Office…), an
 * add-on of Windows (Extended Security Updates, sharing Windows' application ID), or a licence not in use
 * (no product key). Its section keeps its facts, but they never feed the session's, save officeKmsHostLicensed,
 * which names the licence it describes. An older event whose every fact a newer one in the same list gives is set
 * aside too: the newest says how things stand now.
 */
export type Aside = 'other-product' | 'add-on' | 'not-in-use' | 'older';

/** One command output as read: its kind, its facts and the line each came from. */
export interface Section {
  kind: SectionKind;
  facts: Facts;
  aside?: Aside;
  /** For each fact, the source line it was read from (as pasted, trimmed; the first row of a wrapped line). */
  lines: Partial<Record<keyof Facts, string>>;
}

export interface ReadResult {
  /** One section per command output, in the order pasted. */
  sections: Section[];
  /**
   * Non-blank lines the reader did not understand (trimmed), in order. Capped: at most
   * MAX_UNREAD (200) lines, each cut to MAX_UNREAD_CHARS (500) characters.
   */
  unread: string[];
}

// ---- internal ----

/** An output kind's id (src/console/kinds/index.ts lists them): its module's name and its samples' folder. */
export type KindId = string;

/** One pasted row (or a segment of one, when output was glued onto a prompt). */
export interface Line {
  /** Trimmed text as pasted: what `lines` and `unread` report. */
  text: string;
  /** What patterns read: no-break spaces made plain, CP1251-shown-as-CP866 mojibake undone. */
  norm: string;
  /** Leading whitespace of the row as pasted. */
  indent: number;
  /** Row width without trailing whitespace: a full console row (80, 120) marks a wrap. */
  width: number;
  /** Longer than any real output line: never matched, only reported. */
  long: boolean;
}

/** What a line could be, for one output kind. */
export interface Hit {
  /** The kind that read it. */
  family: KindId;
  key: string;
  value: string;
  /** May open a section of its kind. */
  start: boolean;
  /** May occur more than once in one section (otherwise a repeat opens a new section). */
  repeat?: boolean;
  /** Begins an output: joins a section only while it holds no more than its command line ("Activating …"). */
  first?: boolean;
  /** The value may continue on following rows (console wrap). */
  wrap?: boolean;
  /**
   * The value is a sentence that ends with its full stop: until it does, the rows right under it continue
   * it, wherever they were cut (a message box, a narrow window, a photo of either wraps it short of 80 columns).
   */
  sentence?: boolean;
  /** A command line: always opens a section; carries a kind hint (slmgr /dlv). */
  command?: boolean;
  hint?: string;
  /** Read but belongs to no section (the cscript banner). */
  noise?: boolean;
  /** A name other kinds use too (Format-List "Name"): the rows that follow decide. */
  shared?: boolean;
}

/** One read row of a section (with the rows that continue it). */
export interface Entry {
  key: string;
  value: string;
  line: Line;
  /** Further rows that belong to this entry (Format-List continuation), as patterns read them. */
  more: string[];
  /** The same rows as pasted (trimmed): what `unread` reports when the section reads nothing. */
  moreText: string[];
  wrap: boolean;
  sentence: boolean;
  /** Width of the entry's last row, for deciding whether the next row continues it. */
  lastWidth: number;
  /** Width of its widest row: a message box's width, once it has wrapped. */
  widest: number;
  /** How many rows under it have been joined to it. */
  joined: number;
}

/** A section being read: the kind it belongs to, its entries, and the command's hint. */
export interface Draft {
  family: KindId;
  entries: Entry[];
  keys: Set<string>;
  hint?: string;
}

/** The section a draft becomes, or null when it holds nothing worth a section. */
export interface Finished {
  kind: SectionKind;
  facts: Facts;
  aside?: Aside;
  lines: Partial<Record<keyof Facts, string>>;
  /** When the output was written, as printed (an event's TimeCreated or Date): passed to `across`, never reported. */
  time?: string;
}

/**
 * One output kind the reader knows: how its output begins, how its lines are read, and which facts it can
 * yield. Each lives in its own module of src/console/kinds/, listed once in kinds/index.ts.
 */
export interface OutputKind {
  id: KindId;
  /** The section kinds its sections are. */
  sections: readonly SectionKind[];
  /** Every fact it can yield: a sample's sections never hold another (tests/unit/golden.test.ts). */
  facts: readonly FactName[];
  /**
   * Reads a command line, prompt stripped (`text`): the hit that opens its section, with any hint the
   * command gives (slmgr /dlv or /dli); null when the command is not its own.
   */
  command?(text: string): Hit | null;
  /**
   * What a line can be in its output, in every language it knows: labels, banners, rows. A hit with
   * `start` may open a section (a first label, a banner); the others only continue one.
   */
  line(line: Line): Hit | null;
  /** Lines it owns only while one of its sections is open (continuations, free text). */
  free?(draft: Draft, line: Line): Hit | null;
  /** The section a draft of its lines becomes. */
  finish(draft: Draft): Finished;
  /** What its sections prove together (the client IDs of several events): facts added to them, once all are read. */
  across?(sections: Section[], times: readonly (string | undefined)[]): void;
  /** Keys of rows that only set how later rows read (nslookup's `set type=`): read, never reported unread. */
  quiet?: readonly string[];
}
