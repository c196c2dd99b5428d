import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'kms-connect: never-activated client, host found in event 12288, firewall rule off',
    situation:
      'A new Windows 11 client fails with 0xC004F074; slmgr /dlv names no host because it never activated, event 12288 names kms01:1688, and the SPPSVC-In-TCP rule on the new host is off.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'yes', 'yes', 'no', 'false', 'yes', 'yes', 'no', 'off', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: [
      'kms-connect/tried-host',
      'kms-connect/test-port',
      'kms-connect/check-firewall',
      'kms-connect/firewall-what',
      'kms-connect/enable-firewall',
    ],
  },
  {
    name: 'kms-connect: no host on record, technician knows the FQDN',
    situation:
      'The client has never found a host and has no event 12288; the technician knows the host is kms01.contoso.com and sets it with /skms before activating.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'no', 'fqdn', 'yes', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: [
      'kms-connect/know-host',
      'kms-connect/set-host',
      'kms-connect/test-port',
      'kms-connect/activate-now',
    ],
  },
  {
    name: 'kms-connect: /skms refused without elevation',
    situation: 'The technician runs slmgr /skms from a normal prompt and gets access denied.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'no', 'fqdn', 'no'],
    ends: 'privileges/start',
    passes: ['kms-connect/set-host'],
  },
  {
    name: 'kms-connect: Azure VM pointed at Azure KMS',
    situation:
      'An Azure VM built from a custom image fails with 0xC004F074; it is pointed at azkms.core.windows.net:1688, port 1688 answers, and it activates.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'no', 'azure', 'yes', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: ['kms-connect/azure-kms', 'kms-connect/azure-port'],
  },
  {
    name: 'kms-connect: Azure VM behind forced tunneling',
    situation:
      'An Azure VM whose traffic is forced through an on-premises firewall cannot reach azkms.core.windows.net on port 1688.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'no', 'azure', 'yes', 'no', 'no'],
    ends: 'kms-connect/escalate-azure',
    passes: ['kms-connect/azure-port', 'kms-connect/azure-port-name'],
  },
  {
    name: 'kms-connect: Azure VM that cannot resolve Azure KMS nor reach it by address',
    situation:
      "An Azure VM's DNS cannot resolve azkms.core.windows.net; activating by Azure KMS's two addresses fails as well.",
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'no', 'azure', 'yes', 'no', 'yes', 'no', 'no'],
    ends: 'kms-connect/escalate-azure',
    passes: ['kms-connect/azure-port-name', 'kms-dns/azure-kms-ip', 'kms-dns/azure-kms-ip-2'],
  },
  {
    name: 'kms-connect: Windows 7 client without Test-NetConnection',
    situation:
      'An old Windows 7 client reports "Test-NetConnection is not recognized"; the .NET TcpClient test prints True and the client then activates.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'yes', 'yes', 'no', 'missing', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: ['kms-connect/port-result', 'kms-connect/test-port-legacy'],
  },
  {
    name: 'kms-connect: Software Protection service stopped on the host',
    situation:
      'Clients get 0xC004F039; on the KMS host sppsvc is Stopped, and after Start-Service the port answers.',
    start: { code: '0xC004F039' },
    answers: ['yes', 'yes', 'no', 'false', 'no', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: ['kms-connect/host-service', 'kms-connect/start-service'],
  },
  {
    name: 'kms-connect: stale SRV record to a retired host',
    situation:
      'Clients get 0x800706BA; slmgr /dlv on an activated client shows the old host kms-old, retired last month, still in DNS.',
    start: { code: '0x800706BA' },
    answers: ['yes', 'no'],
    ends: 'kms-connect/stale-records',
    passes: ['kms-connect/host-current'],
  },
  {
    name: 'kms-connect: DNS cleaned up but still failing, back to the port test',
    situation:
      'After deleting the retired host records and running /ckms, activation still fails; the session returns to the port test against the host in service, which succeeds.',
    start: { code: '0x800706BA' },
    answers: ['yes', 'no', 'failing', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: ['kms-connect/stale-records', 'kms-connect/test-port'],
  },
  {
    name: 'kms-connect: host on Windows Server 2022 lacks the update for Windows Server 2025 clients',
    situation:
      'A new Windows Server 2025 client reaches the host (event 12290 logged) but gets no activation; the host has not installed KB5034770 or later.',
    start: { code: '0xC004F074' },
    answers: [
      'windows',
      'yes',
      'yes',
      'yes',
      'no',
      'yes',
      'no-answer',
      'yes',
      'yes',
      'no',
      'ws2022',
      'ws2025',
    ],
    ends: 'kms-host/kb5034770',
    passes: [
      'kms-connect/host-event',
      'kms-connect/version-match',
      'kms-connect/host-updated',
      'kms-host/host-update',
    ],
  },
  {
    name: 'kms-connect: host listens on a changed port',
    situation:
      'The host was moved to port 1700 with slmgr /sprt, but the hand-made SRV record still says 1688.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'yes', 'yes', 'no', 'false', 'yes', 'no', 'other-port'],
    ends: 'kms-connect/port-mismatch',
    passes: ['kms-connect/host-listening'],
  },
  {
    name: 'kms-connect: event 12288 carries a timestamp error',
    situation: 'slmgr /ato says 0xC004F074, but event 12288 shows 0xC004F06C: the clocks are the problem.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'yes', 'yes', 'yes', 'no', 'yes', 'timestamp'],
    ends: 'time-sync/start',
    passes: ['kms-connect/client-events', 'kms-connect/events-show'],
  },
  {
    name: 'kms-connect: host firewall open, network still blocks 1688',
    situation:
      'sppsvc runs, KMS listens on 1688 and the host rule is enabled for Any profile, yet a branch-office firewall drops TCP 1688.',
    start: { code: '0xC004F039' },
    answers: ['yes', 'yes', 'no', 'false', 'yes', 'yes', 'yes', 'yes', 'yes'],
    ends: 'kms-connect/network-path',
    passes: [
      'kms-connect/check-firewall',
      'kms-connect/check-firewall-scope',
      'kms-connect/check-firewall-block',
    ],
  },
  {
    name: 'kms-connect: Windows 10 KMS host on a private network, clients on other subnets',
    situation:
      'A Windows 10 Enterprise KMS host sits on a Private network; SPPSVC-In-TCP is on but admits LocalSubnet only, and the clients are routed from 10.20.0.0/16.',
    start: { code: '0xC004F039' },
    answers: ['yes', 'yes', 'no', 'false', 'yes', 'yes', 'yes', 'no', 'address', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: [
      'kms-connect/check-firewall-scope',
      'kms-connect/scope-what',
      'kms-connect/widen-firewall-scope',
    ],
  },
  {
    name: 'kms-connect: host moved to port 1700, the built-in rule opens 1688 only',
    situation:
      'The host was set to listen on 1700 with slmgr /sprt and the clients use 1700; SPPSVC-In-TCP is on for Any, but it opens 1688.',
    start: { code: '0xC004F039' },
    answers: ['yes', 'yes', 'no', 'false', 'yes', 'yes', 'yes', 'no', 'port', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: ['kms-connect/scope-what', 'kms-connect/add-port-rule'],
  },
  {
    name: 'kms-connect: no host known at all',
    situation:
      'No host in slmgr, no event 12288, and the technician does not know the KMS host: discovery through DNS is next.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'no', 'unknown'],
    ends: 'kms-dns/start',
    passes: ['kms-connect/know-host'],
  },
  {
    name: 'kms-connect: Windows 11 KMS host on a domain network, NoScope rule off',
    situation:
      'A Windows 11 Enterprise machine serves as KMS host on a domain network; only SPPSVC-In-TCP (Private, Public, LocalSubnet) was enabled, so SPPSVC-In-TCP-NoScope for the Domain profile is turned on too.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'yes', 'yes', 'no', 'false', 'yes', 'yes', 'no', 'off', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: ['kms-connect/check-firewall', 'kms-connect/enable-firewall'],
  },
  {
    name: 'kms-connect: domain KMS host on a network Windows calls Public',
    situation:
      'A Windows Server 2022 KMS host had the rule set for Domain and Private as Microsoft gives it, but its network shows Public: it lost sight of the domain controllers at boot. Restarting Network Location Awareness brings back DomainAuthenticated.',
    start: { code: '0xC004F039' },
    answers: [
      'yes',
      'yes',
      'no',
      'false',
      'yes',
      'yes',
      'no',
      'other-profile',
      'yes',
      'no',
      'not-domain',
      'yes',
      'yes',
    ],
    ends: 'kms-connect/activated',
    passes: ['kms-connect/firewall-what', 'kms-connect/network-location', 'kms-connect/enable-firewall'],
  },
  {
    name: 'kms-connect: a domain KMS host that cannot see a domain controller',
    situation:
      'The KMS host in a branch shows its network as Public; restarting Network Location Awareness does not help, because the site link to the domain controllers is down.',
    start: { code: '0xC004F039' },
    answers: ['yes', 'yes', 'no', 'false', 'yes', 'yes', 'no', 'other-profile', 'no'],
    ends: 'kms-connect/domain-unreachable',
    passes: ['kms-connect/network-location'],
  },
  {
    name: 'kms-connect: a workgroup KMS host on a lab network Windows calls Public',
    situation:
      'A workgroup Windows Server KMS host in an isolated lab network has its card on Public, so the Domain and Private rule does not apply; the lab network is private, so the card is set to Private.',
    start: { code: '0xC004F039' },
    answers: ['yes', 'yes', 'no', 'false', 'yes', 'yes', 'no', 'workgroup-public', 'yes', 'yes'],
    ends: 'kms-connect/activated',
    passes: ['kms-connect/firewall-what', 'kms-connect/set-private'],
  },
  {
    name: 'kms-connect: the host firewall is set by Group Policy with local rules ignored',
    situation:
      'The KMS host takes its firewall from a GPO that turns local rule merging off: the active policy lists no KMS rule, so the rule has to be turned on in the GPO.',
    start: { code: '0xC004F039' },
    answers: ['yes', 'yes', 'no', 'false', 'yes', 'yes', 'no', 'policy'],
    ends: 'kms-connect/firewall-gpo',
    passes: ['kms-connect/firewall-what'],
  },
  {
    name: 'kms-connect: the KMS rule is on, but the Public profile blocks all incoming connections',
    situation:
      'A workgroup KMS host has SPPSVC-In-TCP on with clients admitted, but its profile was set to block all incoming connections (AllowInboundRules False).',
    start: { code: '0xC004F039' },
    answers: ['yes', 'yes', 'no', 'false', 'yes', 'yes', 'yes', 'yes', 'no'],
    ends: 'kms-connect/firewall-blocks',
    passes: ['kms-connect/check-firewall-block'],
  },
  {
    name: 'kms-connect: a Hyper-V guest on AVMA is sent to its host, not to a KMS host',
    situation:
      'A Windows Server 2022 virtual machine on a Datacenter Hyper-V host has no KMS host on record; it is meant to activate by AVMA.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'no', 'avma'],
    ends: 'kms-connect/avma',
    passes: ['kms-connect/know-host'],
  },
  {
    name: 'kms-connect: AVMA still failing is handed to the Hyper-V host administrators',
    situation: 'The AVMA key is installed in the guest but event 12309 keeps reporting Invalid Host.',
    start: { code: '0xC004F074' },
    answers: ['windows', 'no', 'no', 'avma', 'failing'],
    ends: 'kms-connect/escalate-avma',
    passes: ['kms-connect/avma'],
  },
];
