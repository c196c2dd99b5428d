import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'kms-count: clones share one CMID, rearms left',
    situation:
      'Forty desktops were cloned from a generalized image whose rearm had been skipped; the host count is stuck at 1 and event 12290 shows one CMID for all; setupact.log shows GENERALIZE and a clone has 1000 rearms left.',
    start: { code: '0xC004F038' },
    answers: ['client', 'yes', 1, 'yes', 'yes', 'yes', 'yes', 'no', 'yes'],
    ends: 'kms-count/restart-clone',
    passes: [
      'kms-count/check-cmid',
      'kms-count/cloned-image',
      'kms-count/rearm-count',
      'kms-count/rearm-clone',
    ],
  },
  {
    name: 'kms-count: clones have no rearms left',
    situation:
      'The clones show "Remaining Windows rearm count: 0", so only a rebuilt, generalized image helps.',
    start: { code: '0xC004F038' },
    answers: ['client', 'yes', 1, 'yes', 'yes', 'yes', 'no'],
    ends: 'kms-count/rebuild-image',
    passes: ['kms-count/cloned-image', 'kms-count/rearm-count'],
  },
  {
    name: 'kms-count: rearm fails with 0xC004D307',
    situation:
      'The rearm count looked positive on another clone, but on this one slmgr /rearm reports 0xC004D307.',
    start: { code: '0xC004F038' },
    answers: ['client', 'yes', 1, 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'limit'],
    ends: 'kms-count/rebuild-image',
    passes: ['kms-count/rearm-clone', 'kms-count/rearm-error'],
  },
  {
    name: 'kms-count: image built with SkipRearm',
    situation:
      'The image answer file kept <SkipRearm>1</SkipRearm>, so rearm does nothing until SkipRearm is set back to 0.',
    start: { code: '0xC004F038' },
    answers: ['client', 'yes', 1, 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    ends: 'kms-count/restart-clone',
    passes: ['kms-count/check-skiprearm', 'kms-count/fix-skiprearm'],
  },
  {
    name: 'kms-count: clones of an image that was never generalized are rebuilt, not rearmed',
    situation:
      'Thirty desktops were copied from an image captured without sysprep /generalize; they share one CMID and setupact.log has no GENERALIZE line.',
    start: { code: '0xC004F038' },
    answers: ['client', 'yes', 1, 'yes', 'yes', 'no'],
    ends: 'kms-count/rebuild-image',
    passes: ['kms-count/cloned-image'],
  },
  {
    name: 'kms-count: small office with 12 PCs',
    situation: 'A branch with its own KMS host has only 12 Windows 11 PCs: the count can never reach 25.',
    start: { code: '0xC004F038' },
    answers: ['client', 'yes', 12, 'no', 'no', 'no'],
    ends: 'kms-count/small-network',
    passes: ['kms-count/several-hosts', 'kms-count/enough-machines'],
  },
  {
    name: 'kms-count: two hosts split the server count',
    situation: 'Two KMS hosts each see 3 servers, so neither reaches 5.',
    start: { code: '0xC004F038' },
    answers: ['server', 'yes', 3, 'no', 'yes'],
    ends: 'kms-count/split-count',
    passes: ['kms-count/several-hosts'],
  },
  {
    name: 'kms-count: new rollout still ramping up',
    situation: 'The first 20 of 300 new PCs are deployed; the rest arrive this week.',
    start: { code: '0xC004F038' },
    answers: ['client', 'yes', 20, 'no', 'no', 'yes'],
    ends: 'kms-count/wait-for-clients',
    passes: ['kms-count/enough-machines'],
  },
  {
    name: 'kms-count: count is 30 but the client asks another host',
    situation: 'The main host shows 30, but event 12288 on the client names an old test host.',
    start: { code: '0xC004F038' },
    answers: ['client', 'yes', 30, 'no'],
    ends: 'kms-connect/start',
    passes: ['kms-count/count-enough'],
  },
  {
    name: 'kms-count: server count reached, retry works',
    situation: 'The count rose to 7 since the error; the Windows Server client activates on retry.',
    start: { code: '0xC004F038' },
    answers: ['server', 'yes', 7, 'yes', 'yes'],
    ends: 'kms-count/activated',
    passes: ['kms-count/retry-activation'],
  },
  {
    name: 'kms-count: the machine asked is not a KMS host',
    situation: 'slmgr /dli on the supposed host shows no "Current count" line: it has no KMS host key.',
    start: { code: '0xC004F038' },
    answers: ['client', 'no'],
    ends: 'kms-host/no-host-key',
  },
];
