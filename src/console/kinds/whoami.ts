/**
 * whoami /groups (or its line kept by `find "S-1-16-12288"`): the integrity level row. Its group name is
 * translated on other display languages ("Обязательная метка\Высокий обязательный уровень"); the SID is not,
 * so the SID alone decides.
 */
import { commandHit } from '../commands.ts';
import { Sink, first } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

// Mandatory integrity levels: low, medium, medium plus, high, system. High and system are elevated.
const LEVEL = /^\S.{0,200}\s(S-1-16-(4096|8192|8448|12288|16384))(?:\s.{0,300})?$/;

// What a line can be in whoami /groups output.
function whoamiLine(line: Line): Hit | null {
  const m = LEVEL.exec(line.norm);
  return m ? { family: 'whoami', key: 'level', value: m[2]!, start: true } : null;
}

function finishWhoami(draft: Draft): Finished {
  const s = new Sink('whoami');
  const level = first(draft.entries, 'level');
  const rid = level ? Number(level.value) : undefined;
  s.put('elevated', rid === undefined ? undefined : rid >= 12288, level);
  return s.out;
}

/** whoami /groups: whether the prompt it ran in is elevated. */
export const WHOAMI: OutputKind = {
  id: 'whoami',
  sections: ['whoami'],
  facts: ['elevated'],
  command: (text) =>
    /^whoami(?:\.exe)?\s+\/(?:groups|all)\b/i.test(text) ? commandHit('whoami', text) : null,
  line: whoamiLine,
  finish: finishWhoami,
};
