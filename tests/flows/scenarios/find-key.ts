import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'find-key: preinstalled PC without a sticker',
    situation: 'A Windows 10 laptop that came with Windows has no key label and no packaging.',
    start: { flow: 'find-key' },
    answers: ['windows-10', 'preinstalled', 'no', 'no'],
    ends: 'find-key/contact-maker',
    passes: ['find-key/firmware-key'],
  },
  {
    name: 'find-key: preinstalled PC whose firmware holds the key',
    situation:
      'A Windows 11 laptop has no key label, but OA3xOriginalProductKey prints the key stored in its firmware.',
    start: { flow: 'find-key' },
    answers: ['windows-10', 'preinstalled', 'no', 'yes'],
    ends: 'find-key/check-key',
    passes: ['find-key/firmware-key'],
  },
  {
    name: 'find-key: boxed key found but refused',
    situation: 'The key card from the box is found, but Windows refuses the key once installed.',
    start: { flow: 'find-key' },
    answers: ['windows-10', 'boxed', 'yes', 'failing'],
    ends: 'product-key/key-invalid',
    passes: ['find-key/check-key'],
  },
  {
    name: 'find-key: free upgrade needs no key',
    situation: 'A PC upgraded for free from Windows 7 asks for a key after reinstalling Windows 10.',
    start: { flow: 'find-key' },
    answers: ['windows-10', 'free-upgrade'],
    ends: 'find-key/digital-license-upgrade',
  },
];
