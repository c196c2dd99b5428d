import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'license-store: 0x8007000D from changed registry permissions',
    situation:
      'slmgr /dlv and slmgr /ato both fail with 0x8007000D "The data is invalid" on a Windows 7 SP1 machine whatever key is installed.',
    start: { code: '0x8007000D' },
    answers: [],
    ends: 'license-store/enum-root',
  },
  {
    name: 'license-store: 0x8007000D still failing after the permissions are restored',
    situation: 'SYSTEM has its permissions on Enum\\Root again, but activation still fails with 0x8007000D.',
    start: { code: '0x8007000D' },
    answers: ['failing'],
    ends: 'license-store/escalate-store',
  },
  {
    name: 'license-store: 0xC004E002 on Windows 7, permissions restored',
    situation:
      'A Windows 7 client reports 0xC004E002; icacls restores the store permissions and activation then succeeds.',
    start: { code: '0xC004E002' },
    answers: ['win7', 'yes', 'yes'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/fix-permissions-7', 'license-store/activate-perms'],
  },
  {
    name: 'license-store: 0xC004E002 on Windows 7 stays after the permission repair: record first, no roll-back',
    situation:
      'icacls repairs the permissions on a Windows 7 client but activation still reports 0xC004E002; nothing was rebuilt, so there is no tokens.bar to roll back to and the store is recorded before a rebuild.',
    start: { flow: 'license-store' },
    answers: ['inconsistent', 'win7', 'yes', 'no', 'same'],
    ends: 'license-store/before-rebuild-7',
    passes: ['license-store/activate-perms', 'license-store/still-inconsistent-7'],
  },
  {
    name: 'license-store: another code after the Windows 7 permission repair is looked up',
    situation: 'After icacls, activation on a Windows 7 client fails with a different code.',
    start: { flow: 'license-store' },
    answers: ['inconsistent', 'win7', 'yes', 'no', 'other'],
    ends: 'no-code/enter-code',
    passes: ['license-store/still-inconsistent-7'],
  },
  {
    name: 'license-store: 0xC004E002 on Windows Server 2019, tokens.dat rebuilt',
    situation:
      'A Windows Server 2019 machine reports 0xC004E002 and still does after sppsvc is restarted; tokens.dat is rebuilt, the key reinstalled after two restarts, and it activates.',
    start: { code: '0xC004E002' },
    answers: ['newer', 'no', 'same', 'yes', 'no', 'public-key', 'no', 'yes', 'yes', 'yes', 'nothing'],
    ends: 'license-store/store-fixed',
    passes: [
      'license-store/before-rebuild',
      'license-store/office-before',
      'license-store/rebuild-tokens',
      'license-store/reinstall-key',
    ],
  },
  {
    name: 'license-store: 0xC004E015, product not found after the rebuild',
    situation:
      'slmgr /ato reports 0xC004E015 on a KMS client; after tokens.dat is rebuilt activation says "Error: Product not found", and the GVLK fixes it.',
    start: { code: '0xC004E015' },
    answers: [
      'newer',
      'yes',
      'no',
      'public-key',
      'no',
      'yes',
      'yes',
      'no',
      'product-not-found',
      'kms-client',
      'yes',
      'nothing',
    ],
    ends: 'license-store/store-fixed',
    passes: [
      'license-store/rebuild-tokens',
      'license-store/store-after',
      'license-store/not-found-host',
      'license-store/install-gvlk',
    ],
  },
  {
    name: 'license-store: 0xC004E015 rebuild on Windows 7 finds a tokens.bar from an earlier rebuild',
    situation:
      'On Windows 7 ren refuses to rename tokens.dat because a tokens.bar, the original store with its keys, is left from an earlier rebuild; the guide does not rebuild twice.',
    start: { code: '0xC004E015' },
    answers: ['win7', 'yes', 'no', 'public-key', 'no', 'ren-bar'],
    ends: 'license-store/escalate-store',
    passes: [
      'license-store/before-rebuild-7',
      'license-store/rebuild-tokens-7',
      'license-store/rebuild-failed',
    ],
  },
  {
    name: 'license-store: a rebuild on Windows 7 run without elevation is run again',
    situation:
      'On Windows 7 ren reports "Access is denied" because the prompt was not elevated; nothing was renamed, and the rebuild runs again from an elevated prompt.',
    start: { code: '0xC004E015' },
    answers: ['win7', 'yes', 'no', 'public-key', 'no', 'ren-error', 'win7'],
    ends: 'license-store/rebuild-tokens-7',
    passes: ['license-store/rebuild-failed', 'license-store/rebuild-again'],
  },
  {
    name: 'license-store: tokens.dat rebuilt on a newer Windows, key reinstalled, activated',
    situation:
      'Activation reports that the license consumption failed; tokens.dat is rebuilt, the key reinstalled and Windows activates.',
    start: { flow: 'license-store' },
    answers: ['consumption', 'newer', 'yes', 'no', 'public-key', 'no', 'yes', 'yes', 'yes', 'nothing'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/start', 'license-store/rebuild-tokens', 'license-store/reinstall-key'],
  },
  {
    name: 'license-store: 0xC004E002 on a KMS host whose host keys are not at hand',
    situation:
      'A Windows Server 2022 KMS host reports 0xC004E002; slmgr /dlv all shows a VOLUME_KMS channel and nobody has the CSVLK, so tokens.dat is not rebuilt.',
    start: { code: '0xC004E002' },
    answers: ['newer', 'no', 'same', 'yes', 'yes', 'no'],
    ends: 'license-store/escalate-host-store',
    passes: ['license-store/before-rebuild', 'license-store/host-keys-ready'],
  },
  {
    name: 'license-store: 0xC004E015 on a KMS host with volume Office, keys reinstalled after the rebuild',
    situation:
      'A KMS host that also activates Office LTSC 2021 reports 0xC004E015; its CSVLK and Office Volume License Pack are at hand, tokens.dat is rebuilt, the CSVLK reinstalled and the Office host licence put back.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'yes', 'yes', 'yes', 'office-host', 'yes', 'yes', 'yes', 'office-host'],
    ends: 'license-store/restore-other',
    passes: [
      'license-store/host-keys-ready',
      'license-store/office-before',
      'license-store/rebuild-tokens',
      'license-store/other-licences',
    ],
  },
  {
    name: 'license-store: product not found on a KMS host after the rebuild goes to the host key, not a GVLK',
    situation:
      'After tokens.dat is rebuilt on a KMS host, activation reports "Product not found"; the host gets its KMS host key back, activates, and then its Office KMS host licence is restored.',
    start: { code: '0xC004E015' },
    answers: [
      'newer',
      'yes',
      'yes',
      'yes',
      'no',
      'yes',
      'yes',
      'no',
      'product-not-found',
      'host',
      'yes',
      'yes',
      'office-host',
    ],
    ends: 'license-store/restore-other',
    passes: ['license-store/not-found-host', 'license-store/host-key-back', 'license-store/other-licences'],
  },
  {
    name: 'license-store: KMS host key refused after the rebuild is looked up by its code',
    situation: 'After the rebuild, slmgr /ipk refuses the KMS host key being put back on the host.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'yes', 'yes', 'no', 'yes', 'yes', 'no', 'product-not-found', 'host', 'no'],
    ends: 'kms-host/host-ato-error',
    passes: ['license-store/host-key-back'],
  },
  {
    name: 'license-store: Office host licence still unlicensed after the rebuild escalates, no roll-back',
    situation:
      'On a KMS host whose Windows host key was already reactivated, the Office KMS host licence stays unlicensed; rolling back would bring the corrupt store back and spend another reactivation.',
    start: { code: '0xC004E015' },
    answers: [
      'newer',
      'yes',
      'yes',
      'yes',
      'yes',
      'office-host',
      'yes',
      'yes',
      'yes',
      'office-host',
      'failing',
    ],
    ends: 'license-store/escalate-store',
    passes: ['license-store/restore-other'],
  },
  {
    name: 'license-store: volume-licensed Office gets its licences back after the rebuild',
    situation:
      'A Windows 10 KMS client with Office LTSC 2021 is rebuilt; the record showed Office licences, so they are reinstalled with ospp.vbs /inslic and the Office GVLK.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'no', 'public-key', 'yes', 'public-key', 'yes', 'yes', 'yes', 'office'],
    ends: 'license-store/restore-office',
    passes: ['license-store/office-before', 'license-store/other-licences'],
  },
  {
    name: 'license-store: the rebuild fixed nothing, the old store is put back',
    situation:
      'After tokens.dat is rebuilt on a Windows 10 client activation still fails with the same error; tokens.bar is renamed back and the case handed over.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'no', 'public-key', 'no', 'yes', 'yes', 'no', 'same', 'newer', 'yes'],
    ends: 'license-store/escalate-store',
    passes: ['license-store/restore-bar-version', 'license-store/restore-bar'],
  },
  {
    name: 'license-store: Windows 7 rebuild fixed nothing, the old store is put back from its own folder',
    situation:
      'After tokens.dat is rebuilt on a Windows 7 KMS client activation still fails with the same error; tokens.bar is renamed back in the Network Service profile and the case handed over.',
    start: { code: '0xC004E015' },
    answers: ['win7', 'yes', 'no', 'public-key', 'yes', 'yes', 'no', 'same', 'win7', 'yes'],
    ends: 'license-store/escalate-store',
    passes: [
      'license-store/rebuild-tokens-7',
      'license-store/restore-bar-version',
      'license-store/restore-bar-7',
    ],
  },
  {
    name: 'license-store: a Deny entry on the Windows 7 store is removed, not rebuilt over',
    situation:
      'On Windows 7 0xC004E002 stays; icacls lists NETWORK SERVICE:(DENY) on tokens.dat after the grant. The Deny is removed and activation works.',
    start: { code: '0xC004E002' },
    answers: ['win7', 'no', 'deny', 'yes', 'yes'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/perms-wrong-7', 'license-store/remove-deny-7', 'license-store/activate-perms'],
  },
  {
    name: 'license-store: an Office KMS host licence whose host key is not in hand stops the rebuild',
    situation:
      'A Windows Server 2019 member server (a KMS client) reports 0xC004E015; ospp.vbs /dstatus lists an Office KMS host licence and nobody has its host key.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'no', 'public-key', 'yes', 'office-host-missing'],
    ends: 'license-store/escalate-host-store',
    passes: ['license-store/office-keys'],
  },
  {
    name: 'license-store: Office retail key not in hand stops the rebuild',
    situation:
      'A Windows 11 KMS client with retail Office 2021 reports 0xC004E015; ospp.vbs /dstatus shows a RETAIL licence and nobody has its key.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'no', 'public-key', 'yes', 'key-missing'],
    ends: 'license-store/get-office-key-first',
    passes: ['license-store/office-before', 'license-store/office-keys'],
  },
  {
    name: 'license-store: a KMS host with Office clients gets both Office licences back',
    situation:
      'A Windows Server 2022 KMS host that also runs volume Office is rebuilt; the record showed the Office KMS host licence and Office client licences.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'yes', 'yes', 'yes', 'office-host', 'yes', 'yes', 'yes', 'both', 'yes'],
    ends: 'license-store/restore-office',
    passes: ['license-store/other-licences', 'license-store/restore-host-office'],
  },
  {
    name: 'license-store: Windows 7 KMS host is not rebuilt',
    situation: 'A Windows Server 2008 R2 KMS host reports 0xC004E015; slmgr /dlv all shows a KMS host key.',
    start: { code: '0xC004E015' },
    answers: ['win7', 'yes', 'yes'],
    ends: 'license-store/escalate-host-store',
    passes: ['license-store/before-rebuild-7'],
  },
  {
    name: 'license-store: slmgr /dlv all fails before the rebuild and nothing else tells: no rebuild',
    situation:
      'slmgr /dlv all fails with 0xC004E015, the Key Management Service log has no 12290 and no _vlmcs record names the machine; nobody can tell whether it is a KMS host.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'no', 'no', 'unsure'],
    ends: 'license-store/escalate-host-store',
    passes: ['license-store/host-log', 'license-store/host-gate'],
  },
  {
    name: 'license-store: KMS host found by its event 12290 although slmgr /dlv all fails',
    situation:
      'slmgr /dlv all fails on a server, but its Key Management Service log lists events 12290 from clients; its host keys are not at hand.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'no', 'yes', 'no'],
    ends: 'license-store/escalate-host-store',
    passes: ['license-store/host-log', 'license-store/host-keys-ready'],
  },
  {
    name: 'license-store: MAK machine without its full key is not rebuilt',
    situation:
      'A Windows 11 workstation activated by MAK reports 0xC004E015; the record shows VOLUME_MAK and only the last five characters, and nobody has the MAK.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'no', 'key-missing'],
    ends: 'license-store/get-key-first',
    passes: ['license-store/host-gate'],
  },
  {
    name: 'license-store: MAK machine with its key in hand is rebuilt and the MAK reinstalled',
    situation:
      'A Windows Server 2022 machine activated by MAK reports 0xC004E015; the MAK is at hand, so tokens.dat is rebuilt and the MAK reinstalled.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'no', 'key-in-hand', 'no', 'yes', 'yes', 'yes', 'nothing'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/host-gate', 'license-store/rebuild-tokens', 'license-store/reinstall-key'],
  },
  {
    name: 'license-store: Windows 7 retail machine without its key is not rebuilt',
    situation: 'A Windows 7 retail PC reports 0xC004E015 and its key label is unreadable.',
    start: { code: '0xC004E015' },
    answers: ['win7', 'yes', 'no', 'key-missing'],
    ends: 'license-store/get-key-first',
    passes: ['license-store/host-log-7', 'license-store/host-gate-7'],
  },
  {
    name: 'license-store: 0xC004E002 on Windows 11 cleared by restarting sppsvc, nothing rebuilt',
    situation:
      'A Windows 11 client reports 0xC004E002; after net stop sppsvc and net start sppsvc, slmgr /ato activates it and the store is left alone.',
    start: { code: '0xC004E002' },
    answers: ['newer', 'yes'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/store-version', 'license-store/restart-spp'],
  },
  {
    name: 'license-store: Windows Server 2012 with 0xC004E002 gets another code after the restart',
    situation:
      'A Windows Server 2012 machine (neither Windows 7 nor 8.1) reports 0xC004E002; after the service restart activation fails with another code, which is looked up.',
    start: { code: '0xC004E002' },
    answers: ['newer', 'no', 'other'],
    ends: 'no-code/enter-code',
    passes: ['license-store/restart-spp', 'license-store/still-inconsistent'],
  },
  {
    name: 'license-store: product not found on a MAK computer after the rebuild takes its own key, never a GVLK',
    situation:
      'A MAK-activated Windows Server 2019 reports 0xC004E015; its MAK is in hand, tokens.dat is rebuilt, and after the reinstalled key activation still says "Product not found": the MAK is installed again.',
    start: { code: '0xC004E015' },
    answers: [
      'newer',
      'yes',
      'no',
      'key-in-hand',
      'no',
      'yes',
      'yes',
      'no',
      'product-not-found',
      'own-key',
      'yes',
      'yes',
    ],
    ends: 'license-store/other-licences',
    passes: ['license-store/not-found-host', 'license-store/own-key-back', 'license-store/activate-store'],
  },
  {
    name: 'license-store: a rebuild that failed after the rename puts the old store back from tokens.bar',
    situation:
      'On Windows Server 2022 the rename of tokens.dat worked but net start sppsvc failed; the old store is put back from tokens.bar.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'no', 'public-key', 'no', 'no', 'after-ren', 'newer', 'yes'],
    ends: 'license-store/escalate-store',
    passes: [
      'license-store/rebuild-failed',
      'license-store/restore-bar-version',
      'license-store/restore-bar',
    ],
  },
  {
    name: 'license-store: on Windows Server 2008 R2 a rebuild that failed after the rename gets the Windows 7 folder',
    situation:
      'On a Windows Server 2008 R2 KMS client the rename worked but slmgr /rilc failed; the old store is put back from tokens.bar in the Network Service profile folder.',
    start: { code: '0xC004E015' },
    answers: ['win7', 'yes', 'no', 'public-key', 'no', 'after-ren', 'win7', 'yes'],
    ends: 'license-store/escalate-store',
    passes: ['license-store/rebuild-tokens-7', 'license-store/restore-bar-7'],
  },
  {
    name: 'license-store: net stop saying the service was not started does not stop a good rebuild',
    situation:
      'sppsvc had stopped by itself, so net stop printed that the service was not started; ren, net start and /rilc ran, and the key is reinstalled.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'no', 'public-key', 'no', 'no', 'net-stop-only', 'yes', 'yes', 'nothing'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/rebuild-failed', 'license-store/reinstall-key'],
  },
];
