/**
 * Get-CimInstance / Get-WmiObject SoftwareLicensingProduct and SoftwareLicensingService in
 * Format-List form. Property names are English on every display language. Values follow the WMI
 * classes (learn.microsoft.com, "SoftwareLicensingProduct class" / "SoftwareLicensingService class")
 * and the way slmgr.vbs shows them.
 */
import {
  Sink,
  bool,
  channelOf,
  decimalCode,
  first,
  formatList,
  hexCode,
  hostPort,
  isGuid,
  port,
  uint,
  WINDOWS_APP,
} from '../text.ts';
import { commandHit } from '../commands.ts';
import { LICENSE_STATUSES } from '../fact-rules.ts';
import type { Aside, Draft, Entry, Finished, Hit, Line, OutputKind } from '../types.ts';

// SoftwareLicensingProduct and SoftwareLicensingService properties (both MOFs, Windows 7…11).
const NAMES = new Set(
  `ID Description ApplicationID ProcessorURL MachineURL ProductKeyURL UseLicenseURL LicenseStatus
  LicenseStatusReason GracePeriodRemaining EvaluationEndDate OfflineInstallationId PartialProductKey ProductKeyID
  ProductKeyID2 LicenseFamily LicenseDependsOn LicenseIsAddon VLActivationInterval VLRenewalInterval
  KeyManagementServiceProductKeyID KeyManagementServiceMachine KeyManagementServicePort
  DiscoveredKeyManagementServiceMachineName DiscoveredKeyManagementServiceMachinePort
  DiscoveredKeyManagementServiceMachineIpAddress IsKeyManagementServiceMachine KeyManagementServiceCurrentCount
  RequiredClientCount KeyManagementServiceUnlicensedRequests KeyManagementServiceLicensedRequests
  KeyManagementServiceOOBGraceRequests KeyManagementServiceOOTGraceRequests
  KeyManagementServiceNonGenuineGraceRequests KeyManagementServiceTotalRequests KeyManagementServiceFailedRequests
  KeyManagementServiceNotificationRequests KeyManagementServiceLookupDomain GenuineStatus ExtendedGrace
  TokenActivationILID TokenActivationILVID TokenActivationGrantNumber TokenActivationCertificateThumbprint
  TokenActivationAdditionalInfo TrustedTime ProductKeyChannel ValidationURL RemainingAppReArmCount
  RemainingSkuReArmCount ADActivationObjectName ADActivationObjectDN ADActivationCsvlkPid ADActivationCsvlkSkuId
  VLActivationTypeEnabled VLActivationType IAID AutomaticVMActivationHostMachineName
  AutomaticVMActivationLastActivationTime AutomaticVMActivationHostDigitalPid2 ClientMachineID
  RemainingWindowsReArmCount KeyManagementServiceListeningPort KeyManagementServiceDnsPublishing
  KeyManagementServiceLowPriority KeyManagementServiceHostCaching KeyManagementServiceActivationDisabled
  PolicyCacheRefreshRequired OA2xBiosMarkerMinorVersion OA2xBiosMarkerStatus OA3xOriginalProductKey
  OA3xOriginalProductKeyDescription OA3xOriginalProductKeyPkPn SubscriptionType SubscriptionStatus
  SubscriptionEdition SubscriptionStatusReason SubscriptionExpiration SubscriptionExpirationDate
  __GENUS __CLASS __SUPERCLASS __DYNASTY __RELPATH __PROPERTY_COUNT __DERIVATION __SERVER __NAMESPACE __PATH
  PSComputerName CimClass CimInstanceProperties CimSystemProperties`.split(/\s+/),
);
// Shared with other Format-List outputs (Resolve-DnsName has Name; events have Version…): these
// never open a section by themselves.
const SHARED = new Set([
  'Name',
  'Version',
  'Scope',
  'Path',
  'Options',
  'ClassPath',
  'Properties',
  'SystemProperties',
  'Qualifiers',
  'Site',
  'Container',
]);

// What a line can be in SoftwareLicensingProduct / Service Format-List output.
function cimLine(line: Line): Hit | null {
  const fl = formatList(line.norm);
  if (!fl) return null;
  if (NAMES.has(fl.name)) return { family: 'cim', key: fl.name, value: fl.value, start: true };
  if (SHARED.has(fl.name)) return { family: 'cim', key: fl.name, value: fl.value, start: true, shared: true };
  return null;
}

const ACTIVATION_TYPES = ['All', 'AD', 'KMS', 'Token'] as const;
// WMI prints uint32 -1 where a value does not apply ("-1 indicates that the host is not enabled as
// a KMS", WMI Properties and Methods for Volume Activation).
const NOT_SET = 4294967295;

function set(value: string | undefined): number | undefined {
  const n = uint(value);
  return n === NOT_SET ? undefined : n;
}

