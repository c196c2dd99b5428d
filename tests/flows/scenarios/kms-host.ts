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
    answers: ['windows', 'yes', 'no', 'yes', 'ws2022', 'ws2025'],
    ends: 'kms-host/kb5034770',
    passes: ['kms-host/host-update', 'kms-host/clients-2022'],
  },
  {
    name: 'kms-host: Windows Server 2022 host with Windows 11 clients needs no update',
    situation:
      'The Windows Server 2022 host activates Windows 11 23H2 and Windows Server 2022; its key is the Windows Server 2022 group.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2022', 'older', 'yes'],
    ends: 'kms-host/escalate-host',
    passes: ['kms-host/clients-2022', 'kms-host/host-no-update'],
  },
  {
    name: 'kms-host: Windows Server 2025 host, key group checked',
    situation:
      'The KMS host runs Windows Server 2025, but its key is still the Windows Server 2019 group and the clients run Windows 11.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2025', 'no'],
    ends: 'kms-host/new-host-key',
    passes: ['kms-host/host-update', 'kms-host/host-no-update'],
  },
  {
    name: 'kms-host: host activated after its update, client still fails',
    situation:
      'After KB4467695 the 2012 R2 host takes its new host key but reports no error; the Windows Server 2019 client still fails.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012r2', 'ws2019', 'failing', 'host-ok'],
    ends: 'kms-host/escalate-host',
    passes: ['kms-host/kb4467695', 'kms-host/host-ato-error'],
  },
  {
    name: 'kms-host: intended host only has a KMS client key',
    situation:
      'A server meant to be the KMS host shows VOLUME_KMSCLIENT: the CSVLK was never installed. It is installed, the service restarted and the host activated.',
    start: { flow: 'kms-host' },
    answers: ['not-enabled', 'no', 'no', 'yes', 'yes', 'yes'],
    ends: 'kms-host/host-activated',
    passes: [
      'kms-host/no-host-key',
      'kms-host/va-role',
      'kms-host/install-host-key',
      'kms-host/restart-activate',
    ],
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
  {
    name: 'kms-host: Windows Server 2019 host, Windows Server 2022 clients',
    situation:
      'The host key group covers Windows Server 2022, but the Windows Server 2019 host has had no cumulative update since 2020.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2019', 'ws2022'],
    ends: 'kms-host/kb5003646',
    passes: ['kms-host/host-update', 'kms-host/clients-2019'],
  },
  {
    name: 'kms-host: Windows Server 2019 host, Windows Server 2025 clients',
    situation:
      'The first Windows Server 2025 machines arrive; the Windows Server 2019 host carries the 2025 host key but no 2024 update.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2019', 'ws2025'],
    ends: 'kms-host/kb5034768',
    passes: ['kms-host/clients-2019'],
  },
  {
    name: 'kms-host: Windows 10 host key refused on a Windows Server host',
    situation:
      'The technician tried the Windows 10 KMS host key from the licensing portal on the Windows Server 2019 host, and slmgr /ipk refused it.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'no', 'no', 'client-key'],
    ends: 'kms-host/new-host-key',
    passes: ['kms-host/key-newer-than-host'],
  },
  {
    name: 'kms-host: newer host key refused on an unpatched Windows Server 2016 host',
    situation:
      'The Windows Server 2022 host key will not install on the Windows Server 2016 host, which has no update since 2019.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'no', 'no', 'yes', 'ws2016', 'ws2022'],
    ends: 'kms-host/kb5003638',
    passes: ['kms-host/new-host-key', 'kms-host/key-newer-than-host', 'kms-host/clients-2016'],
  },
  {
    name: 'kms-host: Windows Server 2016 host, Windows Server 2019 clients',
    situation: 'A Windows Server 2016 host with the 2019 host key turns away Windows Server 2019 clients.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2016', 'ws2019'],
    ends: 'kms-host/kb4478877',
  },
  {
    name: 'kms-host: Windows Server 2016 host cannot serve Windows Server 2025',
    situation:
      'The 2025 host key will not go onto the Windows Server 2016 host: no version of that group can be hosted on 2016.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'no', 'no', 'yes', 'ws2016', 'ws2025'],
    ends: 'kms-host/host-too-old',
  },
  {
    name: 'kms-host: newer host key refused, but it is not newer than the host',
    situation:
      'A Windows Server 2019 host key is typed into a Windows Server 2022 host and refused; the code slmgr printed is followed instead.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'no', 'no', 'no', 'key-invalid'],
    ends: 'product-key/key-invalid',
    passes: ['kms-host/key-newer-than-host', 'kms-host/host-ato-error'],
  },
  {
    name: 'kms-host: 0xC004F015, Windows Server 2012 R2 host lacks the July 2016 rollup',
    situation:
      'The 2012 R2 host has the "Windows Srv 2012R2 DataCtr/Std KMS for Windows 10" key, yet logs 0xC004F015 for Windows 10 clients: KB3172614 was never installed.',
    start: { code: '0xC004F015' },
    answers: ['yes', 'ws2012r2', 'ws2016'],
    ends: 'kms-host/kb3172614',
    passes: ['kms-host/clients-2012r2'],
  },
  {
    name: 'kms-host: Windows Server 2012 R2 host, Windows Server 2019 clients',
    situation: 'The 2012 R2 host with the 2019 host key refuses new Windows Server 2019 machines.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012r2', 'ws2019'],
    ends: 'kms-host/kb4467695',
  },
  {
    name: 'kms-host: Windows Server 2012 R2 host, Windows Server 2022 clients',
    situation:
      'Windows Server 2022 clients are pointed at a 2012 R2 host, which no 2022 host key can run on.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012r2', 'ws2022'],
    ends: 'kms-host/host-too-old',
  },
  {
    name: 'kms-host: Windows Server 2012 host, Windows 10 clients',
    situation: 'A Windows Server 2012 host with the 2016 host key turns away Windows 10 clients.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012', 'ws2016'],
    ends: 'kms-host/kb3172615',
    passes: ['kms-host/clients-2012'],
  },
  {
    name: 'kms-host: Windows Server 2012 host, Windows Server 2019 clients',
    situation: 'Windows Server 2019 clients meet a Windows Server 2012 host.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012', 'ws2019'],
    ends: 'kms-host/host-too-old',
  },
  {
    name: 'kms-host: 0xC004F015 on a Windows Server 2008 R2 host',
    situation:
      'The old 2008 R2 host logs 0xC004F015 for Windows 10 clients; its key covers Windows 10 but KB3079821 is missing.',
    start: { code: '0xC004F015' },
    answers: ['yes', 'ws2008r2', 'win10'],
    ends: 'kms-host/kb3079821',
    passes: ['kms-host/clients-2008r2'],
  },
  {
    name: 'kms-host: Windows Server 2008 R2 host, Windows Server 2016 clients',
    situation: 'Windows Server 2016 clients are sent to the 2008 R2 host.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2008r2', 'ws2016'],
    ends: 'kms-host/host-too-old',
  },
  {
    name: 'kms-host: Windows 8.1 KMS host, Windows 10 clients',
    situation: 'A Windows 8.1 PC serves as KMS host for a small office and refuses its new Windows 10 PCs.',
    start: { code: '0xC004F015' },
    answers: ['yes', 'win81', 'win10'],
    ends: 'kms-host/kb3172614',
    passes: ['kms-host/clients-win81'],
  },
  {
    name: 'kms-host: Windows 8.1 KMS host, Windows 11 clients',
    situation:
      'The Windows 8.1 host of a small office turns away its first Windows 11 PCs; its Windows 10 host key cannot cover them.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'win81', 'win11'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/clients-win81'],
  },
  {
    name: 'kms-host: Windows 7 KMS host, Windows 10 clients',
    situation: 'A Windows 7 KMS host refuses Windows 10 clients.',
    start: { code: '0xC004F015' },
    answers: ['yes', 'win7', 'win10'],
    ends: 'kms-host/kb3079821',
    passes: ['kms-host/clients-win7'],
  },
  {
    name: 'kms-host: Windows 7 KMS host, Windows Server clients',
    situation: 'A Windows 7 KMS host is asked to activate Windows 11 PCs and a few Windows Server machines.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'win7', 'win11'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/clients-win7'],
  },
  {
    name: 'kms-host: Windows 10 KMS host, Windows 10 clients',
    situation: 'A Windows 10 KMS host, not updated for years, turns away newly imaged Windows 10 clients.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'win10', 'win10'],
    ends: 'kms-host/win10-no-update',
    passes: ['kms-host/clients-win10'],
  },
  {
    name: 'kms-host: Windows 10 KMS host needs no update, its key group is wrong',
    situation:
      'A Windows 10 KMS host turns away Windows 10 clients; slmgr /dlv shows a key group that does not cover them.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'win10', 'win10', 'no'],
    ends: 'kms-host/new-host-key',
    passes: ['kms-host/win10-no-update'],
  },
  {
    name: 'kms-host: Windows 10 KMS host, Windows 10 Enterprise LTSC 2021 clients',
    situation:
      'New Windows 10 Enterprise LTSC 2021 machines are pointed at a Windows 10 KMS host, whose host key group does not list them.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'win10', 'win11'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/clients-win10'],
  },
  {
    name: 'kms-host: Windows Server 2012 host, Windows 10 Enterprise LTSC 2019 clients',
    situation:
      'Windows 10 Enterprise LTSC 2019 clients meet a Windows Server 2012 host, which cannot carry the Windows Server 2019 host key.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012', 'ws2019'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/clients-2012'],
  },
  {
    name: 'kms-host: Windows Server 2008 R2 host, Windows 10 Enterprise LTSC 2021 clients',
    situation: 'Windows 10 Enterprise LTSC 2021 clients are sent to the old 2008 R2 host.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2008r2', 'ws2016'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/clients-2008r2'],
  },
  {
    name: 'kms-host: Windows Server 2016 host, Windows 10 Enterprise LTSC 2019 clients',
    situation:
      'A Windows Server 2016 host turns away Windows 10 Enterprise LTSC 2019 clients; KB4478877 is missing.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2016', 'ws2019'],
    ends: 'kms-host/kb4478877',
    passes: ['kms-host/clients-2016'],
  },
  {
    name: 'kms-host: host updated, but its own activation has no internet',
    situation:
      'After KB4467695 the 2012 R2 host takes its new host key, but slmgr /ato on the host times out: it has no internet access.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012r2', 'ws2019', 'failing', 'timeout'],
    ends: 'phone-activation/start',
    passes: ['kms-host/kb4467695', 'kms-host/host-ato-error'],
  },
  {
    name: 'kms-host: latest updates installed, host key then refused at activation',
    situation:
      'On an unlisted host the latest rollup is installed, but slmgr /ato on the host answers 0xC004C008.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'other', 'failing', 'key-limit'],
    ends: 'kms-host/host-key-limit',
    passes: ['kms-host/install-update', 'kms-host/host-ato-error'],
  },
  {
    name: 'kms-host: Windows 10 KMS host, Windows 11 clients',
    situation:
      'Windows 11 PCs are pointed at a Windows 10 KMS host, whose host key covers Windows 10 at most.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'win10', 'win11'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/clients-win10'],
  },
  {
    name: 'kms-host: Windows Server 2008 host, Windows 10 clients',
    situation:
      'Windows 10 clients reach an old Windows Server 2008 KMS host, which no update lets activate them.',
    start: { code: '0xC004F015' },
    answers: ['yes', 'ws2008'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/host-update'],
  },
  {
    name: 'kms-host: host on an unlisted Windows gets the latest updates',
    situation: 'The technician cannot tell which Windows the KMS host runs.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'other'],
    ends: 'kms-host/install-update',
  },
  {
    name: 'kms-host: host already up to date',
    situation: 'The Windows Server 2025 host activates older clients only; no update is missing.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'not-older', 'yes'],
    ends: 'kms-host/escalate-host',
    passes: ['kms-host/host-no-update'],
  },
  {
    name: 'kms-host: Volume Activation role will not install',
    situation:
      'On a new Windows Server 2022 meant as KMS host, Install-WindowsFeature fails; the host key goes in with slmgr all the same.',
    start: { flow: 'kms-host' },
    answers: ['not-enabled', 'no', 'no', 'no', 'yes', 'yes'],
    ends: 'kms-host/host-activated',
    passes: ['kms-host/va-role', 'kms-host/install-host-key'],
  },
  {
    name: 'kms-host: new host key refused on a fresh host without the update',
    situation:
      'A fresh Windows Server 2019 host with no cumulative update since 2020 refuses the Windows Server 2022 host key at slmgr /ipk.',
    start: { flow: 'kms-host' },
    answers: ['not-enabled', 'no', 'no', 'yes', 'no', 'yes', 'ws2019', 'ws2022'],
    ends: 'kms-host/kb5003646',
    passes: ['kms-host/install-host-key', 'kms-host/key-newer-than-host', 'kms-host/clients-2019'],
  },
  {
    name: 'kms-host: Windows Server 2019 host, Windows 10 Enterprise LTSC 2021 clients',
    situation:
      'New Windows 10 Enterprise LTSC 2021 machines fail against the Windows Server 2019 host, which still carries its Windows Server 2016 host key.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2019', 'ws2019', 'no'],
    ends: 'kms-host/new-host-key',
    passes: ['kms-host/clients-2019', 'kms-host/host-no-update'],
  },
  {
    name: 'kms-host: Windows 8.1 KMS host, Windows 8.1 clients',
    situation:
      'A Windows 8.1 KMS host refuses Windows 8.1 clients; no Windows 10 machines are in the office yet.',
    start: { code: '0xC004F015' },
    answers: ['yes', 'win81', 'win81'],
    ends: 'kms-host/host-no-update',
    passes: ['kms-host/clients-win81'],
  },
  {
    name: 'kms-host: Windows 7 KMS host, Windows 7 clients',
    situation: 'A Windows 7 KMS host turns away Windows 7 clients only.',
    start: { code: '0xC004F015' },
    answers: ['yes', 'win7', 'win7'],
    ends: 'kms-host/host-no-update',
    passes: ['kms-host/clients-win7'],
  },
  {
    name: 'kms-host: Windows 11 machine set up as KMS host',
    situation:
      'Someone turned a Windows 11 PC into the KMS host; the clients get 0xC004F042 and no update helps.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'win11'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/host-update'],
  },
  {
    name: 'kms-host: Windows Server host key refused on a Windows 10 host',
    situation:
      'A Windows Server 2022 host key is typed into the Windows 10 machine that serves as KMS host and is refused at slmgr /ipk.',
    start: { flow: 'kms-host' },
    answers: ['not-enabled', 'no', 'no', 'yes', 'no', 'server-key'],
    ends: 'kms-host/host-too-old',
    passes: ['kms-host/install-host-key', 'kms-host/key-newer-than-host'],
  },
  {
    name: 'kms-host: Windows Server 2016 host, Windows 10 clients only',
    situation:
      'A Windows Server 2016 host turns away Windows 10 Enterprise clients; its key is a Windows Server 2012 R2 key for Windows 10 clients.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2016', 'no-update', 'no'],
    ends: 'kms-host/new-host-key',
    passes: ['kms-host/clients-2016', 'kms-host/host-no-update'],
  },
  {
    name: 'kms-host: Windows Server 2012 R2 host, Windows 8.1 clients',
    situation: 'A Windows Server 2012 R2 host refuses Windows 8.1 clients; no newer Windows is in use.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012r2', 'no-update'],
    ends: 'kms-host/host-no-update',
    passes: ['kms-host/clients-2012r2'],
  },
  {
    name: 'kms-host: Windows Server 2012 host, Windows 8 and 7 clients',
    situation:
      'A Windows Server 2012 host activates only Windows 8 and Windows 7 clients and turns them away.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2012', 'no-update'],
    ends: 'kms-host/host-no-update',
    passes: ['kms-host/clients-2012'],
  },
  {
    name: 'kms-host: Windows Server 2008 R2 host, Windows 7 clients',
    situation: 'A Windows Server 2008 R2 host turns away Windows 7 clients; its key group is checked.',
    start: { code: '0xC004F042' },
    answers: ['windows', 'yes', 'no', 'yes', 'ws2008r2', 'no-update', 'yes'],
    ends: 'kms-host/escalate-host',
    passes: ['kms-host/clients-2008r2', 'kms-host/host-no-update'],
  },
  {
    name: 'kms-host: Windows Server 2025 host without TPM attestation',
    situation:
      'After the 2026-08 update a Windows Server 2025 KMS host on old hardware says it does not meet the requirements for hardware-based security; it has no TPM 2.0 with key attestation.',
    start: { flow: 'kms-host', node: 'start' },
    answers: ['hw-secured', 'no', 'no'],
    ends: 'kms-host/hw-plan',
    passes: ['kms-host/hw-readiness', 'kms-host/hw-tpm'],
  },
  {
    name: 'kms-host: Windows Server 2025 host already eligible',
    situation:
      'slmgr /dlv on a new Windows Server 2025 KMS host says it is eligible to serve with hardware-based security.',
    start: { flow: 'kms-host', node: 'start' },
    answers: ['hw-secured', 'yes'],
    ends: 'kms-host/hw-ready',
  },
];
