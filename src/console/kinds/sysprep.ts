/**
 * Sysprep's log as findstr shows it (`findstr /i /c:"GENERALIZE" …\Panther\setupact.log`): the SYSPRP rows,
 * of which ParseCommands names each command-line option sysprep ran with. The log is written in English
 * whatever the display language. findstr's "Cannot open" is left unread: it prints that for a prompt that is
 * not elevated, a %windir% PowerShell did not expand, or a log that is gone, as much as for an image
 * never generalized.
 */
import { commandHit } from '../commands.ts';
import { Sink } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

// "2025-07-22 21:55:35, Info       [0x0f005f] SYSPRP ParseCommands:…": the date is left off in some copies.
const ROW =
  /^(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d, )?(?:Info|Warning|Error)\s{1,40}(?:\[0x[0-9a-f]{6}\]\s{1,20})?(SYSPRP|CSI|SP)\s.{0,2000}$/i;
const OPTION = /\bSYSPRP ParseCommands:Found supported command line option '([A-Z]{2,30})'$/i;

function hit(key: string, value: string): Hit {
  return { family: 'sysprep', key, value, start: true, repeat: true };
}

// What a line can be in findstr's view of setupact.log.
function sysprepLine(line: Line): Hit | null {
  const t = line.norm;
  let m: RegExpExecArray | null;
  if (!ROW.test(t)) return null;
  if ((m = OPTION.exec(t))) return hit('option', m[1]!.toUpperCase());
  return hit('row', t);
}

function finishSysprep(draft: Draft): Finished {
  const s = new Sink('sysprep');
  const general = draft.entries.find((e) => e.key === 'option' && e.value === 'GENERALIZE');
  // Rows of a run without the option prove nothing: findstr showed only what matched its search.
  s.put('generalized', general ? true : undefined, general);
  return s.out;
}

/** Sysprep's setupact.log rows, searched by findstr. */
export const SYSPREP: OutputKind = {
  id: 'sysprep',
  sections: ['sysprep'],
  facts: ['generalized'],
  command: (text) =>
    /^findstr(?:\.exe)?\s/i.test(text) && /setupact\.log\b/i.test(text) ? commandHit('sysprep', text) : null,
  line: sysprepLine,
  finish: finishSysprep,
};
