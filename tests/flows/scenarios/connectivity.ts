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
    answers: ['no', 'none', 'yes'],
    ends: 'phone-activation/start',
    passes: ['connectivity/use-mak'],
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
];
