import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'time-sync: domain client six hours behind, resync fixes it',
    situation:
      'A domain-joined Windows 11 client fails with 0xC004F06C; its UTC time is six hours behind the KMS host, and w32tm /resync brings it back.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'client', 'yes', 'yes', 'yes', 'yes', 'yes'],
    ends: 'time-sync/activated',
    passes: ['time-sync/utc-both', 'time-sync/which-clock', 'time-sync/resync', 'time-sync/activate'],
  },
  {
    name: 'time-sync: the KMS host clock is the wrong one',
    situation:
      'Comparing UTC on both machines shows the KMS host is five hours fast while the client matches the domain; the host is resynchronized, not the client.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'host', 'yes', 'yes', 'yes'],
    ends: 'time-sync/activated',
    passes: ['time-sync/host-resync', 'time-sync/client-clock', 'time-sync/activate'],
  },
  {
    name: 'time-sync: both clocks wrong, host fixed first',
    situation:
      "The KMS host is five hours fast and the client is a day behind; the host is resynchronized, then the client's time service is fixed before it activates.",
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'both', 'yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes'],
    ends: 'time-sync/activated',
    passes: ['time-sync/host-resync', 'time-sync/client-clock', 'time-sync/time-service', 'time-sync/resync'],
  },
  {
    name: 'time-sync: host clock stays wrong after resync',
    situation:
      "The KMS host's clock is wrong and w32tm /resync on the host does not fix it: its time source is broken.",
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'host', 'no', 'no', 'no', 'no'],
    ends: 'time-sync/escalate-time',
    passes: ['time-sync/host-resync', 'time-sync/host-source', 'time-sync/host-local-clock'],
  },
  {
    name: 'time-sync: virtual KMS host whose clock the hypervisor keeps setting',
    situation:
      'The KMS host is a Hyper-V virtual machine; after w32tm /resync its clock jumps back, and w32tm /query /status shows Source: VM IC Time Synchronization Provider.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'host', 'no', 'yes'],
    ends: 'time-sync/host-hypervisor',
    passes: ['time-sync/host-resync', 'time-sync/host-source'],
  },
  {
    name: 'time-sync: only the client is reachable, stripchart shows a 5-hour offset, NTP client off',
    situation:
      'A workgroup kiosk PC; the technician cannot sign in to the KMS host (a domain controller that serves time), stripchart reports +18000 s, and the NTP client is disabled.',
    start: { code: '0xC004F06C' },
    answers: ['client-only', 'yes', 'yes', 'client', 'yes', 'yes', 'no', 'no', 'yes', 'yes', 'yes'],
    ends: 'time-sync/activated',
    passes: ['time-sync/stripchart', 'time-sync/offset-size', 'time-sync/enable-ntp', 'time-sync/resync-ntp'],
  },
  {
    name: 'time-sync: stripchart gets no answer from a member-server host',
    situation:
      'The KMS host is an ordinary member server that does not serve time, so every stripchart sample reads error; comparing UTC on both shows the clocks agree.',
    start: { code: '0xC004F06C' },
    answers: ['client-only', 'no', 'no'],
    ends: 'time-sync/not-time',
    passes: ['time-sync/stripchart', 'time-sync/utc-both'],
  },
  {
    name: 'time-sync: workgroup laptop a day off, the time service refuses the correction',
    situation:
      'A workgroup laptop whose CMOS battery died is 26 hours behind; w32tm /resync changes nothing because MaxNegPhaseCorrection is 15 hours, so the clock is set by hand.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'client', 'yes', 'yes', 'no', 'yes', 'no', 'yes', 'yes', 'yes'],
    ends: 'time-sync/activated',
    passes: ['time-sync/resync-ntp', 'time-sync/phase-limits', 'time-sync/set-clock'],
  },
  {
    name: 'time-sync: domain member left on a manual NTP source',
    situation:
      'A server that was once in a workgroup was joined to the domain but still has Type = NTP pointing to a dead NTP server.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'client', 'yes', 'yes', 'yes', 'no', 'no', 'yes', 'yes'],
    ends: 'time-sync/activated',
    passes: ['time-sync/domain-type', 'time-sync/set-nt5ds'],
  },
  {
    name: 'time-sync: clocks fixed, activation fails for another reason',
    situation:
      'After the resync the clocks agree, but slmgr /ato still fails and event 12288 now shows 0xC004F074 instead of 0xC004F06C.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'client', 'yes', 'yes', 'yes', 'yes', 'no', 'no'],
    ends: 'kms-connect/start',
    passes: ['time-sync/check-event'],
  },
  {
    name: 'time-sync: 0xC004F06C persists after the clocks agree',
    situation: 'The client is resynchronized, yet the next request in event 12288 still carries 0xC004F06C.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'client', 'yes', 'yes', 'yes', 'yes', 'no', 'yes'],
    ends: 'time-sync/escalate-time',
    passes: ['time-sync/check-event'],
  },
  {
    name: 'time-sync: clocks within 4 hours',
    situation: 'The client is in another time zone, but in UTC the two clocks differ by only a few seconds.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'no'],
    ends: 'time-sync/not-time',
    passes: ['time-sync/utc-both'],
  },
  {
    name: 'time-sync: KMS host on VMware whose clock VMware Tools resets',
    situation:
      'The KMS host runs on VMware; w32tm shows the domain hierarchy as its source, yet its clock jumps back after each resync because VMware Tools sets it.',
    start: { flow: 'time-sync' },
    answers: ['both', 'yes', 'host', 'no', 'no', 'no', 'yes'],
    ends: 'time-sync/host-hypervisor',
    passes: ['time-sync/host-source', 'time-sync/host-local-clock', 'time-sync/host-vmware'],
  },
  {
    name: 'time-sync: KMS host on VMware whose time service keeps its own clock',
    situation:
      'The KMS host is a VMware virtual machine and w32tm /resync does not hold, but w32tm /query /status shows Source: Local CMOS Clock: its Windows Time settings are at fault, not the hypervisor.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'host', 'no', 'no', 'yes'],
    ends: 'time-sync/host-w32time',
    passes: ['time-sync/host-source', 'time-sync/host-local-clock'],
  },
  {
    name: 'time-sync: Windows Time stopped on a domain client with no time source',
    situation:
      'A domain-joined client fails with 0xC004F06C; the Windows Time service is stopped, and once started it reports Local CMOS Clock, so its Type is checked.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'client', 'no', 'yes', 'no', 'no', 'yes'],
    ends: 'time-sync/domain-type',
    passes: [
      'time-sync/time-service',
      'time-sync/start-time',
      'time-sync/time-status',
      'time-sync/no-source',
    ],
  },
  {
    name: 'time-sync: workgroup client on a free-running clock',
    situation:
      'A workgroup PC whose time service runs but shows Free-running System Clock as its source: its NTP client is checked next.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'client', 'yes', 'no', 'no', 'no'],
    ends: 'time-sync/ntp-source',
    passes: ['time-sync/no-source'],
  },
  {
    name: 'time-sync: Hyper-V client whose clock follows its host',
    situation:
      'A client is a Hyper-V virtual machine; w32tm /query /status shows Source: VM IC Time Synchronization Provider, so its clock follows the Hyper-V host and the virtualization administrators are asked.',
    start: { code: '0xC004F06C' },
    answers: ['both', 'yes', 'client', 'yes', 'no', 'yes'],
    ends: 'time-sync/client-hypervisor',
    passes: ['time-sync/time-status', 'time-sync/source-vm-ic'],
  },
];
