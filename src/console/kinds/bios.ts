/**
 * The serial number the BIOS reports (the Service Tag on many makes): `Get-CimInstance Win32_BIOS |
 * Select-Object SerialNumber` (a one-column table) or `wmic bios get serialnumber`. Only under its command
 * line: other classes print the same column (disks, memory), and their serial is no BIOS's.
 */
import { barePrompt, commandHit } from '../commands.ts';
import { Sink, first } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

function hit(key: string, value: string): Hit {
  return { family: 'bios', key, value, start: false };
}

// What a line can be under the command: the column's name, PowerShell's rule under it.
function biosLine(line: Line): Hit | null {
  const t = line.norm;
  if (t === 'SerialNumber') return hit('header', t);
  if (/^-{12}$/.test(t)) return hit('rule', t);
  return null;
}

function finishBios(draft: Draft): Finished {
  const s = new Sink('bios');
  const header = first(draft.entries, 'header');
  if (draft.entries[0]?.key !== 'command' || !header) return s.out;
  const value = first(draft.entries, 'value');
  // The prompt straight under the column (blank rows are not pasted rows): the value row was blank.
  if (value) s.put('biosSerial', value.value, value);
  else if (first(draft.entries, 'end')) s.put('biosSerial', '', header);
  return s.out;
}

/** The BIOS serial number, as PowerShell's table or wmic prints it. */
export const BIOS: OutputKind = {
  id: 'bios',
  sections: ['bios'],
  facts: ['biosSerial'],
  command: (text) =>
    (/^(?:Get-CimInstance|Get-WmiObject|gcim|gwmi)\b/i.test(text) && /\bWin32_BIOS\b/i.test(text)) ||
    /^wmic(?:\.exe)?\s+bios\s+get\s+serialnumber\s*$/i.test(text)
      ? commandHit('bios', text)
      : null,
  line: biosLine,
  // The row under the column's name (and PowerShell's rule) is the value: one row, one BIOS. A prompt is
  // never one: it ends an output whose value row was blank.
  free: (draft, line) =>
    draft.keys.has('header') && !draft.keys.has('value') && !draft.keys.has('end')
      ? { family: 'bios', key: barePrompt(line.norm) ? 'end' : 'value', value: line.norm, start: false }
      : null,
  finish: finishBios,
};
