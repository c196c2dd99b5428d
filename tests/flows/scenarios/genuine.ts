import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'genuine: licensed multi-language edition is not sent to reinstall',
    situation:
      'A volume-licensed Enterprise PC with a French language pack reports 0x8004FE21; its license covers extra languages.',
    start: { code: '0x8004FE21' },
    answers: ['licensed'],
    ends: 'genuine/licensed-languages',
    passes: ['genuine/not-genuine'],
  },
  {
    name: 'genuine: single-language edition with extra language packs',
    situation: 'A single-language edition reports 0x8004FE21 and DISM lists a second display language.',
    start: { code: '0x8004FE21' },
    answers: ['single-language', 'yes'],
    ends: 'genuine/reinstall-mui',
    passes: ['genuine/not-genuine', 'genuine/list-languages'],
  },
  {
    name: 'genuine: single-language edition without extra languages',
    situation: 'A single-language edition reports 0x8004FE21 but DISM lists only its own language.',
    start: { code: '0x8004FE21' },
    answers: ['single-language', 'no'],
    ends: 'genuine/reinstall-clean',
    passes: ['genuine/list-languages'],
  },
  {
    name: 'genuine: license unknown, no reinstall before it is confirmed',
    situation: 'The technician does not know whether the edition is licensed for the languages it has.',
    start: { code: '0x8004FE21' },
    answers: ['unsure'],
    ends: 'genuine/confirm-license',
  },
  {
    name: 'genuine: KMS host after a motherboard swap reactivates online',
    situation:
      'The KMS host itself reports 0xC004F00F after its motherboard was replaced, and it can reach Microsoft.',
    start: { code: '0xC004F00F' },
    answers: ['kms-host', 'yes'],
    ends: 'genuine/host-activated',
    passes: ['genuine/hardware-changed', 'genuine/reactivate-host'],
  },
  {
    name: 'genuine: KMS host without internet access reactivates by phone',
    situation: 'An isolated KMS host reports 0xC004F00F and online activation of the host times out.',
    start: { code: '0xC004F00F' },
    answers: ['kms-host', 'no', 'timeout'],
    ends: 'phone-activation/start',
    passes: ['genuine/reactivate-host', 'genuine/host-online-failed'],
  },
  {
    name: 'genuine: MAK client reactivates after new drivers',
    situation: 'A MAK-activated laptop reports 0xC004F00F after a driver update and reactivates online.',
    start: { code: '0xC004F00F' },
    answers: ['mak', 'yes'],
    ends: 'genuine/activated',
    passes: ['genuine/reactivate-mak'],
  },
  {
    name: 'genuine: grace period expired on a KMS client',
    situation:
      'A KMS client left offline for weeks reports 0xC004F009 and activates once back on the network.',
    start: { code: '0xC004F009' },
    answers: ['yes', 'kms-client', 'yes'],
    ends: 'genuine/activated',
    passes: ['genuine/grace-expired', 'genuine/activate-kms'],
  },
  {
    name: 'genuine: non-genuine grace period without a genuine key',
    situation: 'A PC reports 0xC004F065 and nobody knows where its genuine key is.',
    start: { code: '0xC004F065' },
    answers: ['no'],
    ends: 'find-key/start',
  },
  {
    name: 'genuine: non-genuine grace period expired without a key goes to the activation centers',
    situation: 'A MAK PC reports 0xC004F064 and there is no genuine key to install.',
    start: { code: '0xC004F064' },
    answers: ['no'],
    ends: 'genuine/escalate-non-genuine',
  },
  {
    name: 'genuine: validation update fails with 0x80092026',
    situation:
      'Validating Windows downloads KB971033, whose installer stops with 0x80092026: the WinTrust State value was changed.',
    start: { code: '0x80092026' },
    answers: [],
    ends: 'genuine/validation-update',
  },
  {
    name: 'genuine: not genuine after the Network Service profile key was deleted',
    situation:
      'A cleanup script deleted ProfileList\\S-1-5-20; Windows shows it is not genuine and slmgr /dlv reports 0x80070005.',
    start: { flow: 'genuine', node: 'start' },
    answers: ['access-denied', 'no', 'yes'],
    ends: 'genuine/restore-profiles',
    passes: ['genuine/system-root'],
  },
  {
    name: 'genuine: profile key missing on a server with Windows on D:',
    situation:
      'ProfileList\\S-1-5-20 is missing on a server installed in D:\\Windows; the registry text with its fixed C:\\Windows paths must not be imported.',
    start: { flow: 'genuine', node: 'start' },
    answers: ['access-denied', 'no', 'no'],
    ends: 'genuine/profiles-other-root',
  },
  {
    name: 'genuine: profile keys restored, Plug and Play rights still wrong',
    situation:
      'The missing S-1-5-18 key is restored but Windows stays not genuine: a GPO sets Plug and Play without SERVICE; once fixed, a restart and activation work.',
    start: { flow: 'genuine', node: 'start' },
    answers: ['access-denied', 'no', 'yes', 'failing', 'yes', 'yes'],
    ends: 'genuine/pnp-restart',
    passes: ['genuine/restore-profiles', 'genuine/pnp-gpo', 'genuine/pnp-reapply'],
  },
  {
    name: 'genuine: NETWORK SERVICE lost its rights on its registry hive',
    situation:
      'No policy sets Plug and Play, but NETWORK SERVICE has no rights on HKEY_USERS\\S-1-5-20; once granted, a restart and activation fix it.',
    start: { flow: 'genuine', node: 'start' },
    answers: ['access-denied', 'yes', 'no', 'yes'],
    ends: 'genuine/pnp-restart',
    passes: ['genuine/ns-rights'],
  },
];
