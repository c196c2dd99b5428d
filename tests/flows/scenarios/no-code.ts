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
    name: 'no-code: evaluation Windows Server converted with DISM, then a GVLK',
    situation:
      'slmgr /ato prints nothing useful; slmgr /dlv shows TIMEBASED_EVAL on a member server. DISM shows ServerStandardEval, lists ServerStandard as a target, /Set-Edition converts it, the GVLK is installed and it activates.',
    start: { flow: 'no-code' },
    answers: ['no', 'no', 'yes', 'evaluation', 'server', 'no', 'yes', 'yes', 'yes', 'other', 'yes', 'yes'],
    ends: 'no-code/activated',
    passes: [
      'no-code/evaluation',
      'no-code/eval-dc',
      'no-code/eval-current',
      'no-code/eval-targets',
      'no-code/set-edition',
      'no-code/eval-role',
      'no-code/eval-key',
      'no-code/eval-activate',
    ],
  },
  {
    name: 'no-code: evaluation domain controller',
    situation: 'The evaluation server is a domain controller: it is replaced, not converted.',
    start: { flow: 'no-code', node: 'evaluation' },
    answers: ['server', 'yes'],
    ends: 'no-code/eval-dc-replace',
  },
  {
    name: 'no-code: evaluation Datacenter, Standard wanted',
    situation:
      'A Datacenter evaluation lists only ServerDatacenter as a target; the organization holds a Standard license.',
    start: { flow: 'no-code', node: 'evaluation' },
    answers: ['server', 'no', 'yes', 'no'],
    ends: 'no-code/eval-reinstall',
  },
  {
    name: 'no-code: evaluation conversion fails',
    situation: 'DISM /Set-Edition fails and the edition still ends in Eval.',
    start: { flow: 'no-code', node: 'evaluation' },
    answers: ['server', 'no', 'yes', 'yes', 'no'],
    ends: 'no-code/eval-failed',
  },
  {
    name: 'no-code: Windows 11 Enterprise evaluation',
    situation: 'The TIMEBASED_EVAL machine is a Windows 11 Enterprise evaluation, which cannot be converted.',
    start: { flow: 'no-code', node: 'evaluation' },
    answers: ['client'],
    ends: 'no-code/eval-client',
  },
  {
    name: 'no-code: ADBA client that is an evaluation edition',
    situation:
      'An ADBA client does not activate; slmgr /dlv shows TIMEBASED_EVAL, so it goes to the conversion steps instead of a GVLK.',
    start: { flow: 'adba' },
    answers: ['yes', 'no', 'yes'],
    ends: 'no-code/evaluation',
    passes: ['adba/channel', 'adba/eval-check'],
  },
  {
    name: 'no-code: intended KMS host that is an evaluation edition',
    situation:
      'A server meant to be the KMS host shows TIMEBASED_EVAL; it must be converted before a KMS host key can go on.',
    start: { flow: 'kms-host' },
    answers: ['not-enabled', 'no', 'yes'],
    ends: 'no-code/evaluation',
    passes: ['kms-host/no-host-key', 'kms-host/eval-check'],
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
  {
    name: 'no-code: Windows Server Essentials evaluation converted with a key',
    situation:
      'A Windows Server Essentials evaluation is converted to the full version by installing a volume license key with slmgr /ipk, with no DISM step, and activates.',
    start: { flow: 'no-code', node: 'evaluation' },
    answers: ['essentials', 'yes', 'yes'],
    ends: 'no-code/activated',
    passes: ['no-code/eval-essentials', 'no-code/eval-activate'],
  },
  {
    name: 'no-code: Windows Server Essentials evaluation refuses the key',
    situation:
      'slmgr /ipk refuses the key on a Windows Server Essentials evaluation; the code it printed is looked up.',
    start: { flow: 'no-code', node: 'evaluation' },
    answers: ['essentials', 'no'],
    ends: 'no-code/enter-code',
    passes: ['no-code/eval-essentials'],
  },
  {
    name: 'no-code: intended KMS host converted from evaluation, then its KMS host key',
    situation:
      'A Standard evaluation meant to be the KMS host is converted with DISM; back in the KMS host steps its KMS host key (CSVLK), not a GVLK, is installed and the host activates.',
    start: { flow: 'kms-host' },
    answers: ['not-enabled', 'no', 'yes', 'server', 'no', 'yes', 'yes', 'yes', 'kms-host', 'yes', 'yes'],
    ends: 'kms-host/host-activated',
    passes: [
      'kms-host/eval-check',
      'no-code/set-edition',
      'no-code/eval-role',
      'kms-host/install-host-key',
      'kms-host/restart-activate',
    ],
  },
  {
    name: 'no-code: Server Core Standard evaluation converted to Datacenter Core',
    situation:
      'DISM /Get-CurrentEdition shows ServerStandardEvalCor, which contains Eval though it does not end in it; /Get-TargetEditions lists only ServerDatacenterCor, the organization holds Datacenter licenses, and it converts and activates.',
    start: { flow: 'no-code', node: 'evaluation' },
    answers: ['server', 'no', 'yes', 'yes', 'yes', 'other', 'yes', 'yes'],
    ends: 'no-code/activated',
    passes: ['no-code/eval-current', 'no-code/eval-targets', 'no-code/set-edition'],
  },
];
