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
    passes: ['license-store/fix-permissions-7', 'license-store/activate-store'],
  },
  {
    name: 'license-store: 0xC004E002 on Windows Server 2019, tokens.dat rebuilt',
    situation:
      'A Windows Server 2019 machine reports 0xC004E002; tokens.dat is rebuilt, the key reinstalled after two restarts, and it activates.',
    start: { code: '0xC004E002' },
    answers: ['newer', 'yes', 'yes', 'yes'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/rebuild-tokens', 'license-store/reinstall-key'],
  },
  {
    name: 'license-store: 0xC004E015, product not found after the rebuild',
    situation:
      'slmgr /ato reports 0xC004E015 on a KMS client; after tokens.dat is rebuilt activation says "Error: Product not found", and the GVLK fixes it.',
    start: { code: '0xC004E015' },
    answers: ['newer', 'yes', 'yes', 'no', 'product-not-found', 'yes'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/rebuild-tokens', 'license-store/store-after', 'license-store/install-gvlk'],
  },
  {
    name: 'license-store: 0xC004E015 rebuild fails on Windows 7',
    situation: 'On Windows 7 the rename of tokens.dat fails with an error.',
    start: { code: '0xC004E015' },
    answers: ['win7', 'no'],
    ends: 'license-store/escalate-store',
    passes: ['license-store/rebuild-tokens-7'],
  },
  {
    name: 'license-store: tokens.dat rebuilt on a newer Windows, key reinstalled, activated',
    situation:
      'Activation reports that the license consumption failed; tokens.dat is rebuilt, the key reinstalled and Windows activates.',
    start: { flow: 'license-store' },
    answers: ['consumption', 'newer', 'yes', 'yes', 'yes'],
    ends: 'license-store/store-fixed',
    passes: ['license-store/start', 'license-store/rebuild-tokens', 'license-store/reinstall-key'],
  },
];
