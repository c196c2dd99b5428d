/**
 * slmgr.vbs /ao-list: the Active Directory activation objects the computer's forest holds, under the header
 * "Activation Objects", one indented block per object (its name, Activation ID, Partial Product Key, AO extended
 * PID, AO DN), or "No objects found". Strings and layout are slmgr.vbs's own (L_MsgActObjAvailable,
 * L_MsgActObjNoneFound, L_MsgADSchemaNotSupported). An object's key is the forest's KMS host key, never this
 * Windows' own: only how many objects were listed is read.
 */
import { commandHit } from '../commands.ts';
import { Sink, first } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';
import { slmgrOption } from './slmgr-command.ts';

// The rows of one object's block; slmgr /dlv prints some of them too, so they only continue a list under way.
const ROWS = new Map<string, { key: string; wrap?: boolean }>([
  ['activation object name', { key: 'object', wrap: true }],
  ['activation id', { key: 'activationId' }],
  ['partial product key', { key: 'partialKey' }],
  ['ao extended pid', { key: 'aoPid' }],
  ['ao dn', { key: 'aoDn', wrap: true }],
]);

// What a line can be in slmgr /ao-list output.
function aoListLine(line: Line): Hit | null {
  const t = line.norm;
  if (t === 'Activation Objects') return { family: 'ao-list', key: 'header', value: t, start: true };
  if (/^No objects found\.?$/.test(t)) return { family: 'ao-list', key: 'none', value: t, start: true };
  if (
    /^Active Directory-Based Activation is not supported in the current Active Directory schema\.?$/i.test(t)
  )
    return { family: 'ao-list', key: 'schema', value: t, start: true };
  const m = /^([A-Za-z ]{5,30}):(?:\s(.*))?$/.exec(t);
  const row = m ? ROWS.get(m[1]!.toLowerCase()) : undefined;
  if (!row) return null;
  // Never opens a section: outside a list these rows are slmgr /dlv's.
  return {
    family: 'ao-list',
    key: row.key,
    value: (m![2] ?? '').trim(),
    start: false,
    repeat: true,
    ...(row.wrap ? { wrap: true } : {}),
  };
}

function finishAoList(draft: Draft): Finished {
  const s = new Sink('slmgr-ao-list');
  const objects = draft.entries.filter((e) => e.key === 'object');
  // "No objects found", or a schema that predates ADBA: the forest holds none.
  const none = first(draft.entries, 'none') ?? first(draft.entries, 'schema');
  if (objects.length) s.put('activationObjects', objects.length, objects[0]);
  else if (none) s.put('activationObjects', 0, none);
  return s.out;
}

/** slmgr /ao-list: how many activation objects the forest holds. */
export const AO_LIST: OutputKind = {
  id: 'ao-list',
  sections: ['slmgr-ao-list'],
  facts: ['activationObjects'],
  command: (text) => (slmgrOption(text) === 'ao-list' ? commandHit('ao-list', text) : null),
  line: aoListLine,
  finish: finishAoList,
};
