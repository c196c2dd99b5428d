import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'mak: limit reached, new MAK issued',
    situation: 'Activation fails with 0xC004C020; the licensing team has already received a new MAK.',
    start: { code: '0xC004C020' },
    answers: ['new-mak', 'yes', 'yes'],
    ends: 'mak/activated',
    passes: ['mak/mak-limit', 'mak/install-mak'],
  },
  {
    name: 'mak: blocked MAK without a replacement',
    situation: 'Activation fails with 0xC004C003 and there is no replacement key yet.',
    start: { code: '0xC004C003' },
    answers: ['no'],
    ends: 'mak/escalate-new-mak',
  },
  {
    name: 'mak: wrong MAK installed',
    situation:
      'Activation fails with 0xC004C001; the installed key does not end like the MAK the organization was given.',
    start: { code: '0xC004C001' },
    answers: ['no', 'yes', 'yes'],
    ends: 'mak/activated',
    passes: ['mak/mak-invalid', 'mak/reinstall-mak'],
  },
  {
    name: 'mak: right MAK but not supported',
    situation: 'Activation fails with 0xC004B100 although the installed key is the MAK Microsoft issued.',
    start: { code: '0xC004B100' },
    answers: ['yes'],
    ends: 'mak/escalate-verify-mak',
  },
  {
    name: 'mak: 0x80070490 on Windows Server 2019, then online activation times out',
    situation: 'The key is installed with slmgr -ipk after 0x80070490, but online activation then times out.',
    start: { code: '0x80070490' },
    answers: ['yes', 'no', 'timeout'],
    ends: 'phone-activation/start',
    passes: ['mak/reenter-key', 'mak/which-error'],
  },
  {
    name: 'mak: blocked KMS host key replaced',
    situation: 'A KMS host reports 0xC004F051; a new KMS host key is installed and activates.',
    start: { code: '0xC004F051' },
    answers: ['kms-host-key', 'yes', 'yes'],
    ends: 'mak/activated',
    passes: ['mak/key-blocked', 'mak/kms-host-key'],
  },
];
