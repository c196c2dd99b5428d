import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'privileges: slmgr run from an ordinary prompt',
    situation:
      'slmgr /ato from a normal Command Prompt fails with 0x80070005; from an elevated prompt it works.',
    start: { code: '0x80070005' },
    answers: ['no', 'yes', 'yes'],
    ends: 'privileges/activated',
    passes: ['privileges/open-elevated', 'privileges/retry'],
  },
  {
    name: 'privileges: 0xC004F025 from a non-elevated slmgr /ipk',
    situation:
      'slmgr /ipk run without elevation prints 0xC004F025; the technician reopens the prompt as administrator.',
    start: { code: '0xC004F025' },
    answers: ['no', 'yes', 'yes'],
    ends: 'privileges/activated',
    passes: ['privileges/start'],
  },
  {
    name: 'privileges: elevated and still denied, SELF lost its DCOM permissions',
    situation:
      'On a domain computer slmgr /ato still returns 0x80070005 from an elevated prompt, and SELF is missing from the DCOM default access permissions.',
    start: { code: '0x80070005' },
    answers: ['yes', 'yes', 'no', 'denied', 'yes'],
    ends: 'privileges/restart-retry',
    passes: ['privileges/verify-elevated', 'privileges/still-denied', 'privileges/dcom-self'],
  },
  {
    name: 'privileges: elevated, DCOM permissions already right',
    situation: 'Access is denied from an elevated prompt although SELF already has Local and Remote Access.',
    start: { code: '0x80070005' },
    answers: ['yes', 'yes', 'no', 'denied', 'no', 'no'],
    ends: 'privileges/escalate-rights',
    passes: ['privileges/dcom-self'],
  },
  {
    name: 'privileges: prompt thought elevated is not',
    situation:
      'The technician believes the prompt is elevated, but whoami /groups shows no high integrity level.',
    start: { code: '0x80070005' },
    answers: ['yes', 'no', 'yes', 'yes'],
    ends: 'privileges/activated',
    passes: ['privileges/verify-elevated', 'privileges/open-elevated'],
  },
  {
    name: 'privileges: standard user cannot elevate',
    situation: 'A standard user gets 0x80070005 and UAC asks for an administrator password they do not have.',
    start: { code: '0x80070005' },
    answers: ['no', 'no'],
    ends: 'privileges/cannot-elevate',
  },
  {
    name: 'privileges: elevated retry shows a different code',
    situation:
      'After elevating, activation no longer reports access denied but another code, which the technician types in.',
    start: { code: '0x80070005' },
    answers: ['no', 'yes', 'no', 'other'],
    ends: 'no-code/enter-code',
  },
  {
    name: 'privileges: access denied on a not-genuine computer with a Plug and Play GPO',
    situation:
      'slmgr /dlv is refused with 0x80070005 even elevated, SELF has its DCOM rights, and Windows says it is not genuine: a GPO locks down Plug and Play.',
    start: { code: '0x80070005' },
    answers: ['yes', 'yes', 'no', 'denied', 'no', 'yes', 'yes', 'yes', 'yes'],
    ends: 'genuine/pnp-restart',
    passes: ['privileges/not-genuine-too', 'genuine/profile-keys', 'genuine/pnp-gpo', 'genuine/pnp-reapply'],
  },
  {
    name: 'privileges: access denied without the not-genuine message, profile key missing',
    situation:
      'On Windows Server 2016, slmgr /dlv is refused with 0x80070005 even elevated and SELF has its DCOM rights; Windows shows no not-genuine message, but the ProfileList key of Network Service is missing.',
    start: { code: '0x80070005' },
    answers: ['yes', 'yes', 'no', 'denied', 'no', 'check', 'no'],
    ends: 'genuine/system-root',
    passes: ['privileges/not-genuine-too', 'genuine/profile-keys'],
  },
];
