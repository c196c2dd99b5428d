/**
 * whoami /groups (or its line kept by `find "S-1-16-12288"`): the integrity level row. Its group name is
 * translated on other display languages ("Обязательная метка\Высокий обязательный уровень"); the SID is not,
 * so the SID alone decides. whoami /all's headings ("USER INFORMATION", "GROUP INFORMATION"), its column
 * heads and rulers, and the rows of its user and group tables (each with a SID column) belong to the output.
 */
import { commandHit } from '../commands.ts';
import { Sink, first } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

// Mandatory integrity levels: low, medium, medium plus, high, system. High and system are elevated.
const LEVEL = /^\S.{0,200}\s(S-1-16-(4096|8192|8448|12288|16384))(?:\s.{0,300})?$/;

// The headings of whoami /all's parts.
const HEADING = /^(?:USER|GROUP) INFORMATION$/;

// What a line can be in whoami /groups output.
function whoamiLine(line: Line): Hit | null {
  const m = LEVEL.exec(line.norm);
  if (m) return { family: 'whoami', key: 'level', value: m[2]!, start: true };
  return HEADING.test(line.norm)
    ? { family: 'whoami', key: 'heading', value: line.norm, start: true, repeat: true }
    : null;
}

// Inside the output: the rulers under a heading and a table's heads, the column heads, and a table row with a SID.
const TABLE =
  /^(?:-{3,}|={3,}(?: ={3,}){0,4}|User Name\s{1,40}SID|Group Name\s{1,80}Type\s{1,20}SID\s{1,80}Attributes)$/;
const SID_ROW = /^\S.{0,200}\sS-1-\d{1,3}(?:-\d{1,10}){0,15}(?:\s.{0,300})?$/;

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
  free: (_draft, line) =>
    TABLE.test(line.norm) || SID_ROW.test(line.norm)
      ? { family: 'whoami', key: 'row', value: line.norm, start: false, repeat: true }
      : null,
  finish: finishWhoami,
};
