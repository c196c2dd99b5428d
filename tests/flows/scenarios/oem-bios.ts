import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'oem-bios: 0xC004F063 after a motherboard swap',
    situation:
      'After the motherboard was replaced, an OEM Windows Server 2012 reports 0xC004F063; Get-CimInstance Win32_BIOS shows a blank serial number.',
    start: { code: '0xC004F063' },
    answers: ['no'],
    ends: 'oem-bios/update-bios',
  },
  {
    name: 'oem-bios: 0xC004F063 with the right Service Tag',
    situation: 'The BIOS reports the right Service Tag, yet the OEM copy still cannot read its license.',
    start: { code: '0xC004F063' },
    answers: ['yes'],
    ends: 'oem-bios/bios-data',
  },
  {
    name: 'oem-bios: the BIOS update does not help',
    situation: 'The manufacturer updated the BIOS with the Service Tag, but 0xC004F063 remains.',
    start: { code: '0xC004F063' },
    answers: ['no', 'failing'],
    ends: 'oem-bios/escalate-oem',
  },
];
