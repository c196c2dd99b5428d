import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'product-key: 0xC004C008 on a KMS host with a used-up host key',
    situation:
      'Activating a new KMS host fails with 0xC004C008; the host key has been activated on many hosts before.',
    start: { code: '0xC004C008' },
    answers: ['host-key-on-host'],
    ends: 'kms-host/host-key-limit',
    passes: ['product-key/key-c008'],
  },
  {
    name: 'product-key: 0xC004C008 on a client that carries a KMS host key from the image',
    situation:
      'Workstations built from a custom image fail with 0xC004C008; the image contains a KMS host key.',
    start: { code: '0xC004C008' },
    answers: ['unsure', 'yes', 'host-key-on-client'],
    ends: 'kms-host/host-key-on-client',
    passes: ['product-key/key-c008', 'product-key/c008-dlv'],
  },
  {
    name: 'product-key: 0xC004C008 with a MAK',
    situation: 'A MAK that was used far more often than planned is refused with 0xC004C008.',
    start: { code: '0xC004C008' },
    answers: ['mak'],
    ends: 'mak/mak-limit',
    passes: ['product-key/key-c008'],
  },
  {
    name: 'product-key: 0xC004C008 with a retail key',
    situation: 'A retail key bought online is refused with 0xC004C008.',
    start: { code: '0xC004C008' },
    answers: ['retail'],
    ends: 'product-key/c008-retail',
  },
  {
    name: 'product-key: 0xC004F050 after pasting a key with em dashes',
    situation:
      'A key pasted from an email fails with 0xC004F050; the key checker finds dashes instead of hyphens.',
    start: { code: '0xC004F050' },
    answers: ['yes', 'yes', 'yes'],
    ends: 'product-key/activated',
    passes: ['product-key/key-invalid', 'product-key/fix-format'],
  },
  {
    name: 'product-key: 0xC004F050 MAK for another edition',
    situation: 'A MAK for Windows Enterprise is rejected with 0xC004F050 on a Windows Pro installation.',
    start: { code: '0xC004F050' },
    answers: ['no', 'no', 'mak', 'no'],
    ends: 'product-key/escalate-mak-edition',
    passes: ['product-key/key-kind', 'product-key/mak-edition'],
  },
  {
    name: 'product-key: 0xC004F050 MAK for the right edition still rejected',
    situation:
      'The MAK matches the installed edition, is retyped by hand, and activation still reports 0xC004F050.',
    start: { code: '0xC004F050' },
    answers: ['no', 'no', 'mak', 'yes', 'yes', 'no', 'still-invalid'],
    ends: 'product-key/escalate-key',
    passes: ['product-key/mak-edition', 'product-key/retype-key', 'product-key/activate-failed'],
  },
  {
    name: 'product-key: 0xC004F014 on a KMS client installed without a key',
    situation: 'A volume installation has no key; Pid.txt on the media holds the KMS setup key.',
    start: { code: '0xC004F014' },
    answers: ['kms', 'yes', 'yes', 'yes'],
    ends: 'product-key/activated',
    passes: ['product-key/pid-txt', 'product-key/install-setup-key'],
  },
  {
    name: 'product-key: 0xC004F035 without a MAK or retail key',
    situation: 'A Windows 7 volume installation on a PC without the OEM marker, and no other key available.',
    start: { code: '0xC004F035' },
    answers: ['no'],
    ends: 'product-key/escalate-license',
  },
  {
    name: 'product-key: 0xC004F059 on an OEM computer without a Windows marker',
    situation:
      'A Windows 7 Enterprise KMS client on a computer from an OEM reports 0xC004F059; there is no MAK or retail key to use instead.',
    start: { code: '0xC004F059' },
    answers: ['no'],
    ends: 'product-key/escalate-license',
    passes: ['product-key/no-oem-marker'],
  },
  {
    name: 'product-key: a Pro key on Windows 11 Home',
    situation:
      'A technician enters a Windows 11 Pro key on a Home installation; slmgr /dlv shows Home, and the key is entered as an edition change.',
    start: { flow: 'product-key' },
    answers: ['edition', 'no', 'client'],
    ends: 'product-key/client-edition',
    passes: ['product-key/edition-check'],
  },
  {
    name: 'product-key: a Standard key on Windows Server Datacenter',
    situation:
      'A Standard key cannot activate a Datacenter installation, and Datacenter cannot be converted down.',
    start: { flow: 'product-key' },
    answers: ['edition', 'no', 'server-other'],
    ends: 'product-key/server-key-mismatch',
  },
  {
    name: 'product-key: the key does match the edition after all',
    situation: 'slmgr /dlv shows the edition the key is for, so the key is typed again carefully.',
    start: { flow: 'product-key' },
    answers: ['edition', 'yes'],
    ends: 'product-key/retype-key',
  },
  {
    name: 'product-key: a Datacenter key on a Standard domain controller',
    situation:
      'A Windows Server Standard domain controller was given a Datacenter key; DISM is not run on it, and the Active Directory administrators decide.',
    start: { flow: 'product-key' },
    answers: ['edition', 'no', 'std-to-dc', 'yes'],
    ends: 'product-key/datacenter-on-dc',
    passes: ['product-key/datacenter-dc'],
  },
  {
    name: 'product-key: a Datacenter key reached a Standard server by mistake',
    situation:
      'A member server runs Standard, the organization holds no Datacenter licenses for it, and the Datacenter key was sent by mistake.',
    start: { flow: 'product-key' },
    answers: ['edition', 'no', 'std-to-dc', 'no', 'no'],
    ends: 'product-key/standard-key',
    passes: ['product-key/datacenter-dc', 'product-key/datacenter-license'],
  },
  {
    name: 'product-key: DISM fails to convert Standard to Datacenter',
    situation:
      'A licensed Standard member server is converted with its Datacenter key, but after the restart it still runs Standard; the DISM log goes to the server team, not to the key issuer.',
    start: { flow: 'product-key' },
    answers: ['edition', 'no', 'std-to-dc', 'no', 'yes', 'no'],
    ends: 'product-key/datacenter-failed',
    passes: ['product-key/datacenter-license', 'product-key/to-datacenter'],
  },
  {
    name: 'product-key: a Standard Server Core evaluation given a Datacenter key',
    situation:
      'slmgr /dlv shows ServerStandardEvalCor; the key is for Datacenter, so the evaluation steps (domain controller check, target editions) come before any key.',
    start: { flow: 'product-key' },
    answers: ['edition', 'no', 'evaluation', 'server', 'no', 'yes', 'yes'],
    ends: 'no-code/set-edition',
    passes: ['product-key/edition-which', 'no-code/evaluation', 'no-code/eval-dc', 'no-code/eval-current'],
  },
  {
    name: 'product-key: a Standard Server Core server converted to Datacenter',
    situation:
      'A licensed Standard Server Core member server is converted with its Datacenter key; /Get-TargetEditions lists ServerDatacenterCor, which is given to DISM, and it activates.',
    start: { flow: 'product-key' },
    answers: ['edition', 'no', 'std-to-dc', 'no', 'yes', 'yes', 'yes'],
    ends: 'product-key/activated',
    passes: ['product-key/datacenter-license', 'product-key/to-datacenter', 'product-key/activate'],
  },
  {
    name: 'product-key: Windows Server setup on a PC with a Windows 11 firmware key',
    situation:
      'Installing Windows Server on a PC that shipped with Windows 11 stops: the key does not match any of the Windows images, because Setup takes the OA 3.0 key from the firmware.',
    start: { flow: 'product-key', node: 'start' },
    answers: ['setup-images'],
    ends: 'product-key/setup-key',
  },
];
