import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'connectivity: 0x8007267C, the adapter lacks its DNS server',
    situation: 'Activation fails with 0x8007267C; ipconfig /all shows no DNS server on the adapter.',
    start: { code: '0x8007267C' },
    answers: ['no', 'set'],
    ends: 'connectivity/set-dns',
    passes: ['connectivity/ipconfig', 'connectivity/dns-choice'],
  },
  {
    name: 'connectivity: 0x8007267C on an isolated network, MAK and phone',
    situation: 'A lab network has no DNS server at all: the MAK is installed and activated by phone.',
    start: { code: '0x8007267C' },
    answers: ['no', 'none', 'no', 'yes'],
    ends: 'phone-activation/start',
    passes: ['connectivity/kms-reachable', 'connectivity/use-mak'],
  },
  {
    name: 'connectivity: 0x8007267C, DNS right, activation works',
    situation: 'The DNS servers are correct after all and the DNS server answers; activation succeeds.',
    start: { code: '0x8007267C' },
    answers: ['yes', 'yes'],
    ends: 'connectivity/activated',
  },
  {
    name: 'connectivity: 0x80072EE7 in events 8200 and 8208',
    situation:
      'A server without internet logs events 8200 and 8208 with hr=0x80072EE7 and event 900 caller=wsqmcons.exe.',
    start: { code: '0x80072EE7' },
    answers: [],
    ends: 'connectivity/genuine-ticket',
  },
  {
    name: 'connectivity: no DNS server set, one entered, activation works',
    situation:
      'slmgr /ato fails with 0x8007267C; ipconfig /all shows no DNS server; after setting it the client activates.',
    start: { flow: 'connectivity' },
    answers: ['no-dns', 'yes', 'yes'],
    ends: 'connectivity/activated',
    passes: ['connectivity/start', 'connectivity/ipconfig', 'connectivity/activate-267c'],
  },
  {
    name: 'connectivity: a DNS server is set and activation still fails',
    situation: 'The adapter has a DNS server, yet activation keeps failing: the network team takes it over.',
    start: { flow: 'connectivity' },
    answers: ['no-dns', 'yes', 'no'],
    ends: 'connectivity/escalate-connectivity',
  },
  {
    name: 'connectivity: no DNS server, KMS host given by its IPv4 address',
    situation:
      'A volume-licensed client on a network without DNS reports 0x8007267C; the KMS host is reachable at a known IPv4 address, so the client is pointed at it and activates on KMS.',
    start: { code: '0x8007267C' },
    answers: ['no', 'none', 'yes', 'yes'],
    ends: 'connectivity/activated-by-ip',
    passes: ['connectivity/kms-reachable', 'connectivity/kms-by-ip'],
  },
  {
    name: 'connectivity: no DNS server, KMS host by address fails, the port is tested before any MAK',
    situation:
      'The client cannot activate against the KMS host given by IPv4 address; Test-NetConnection to that address on TCP 1688 fails, so the blocked port is chased instead of spending a MAK activation.',
    start: { code: '0x8007267C' },
    answers: ['no', 'none', 'yes', 'no', 'no', 'false'],
    ends: 'kms-connect/host-service',
    passes: ['connectivity/kms-by-ip', 'kms-connect/test-port', 'kms-connect/port-result'],
  },
  {
    name: 'connectivity: activated by address, later failing again, tests the port',
    situation:
      'A client activated against a KMS host given by IPv4 address fails again later; the port to that address is tested first.',
    start: { code: '0x8007267C' },
    answers: ['no', 'none', 'yes', 'yes', 'failing'],
    ends: 'kms-connect/test-port',
    passes: ['connectivity/activated-by-ip'],
  },
];
