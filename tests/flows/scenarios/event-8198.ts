import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'event-8198: 0xC0020017, the host set by name works',
    situation:
      'slmgr /ato fails generically and event 8198 shows 0xC0020017; pointing the client at the KMS host with /skms activates it.',
    start: { code: '0xC0020017' },
    answers: ['yes', 'yes'],
    ends: 'event-8198/activated',
    passes: ['event-8198/set-host'],
  },
  {
    name: 'event-8198: 0x8007139F behind Always On VPN',
    situation:
      'A laptop on Always On VPN logs event 8198 with 0x8007139F; all its traffic is forced through the tunnel.',
    start: { code: '0x8007139F' },
    answers: ['yes', 'no', 'yes'],
    ends: 'event-8198/exempt-tunnel',
    passes: ['event-8198/tunneling'],
  },
  {
    name: 'event-8198: port 1688 blocked',
    situation:
      'Event 8198 shows 0xC0020017, no tunnel, restarting sppsvc does not help, and Test-NetConnection from the client to the host on 1688 fails.',
    start: { code: '0xC0020017' },
    answers: ['yes', 'no', 'no', 'no', 'no'],
    ends: 'event-8198/open-port',
    passes: ['event-8198/restart-spp', 'event-8198/psping'],
  },
  {
    name: 'event-8198: the host name does not resolve',
    situation:
      'Test-NetConnection from the client reaches the host on 1688, but nslookup of the host name fails on the client.',
    start: { code: '0x8007139F' },
    answers: ['yes', 'no', 'no', 'no', 'yes', 'no'],
    ends: 'event-8198/fix-dns',
    passes: ['event-8198/dns-check'],
  },
  {
    name: 'event-8198: the event shows 0x8007007B',
    situation: 'Event 8198 carries 0x8007007B instead: the DNS checks take over.',
    start: { flow: 'event-8198' },
    answers: ['no', 'dns'],
    ends: 'kms-dns/start',
    passes: ['event-8198/other-code'],
  },
  {
    name: 'event-8198: host set, no tunnel, port open, DNS answers, still failing',
    situation:
      'Event 8198 keeps coming: the host is set, no VPN tunnels the traffic, port 1688 answers and DNS resolves the host.',
    start: { flow: 'event-8198' },
    answers: ['yes', 'no', 'no', 'no', 'yes', 'yes'],
    ends: 'event-8198/escalate-8198',
    passes: ['event-8198/tunneling', 'event-8198/psping', 'event-8198/dns-check'],
  },
];
