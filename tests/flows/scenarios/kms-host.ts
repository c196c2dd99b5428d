import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'kms-host: host not activated, online activation works',
    situation: 'Clients get 0xC004F041 after the KMS host was rebuilt; slmgr /ato on the host succeeds.',
    start: { code: '0xC004F041' },
    answers: ['yes'],
    ends: 'kms-host/host-activated',
    passes: ['kms-host/host-not-activated'],
  },
  {
    name: 'kms-host: host has no internet access',
    situation: 'The KMS host sits in an isolated network and its slmgr /ato times out with 0x80072EE2.',
    start: { code: '0xC004F041' },
    answers: ['no', 'timeout'],
    ends: 'phone-activation/start',
    passes: ['kms-host/host-ato-error'],
  },
  {
    name: 'kms-host: client sent to an Office-only host',
    situation:
      'Event 12288 shows the client asked the Office KMS host, which cannot activate Windows: 0xC004F042.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'no'],
    ends: 'kms-host/point-right-host',
    passes: ['office/windows-or-office', 'kms-host/wrong-host'],
  },
  {
    name: 'kms-host: Windows Server client against a Windows 10 KMS host',
    situation:
      'The only KMS host runs on a Windows 10 Enterprise PC, and a new Windows Server 2022 gets 0xC004F042.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'yes'],
    ends: 'kms-host/host-on-client-os',
    passes: ['kms-host/host-os'],
  },
  {
    name: 'kms-host: host key group too old, new host key and service restart',
    situation:
      'The host carries a Windows Server 2016 host key and a Windows Server 2022 client gets 0xC004F042; a 2022 host key is installed, sppsvc restarted and the host activated.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'no', 'yes', 'yes'],
    ends: 'kms-host/host-activated',
    passes: ['kms-host/host-key-group', 'kms-host/new-host-key', 'kms-host/restart-activate'],
  },
  {
    name: 'kms-host: host lacks the update for newer clients',
    situation:
      'The key group covers Windows Server 2025, but the Windows Server 2022 host has no 2024 cumulative update.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'no'],
    ends: 'kms-host/install-update',
    passes: ['kms-host/host-update'],
  },
  {
    name: 'kms-host: intended host only has a KMS client key',
    situation:
      'A server meant to be the KMS host shows VOLUME_KMSCLIENT: the CSVLK was never installed. It is installed, the service restarted and the host activated.',
    start: { flow: 'kms-host' },
    answers: ['not-enabled', 'no', 'no', 'yes', 'yes'],
    ends: 'kms-host/host-activated',
    passes: ['kms-host/no-host-key', 'kms-host/install-host-key', 'kms-host/restart-activate'],
  },
  {
    name: 'kms-host: KMS host key installed on a client PC',
    situation:
      'A technician typed the company CSVLK into a Windows 11 PC, which now publishes itself as a KMS host.',
    start: { flow: 'kms-host' },
    answers: ['key-on-client', 'yes'],
    ends: 'kms-host/install-gvlk',
    passes: ['kms-host/host-key-on-client'],
  },
  {
    name: 'kms-host: host key at its limit, second key installed',
    situation:
      'Reactivating the rebuilt host fails with 0xC004C008; a second CSVLK with activations left is installed.',
    start: { code: '0xC004F041' },
    answers: ['no', 'key-limit', 'yes', 'yes', 'yes'],
    ends: 'kms-host/host-activated',
    passes: ['kms-host/host-key-limit', 'kms-host/install-other-key', 'kms-host/restart-activate'],
  },
  {
    name: 'kms-host: 0xC004F015 on a Windows Server 2012 R2 host activating Windows 10',
    situation:
      'The 2012 R2 host logs 0xC004F015 in event 12290 for Windows 10 Enterprise clients; the "Windows Srv 2012R2 DataCtr/Std KMS for Windows 10" key is installed and the host activated.',
    start: { code: '0xC004F015' },
    answers: ['no', 'yes', 'yes'],
    ends: 'kms-host/host-activated',
    passes: ['kms-host/host-key-group', 'kms-host/new-host-key'],
  },
];
