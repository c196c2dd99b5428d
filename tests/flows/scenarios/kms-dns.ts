import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'kms-dns: no KMS host in the organization',
    situation:
      'A small company installed volume media with its KMS client key but never set up a KMS host: 0x8007232B.',
    start: { code: '0x8007232B' },
    answers: ['no'],
    ends: 'kms-dns/use-mak',
  },
  {
    name: 'kms-dns: client limited to Active Directory-based activation',
    situation:
      'slmgr /dlv shows "Configured Activation Type: AD" on a client that should use KMS, so it never looks up _vlmcs._tcp.',
    start: { code: '0x8007007B' },
    answers: ['yes', 'no'],
    ends: 'kms-dns/act-type-wrong',
    passes: ['kms-dns/act-type'],
  },
  {
    name: 'kms-dns: misspelled host set with /skms',
    situation: 'Someone ran slmgr /skms kms01.contso.com:1688; the client gets 0x8007232B.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'yes', 'no'],
    ends: 'kms-dns/clear-manual',
    passes: ['kms-dns/check-manual', 'kms-dns/manual-name-right'],
  },
  {
    name: 'kms-dns: a second live host is kept, workgroup client searches the wrong suffix',
    situation:
      'nslookup shows records for kms01 and kms02; kms02 is a second host that still works, and the workgroup client gets no connection-specific suffix from DHCP.',
    start: { code: '0x8007251D' },
    answers: ['yes', 'yes', 'no', 'yes', 'other-host', 'no', 'no'],
    ends: 'kms-dns/wrong-zone',
    passes: ['kms-dns/stale-check', 'kms-dns/check-suffix'],
  },
  {
    name: 'kms-dns: record of a retired host deleted',
    situation:
      'The only _vlmcs record names kms-old, switched off a month ago; the new host never registered.',
    start: { code: '0x80092328' },
    answers: ['yes', 'yes', 'no', 'yes', 'other-host', 'yes'],
    ends: 'kms-dns/fix-record',
    passes: ['kms-dns/stale-check'],
  },
  {
    name: 'kms-dns: DNS publishing switched off on the host',
    situation: 'No _vlmcs record exists; the host has DisableDnsPublishing = 1 from an old hardening script.',
    start: { code: '0x8007232B' },
    answers: ['unsure', 'yes', 'no', 'no', 'no', 'yes'],
    ends: 'kms-dns/enable-publishing',
    passes: ['kms-dns/check-srv', 'kms-dns/check-publishing'],
  },
  {
    name: 'kms-dns: second host cannot update the _VLMCS record',
    situation:
      'A newly built second host logs event 12293 with 0x80072338: the first host owns the _VLMCS record.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'no', 'no', 'no', 'yes', 'failed'],
    ends: 'kms-dns/record-owner',
    passes: ['kms-dns/host-events', 'kms-dns/publish-result'],
  },
  {
    name: 'kms-dns: neither FQDN nor IP works, IP host cleared and on to the connection checks',
    situation:
      'The SRV record and suffixes are right, but /skms by FQDN and by IP both fail: the IP host is cleared with /ckms and the session moves to the port and firewall checks.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'yes', 'current', 'yes', 'no', 'no', 'yes'],
    ends: 'kms-connect/test-port',
    passes: ['kms-dns/set-fqdn', 'kms-dns/set-ip', 'kms-dns/both-failed'],
  },
  {
    name: 'kms-dns: host name does not resolve, IP works',
    situation: "The KMS host's A record was deleted by mistake: activation by IP works, by name it does not.",
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'yes', 'current', 'yes', 'no', 'yes'],
    ends: 'kms-dns/name-was-problem',
    passes: ['kms-dns/set-ip'],
  },
  {
    name: 'kms-dns: DNS server down, bypass by IP also fails',
    situation:
      'A branch client gets 0x8007232A; its DNS servers are right but time out, and even by IP the host cannot be reached, so the IP setting is cleared before the connection checks.',
    start: { code: '0x8007232A' },
    answers: ['no', 'no', 'yes', 'failing', 'yes'],
    ends: 'kms-connect/test-port',
    passes: ['kms-dns/dns-servers', 'kms-dns/bypass-dns', 'kms-dns/both-failed'],
  },
  {
    name: 'kms-dns: DHCP hands out a public DNS server',
    situation:
      'A misconfigured DHCP scope gives clients a public DNS server that knows nothing of the internal zone.',
    start: { code: '0x8007232A' },
    answers: ['no', 'no', 'no'],
    ends: 'kms-dns/fix-dns-servers',
    passes: ['kms-dns/dns-server'],
  },
  {
    name: 'kms-dns: Azure VM with DNS name does not exist',
    situation: 'An Azure VM from a custom image reports 0x8007232B; it should use Azure KMS.',
    start: { code: '0x8007232B' },
    answers: ['azure'],
    ends: 'kms-connect/azure-kms',
  },
  {
    name: 'kms-dns: event 12293 with 0x80072338 on a second KMS host',
    situation:
      'A new KMS host logs event 12293, Info 0x80072338: the _VLMCS record belongs to the first host.',
    start: { code: '0x80072338' },
    answers: [],
    ends: 'kms-dns/record-owner',
  },
  {
    name: 'kms-dns: SRV record and host disagree on the port',
    situation:
      'The _vlmcs record names the host with port 1688, but a hardening script moved the host to port 11688 with slmgr /sprt.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'yes', 'wrong-port'],
    ends: 'kms-dns/port-mismatch',
    passes: ['kms-dns/record-target'],
  },
  {
    name: 'kms-dns: zone refuses the host dynamic updates',
    situation:
      'The host logs event 12293 with a code other than 0x80072338; slui.exe 0x2a describes it as a refusal: the zone takes no dynamic updates from the host.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'no', 'no', 'no', 'yes', 'failed-other', 'refused'],
    ends: 'kms-dns/zone-updates',
    passes: ['kms-dns/publish-result', 'kms-dns/decode-12293'],
  },
  {
    name: 'kms-dns: zone stays closed, record made by hand',
    situation:
      'The DNS team will not give the host write access; the record is created by hand and publishing is turned off only on the host whose publishing fails.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'no', 'no', 'no', 'yes', 'failed-other', 'refused', 'failing'],
    ends: 'kms-dns/manual-record',
    passes: ['kms-dns/zone-updates'],
  },
  {
    name: 'kms-dns: host has no DNS servers to publish to',
    situation:
      'The host logs event 12293 with 0x8007267C; slui.exe 0x2a says no DNS servers are configured: its network card was set up with a static address and no DNS servers.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'no', 'no', 'no', 'yes', 'failed-other', 'dns-settings'],
    ends: 'kms-dns/host-dns-settings',
    passes: ['kms-dns/decode-12293'],
  },
  {
    name: 'kms-dns: 12293 with a code that is neither a refusal nor a DNS setting',
    situation:
      'The host logs event 12293 with a code slui.exe 0x2a describes as neither; the record is created by hand.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'no', 'no', 'no', 'yes', 'failed-other', 'other'],
    ends: 'kms-dns/manual-record',
    passes: ['kms-dns/decode-12293'],
  },
  {
    name: 'kms-dns: Azure VM on Azure DNS that still fails',
    situation:
      "An Azure VM gets 0x8007232A although 168.63.129.16 is its first DNS server; Azure's KMS by IP address activates it.",
    start: { code: '0x8007232A' },
    answers: ['no', 'yes', 'yes', 'yes'],
    ends: 'kms-dns/azure-ip-done',
    passes: ['kms-dns/azure-vm', 'kms-dns/azure-dns', 'kms-dns/azure-kms-ip'],
  },
  {
    name: 'kms-dns: Azure VM, first KMS address fails, second works',
    situation: "An Azure VM cannot use 20.118.99.224 but activates against Azure's second KMS address.",
    start: { code: '0x8007232A' },
    answers: ['no', 'yes', 'yes', 'no', 'yes'],
    ends: 'kms-dns/azure-ip-done',
    passes: ['kms-dns/azure-kms-ip-2'],
  },
  {
    name: 'kms-dns: Azure VM left with a retired custom DNS server',
    situation:
      "An Azure VM lists an old custom DNS server first; it does not need custom DNS, so its network interface inherits the virtual network's Default (Azure-provided) again.",
    start: { code: '0x8007232A' },
    answers: ['no', 'yes', 'no', 'no'],
    ends: 'kms-dns/azure-dns-default',
    passes: ['kms-dns/azure-custom-dns'],
  },
  {
    name: 'kms-dns: Azure VM whose NSG blocks DNS to its custom servers',
    situation:
      'A domain-joined Azure VM must keep its custom DNS servers, but a network security group blocks port 53 to them.',
    start: { code: '0x8007232A' },
    answers: ['no', 'yes', 'no', 'yes', 'no'],
    ends: 'kms-dns/azure-dns-open',
    passes: ['kms-dns/azure-dns-port'],
  },
  {
    name: 'kms-dns: SRV lookup times out on the client',
    situation:
      'nslookup -type=srv _vlmcs._tcp on a client ends with "Request to dc01 timed-out": the DNS server failed, the record is not missing.',
    start: { code: '0x8007232B' },
    answers: ['yes', 'yes', 'no', 'no', 'yes', 'no', 'no', 'no'],
    ends: 'kms-dns/fix-dns-servers',
    passes: ['kms-dns/srv-failed', 'kms-dns/dns-server', 'kms-dns/azure-vm'],
  },
  {
    name: 'kms-dns: Azure VM whose custom DNS server is reachable but fails',
    situation:
      'A domain-joined Azure VM reaches its custom DNS server on port 53, but the server answers Server failed over UDP and TCP alike: its administrators are told.',
    start: { code: '0x8007232A' },
    answers: ['no', 'yes', 'no', 'yes', 'yes', 'no', 'report'],
    ends: 'kms-dns/azure-dns-report',
    passes: ['kms-dns/azure-dns-port', 'kms-dns/azure-dns-tcp', 'kms-dns/azure-dns-admins'],
  },
  {
    name: 'kms-dns: Azure VM activated by address while its DNS server is repaired',
    situation:
      "A domain-joined Azure VM's custom DNS server answers Server failed; the technician activates against Azure's KMS by IP address while the DNS administrators fix it.",
    start: { code: '0x8007232A' },
    answers: ['no', 'yes', 'no', 'yes', 'yes', 'no', 'by-ip', 'yes'],
    ends: 'kms-dns/azure-ip-done',
    passes: ['kms-dns/azure-dns-admins', 'kms-dns/azure-kms-ip'],
  },
  {
    name: 'kms-dns: Azure VM whose NSG lets only TCP reach its DNS server',
    situation:
      'A domain-joined Azure VM passes the TCP test on port 53 and nslookup -vc answers, but plain queries time out: a network security group allows only TCP 53, so UDP 53 is opened too.',
    start: { code: '0x8007232A' },
    answers: ['no', 'yes', 'no', 'yes', 'yes', 'yes'],
    ends: 'kms-dns/azure-dns-open',
    passes: ['kms-dns/azure-dns-port', 'kms-dns/azure-dns-tcp'],
  },
];
