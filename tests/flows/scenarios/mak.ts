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
    answers: ['no', 'other'],
    ends: 'mak/escalate-new-mak',
    passes: ['mak/blocked-why'],
  },
  {
    name: 'mak: 0xC004C003 on a server migrated to Azure',
    situation:
      'A server moved from on-premises to an Azure VM reports 0xC004C003 for its MAK; the GVLK is installed and it is pointed at Azure KMS.',
    start: { code: '0xC004C003' },
    answers: ['no', 'azure', 'yes'],
    ends: 'kms-connect/azure-kms',
    passes: ['mak/blocked-why', 'mak/azure-gvlk'],
  },
  {
    name: 'mak: 0xC004C003 because the MAK is for another edition',
    situation:
      'A MAK for Windows Server Datacenter is blocked on a Standard server; the server is converted to Datacenter with DISM and activates.',
    start: { code: '0xC004C003' },
    answers: ['no', 'edition', 'no', 'std-to-dc', 'no', 'yes', 'yes', 'yes'],
    ends: 'product-key/activated',
    passes: [
      'mak/edition-match',
      'product-key/edition-which',
      'product-key/datacenter-dc',
      'product-key/datacenter-license',
      'product-key/to-datacenter',
    ],
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
    situation:
      'The key is installed with slmgr -ipk after 0x80070490, but online activation then times out although activation-v2.sls.microsoft.com answers on port 443 and crl.microsoft.com on port 80, and it times out again.',
    start: { code: '0x80070490' },
    answers: ['yes', 'no', 'timeout', 'yes', 'yes', 'failing'],
    ends: 'phone-activation/start',
    passes: ['mak/reenter-key', 'mak/which-error', 'mak/mak-reach', 'mak/mak-crl', 'mak/mak-retry'],
  },
  {
    name: 'mak: online activation times out with port 80 closed',
    situation:
      'A MAK activation times out; activation-v2.sls.microsoft.com answers on port 443 but crl.microsoft.com does not on port 80, so the firewall team opens the activation addresses.',
    start: { code: '0x80070490' },
    answers: ['yes', 'no', 'timeout', 'yes', 'no'],
    ends: 'mak/mak-unblock',
    passes: ['mak/mak-crl'],
  },
  {
    name: 'mak: online activation times out behind a closed firewall',
    situation:
      'A MAK activation times out; Test-NetConnection to activation-v2.sls.microsoft.com on port 443 fails, so the firewall team opens the activation addresses.',
    start: { code: '0x80070490' },
    answers: ['yes', 'no', 'timeout', 'no'],
    ends: 'mak/mak-unblock',
  },
  {
    name: 'mak: blocked KMS host key replaced',
    situation: 'A KMS host reports 0xC004F051; a new KMS host key is installed and activates.',
    start: { code: '0xC004F051' },
    answers: ['kms-host-key', 'yes', 'yes'],
    ends: 'mak/activated',
    passes: ['mak/key-blocked', 'mak/kms-host-key'],
  },
  {
    name: 'mak: 0xC004C003, the MAK does match the edition',
    situation:
      'A MAK for Windows 11 Enterprise is blocked on a computer that runs Enterprise; the edition is not the cause, so a new MAK is requested instead of retyping the blocked one.',
    start: { code: '0xC004C003' },
    answers: ['no', 'edition', 'yes'],
    ends: 'mak/escalate-new-mak',
    passes: ['mak/blocked-why', 'mak/edition-match'],
  },
];
