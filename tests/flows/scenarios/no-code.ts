import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'no-code: slmgr prints a code, which is typed in right away',
    situation: 'Windows shows "not activated" without a code; slmgr /ato prints an error code.',
    start: { flow: 'no-code' },
    answers: ['no', 'yes'],
    ends: 'no-code/enter-code',
    passes: ['no-code/got-code'],
  },
  {
    name: 'no-code: the printed code is in the guide',
    situation: 'The code slmgr printed is found by the code field and its page takes over.',
    start: { flow: 'no-code' },
    answers: ['no', 'yes', 'yes'],
    ends: 'no-code/follow-code',
    passes: ['no-code/enter-code'],
  },
  {
    name: 'no-code: unknown code on a KMS client that found no host',
    situation:
      'slmgr prints a code the guide does not know; the computer is a KMS client with no KMS host name.',
    start: { flow: 'no-code' },
    answers: ['no', 'yes', 'no', 'yes', 'yes', 'kms-client', 'no'],
    ends: 'kms-dns/start',
    passes: ['no-code/unknown-code', 'no-code/read-channel', 'no-code/kms-name'],
  },
  {
    name: 'no-code: evaluation edition',
    situation: 'slmgr /ato prints nothing useful; slmgr /dlv shows the TIMEBASED_EVAL channel.',
    start: { flow: 'no-code' },
    answers: ['no', 'no', 'yes', 'evaluation'],
    ends: 'no-code/evaluation',
  },
  {
    name: 'no-code: MAK installed, activation gives the real code',
    situation: 'No code was shown; slmgr /dlv reveals a MAK, so the MAK is activated to get the code.',
    start: { flow: 'no-code' },
    answers: ['no', 'no', 'yes', 'mak'],
    ends: 'mak/activate-now',
  },
  {
    name: 'no-code: rearm limit code leads to the cloned-image step',
    situation: 'slmgr /rearm on a cloned machine prints 0xC004D307: the image has been re-armed too often.',
    start: { code: '0xC004D307' },
    answers: [],
    ends: 'kms-count/cloned-image',
  },
];
