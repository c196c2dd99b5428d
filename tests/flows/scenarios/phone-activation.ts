import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'phone-activation: online activation times out, phone activation succeeds',
    situation: 'A MAK server in an isolated network gets 0x80072EE2 and is activated by phone.',
    start: { code: '0x80072EE2' },
    answers: ['yes', 'yes', 'got-cid', 'yes', 'yes'],
    ends: 'phone-activation/activated',
    passes: ['phone-activation/apply-cid', 'phone-activation/verify'],
  },
  {
    name: 'phone-activation: confirmation ID mistyped',
    situation: 'slmgr /atp reports 0xC004F02C; typed again carefully, the confirmation ID is accepted.',
    start: { code: '0xC004F02C' },
    answers: ['yes', 'yes'],
    ends: 'phone-activation/activated',
    passes: ['phone-activation/check-cid'],
  },
  {
    name: 'phone-activation: confirmation ID rejected twice',
    situation: 'The confirmation ID is refused again, and a second call gives one that is refused as well.',
    start: { code: '0xC004F02C' },
    answers: ['no', 'no'],
    ends: 'phone-activation/escalate-phone',
    passes: ['phone-activation/new-cid'],
  },
  {
    name: 'phone-activation: slmgr /dti refused for lack of rights',
    situation: 'slmgr /dti answers access denied from an ordinary prompt.',
    start: { code: '0x80072EE2' },
    answers: ['no', 'access-denied'],
    ends: 'privileges/start',
    passes: ['phone-activation/dti-failed'],
  },
];