function finishCim(draft: Draft): Finished {
  const e = draft.entries;
  const s = new Sink('cim');
  const get = (name: string): Entry | undefined => first(e, name);
  const text = (name: string): string | undefined => get(name)?.value || undefined;

  const name = get('Name');
  s.put('name', name?.value || undefined, name);
  const desc = get('Description');
  s.put('channel', desc ? channelOf(desc.value) : undefined, desc);
  const ls = get('LicenseStatus');
  const status = LICENSE_STATUSES[uint(ls?.value) ?? -1];
  s.put('licenseStatus', status, ls);
  const reasonEntry = get('LicenseStatusReason');
  const reason = reasonEntry ? (decimalCode(reasonEntry.value) ?? hexCode(reasonEntry.value)) : undefined;
  s.put('licenseStatusReason', reason, reasonEntry);
  // slmgr shows the reason as "Notification Reason" only in the notification state.
  if (status === 'notification') s.put('notificationReason', reason, reasonEntry);
  // slmgr: licensed → "Volume activation expiration" when not 0; grace states → "Time remaining".
  const grace = get('GracePeriodRemaining');
  const minutes = set(grace?.value);
  if (status === 'licensed' && minutes) s.put('expirationMinutes', minutes, grace);
  if (status && /grace/.test(status) && minutes !== undefined) s.put('graceMinutes', minutes, grace);
  const pkc = get('ProductKeyChannel');
  s.put('productKeyChannel', pkc?.value, pkc);
  const pk = get('PartialProductKey');
  s.put('partialKey', pk?.value, pk);
  const vat = get('VLActivationTypeEnabled');
  s.put('activationType', ACTIVATION_TYPES[uint(vat?.value) ?? -1], vat);

  // As slmgr: the /skms name when set, else the one found in DNS.
  const reg = get('KeyManagementServiceMachine');
  const regHost = reg?.value ? hostPort(reg.value, false) : undefined;
  const disc = get('DiscoveredKeyManagementServiceMachineName');
  const discHost = disc?.value ? hostPort(disc.value, false) : undefined;
  if (reg && regHost) {
    s.put('kmsHost', regHost.host, reg);
    s.put('kmsHostFrom', 'registered', reg);
    const p = get('KeyManagementServicePort');
    s.put('kmsPort', regHost.port ?? port(p?.value), regHost.port ? reg : p);
  } else if (disc && discHost) {
    s.put('kmsHost', discHost.host, disc);
    s.put('kmsHostFrom', 'dns', disc);
    const p = get('DiscoveredKeyManagementServiceMachinePort');
    s.put('kmsPort', discHost.port ?? port(p?.value), discHost.port ? disc : p);
  } else if (
    disc &&
    !disc.value &&
    !text('KeyManagementServiceMachine') &&
    s.out.facts.channel === 'VOLUME_KMSCLIENT'
  ) {
    // slmgr prints "DNS auto-discovery: KMS name not available" for a KMS client in this case.
    s.put('kmsDnsUnavailable', true, disc);
  }
  const ip = get('DiscoveredKeyManagementServiceMachineIpAddress');
  s.put('kmsIp', ip?.value, ip);
  const cmid = get('ClientMachineID');
  s.put('cmid', cmid?.value, cmid);

  const isKms = get('IsKeyManagementServiceMachine');
  const kms = uint(isKms?.value);
  s.put('kmsEnabled', kms === undefined ? undefined : kms > 0, isKms);
  // Host-only values, shown by slmgr only on a KMS host (WMI fills defaults on every machine).
  if (kms !== 0) {
    const count = get('KeyManagementServiceCurrentCount');
    s.put('currentCount', set(count?.value), count);
    const lp = get('KeyManagementServiceListeningPort');
    s.put('listeningPort', port(lp?.value), lp);
    const pub = get('KeyManagementServiceDnsPublishing');
    s.put('dnsPublishing', bool(pub?.value), pub);
  }
  for (const [fact, property] of [
    ['rearmCount', 'RemainingWindowsReArmCount'],
    ['skuRearmCount', 'RemainingSkuReArmCount'],
    ['genuineStatus', 'GenuineStatus'],
  ] as const) {
    const line = get(property);
    s.put(fact, set(line?.value), line);
  }
  // As slmgr /dlv all: another product's licence, an add-on (Extended Security Updates share Windows'
  // application ID), or one with no key, never stands for Windows in use.
  const app = text('ApplicationID')?.toLowerCase();
  const addon = text('LicenseIsAddon')?.toLowerCase() === 'true';
  const aside: Aside | undefined =
    (app && isGuid(app) && app !== WINDOWS_APP) || addon
      ? 'other-product'
      : pk && !pk.value && status === 'unlicensed'
        ? 'not-in-use'
        : undefined;
  return aside ? { ...s.out, aside } : s.out;
}

/** SoftwareLicensingProduct / SoftwareLicensingService listings. */
export const CIM: OutputKind = {
  id: 'cim',
  sections: ['cim'],
  facts: [
    'name',
    'channel',
    'licenseStatus',
    'licenseStatusReason',
    'notificationReason',
    'expirationMinutes',
    'graceMinutes',
    'productKeyChannel',
    'partialKey',
    'activationType',
    'kmsHost',
    'kmsPort',
    'kmsHostFrom',
    'kmsDnsUnavailable',
    'kmsIp',
    'cmid',
    'kmsEnabled',
    'currentCount',
    'listeningPort',
    'dnsPublishing',
    'rearmCount',
    'skuRearmCount',
    'genuineStatus',
  ],
  command: (text) =>
    /^(?:Get-CimInstance|Get-WmiObject|gcim|gwmi)\s/i.test(text) &&
    /SoftwareLicensing(?:Product|Service)\b/i.test(text)
      ? commandHit('cim', text)
      : null,
  line: cimLine,
  // Any other property of the same object (newer Windows adds some), and wrapped values.
  free: (_draft, line) => {
    const fl = formatList(line.norm);
    if (fl) return { family: 'cim', key: fl.name, value: fl.value, start: false };
    return line.indent > 0 ? { family: 'cim', key: '+', value: line.norm, start: false, repeat: true } : null;
  },
  finish: finishCim,
};
