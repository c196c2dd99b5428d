/**
 * DISM's edition commands (/Get-CurrentEdition, /Get-TargetEditions), English labels only: other display
 * languages translate the labels too ("当前版本 : Professional"), and such output is left unread.
 */
import { commandHit } from '../commands.ts';
import { Sink, first } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

// An edition ID as DISM prints it: ServerStandardEval, ServerDatacenterEvalCor, Professional…
const EDITION = /^[A-Za-z][A-Za-z0-9]{1,60}$/;

function hit(key: string, value: string, start: boolean, repeat = false): Hit {
  return { family: 'dism', key, value, start, repeat };
}

// What a line can be in DISM's edition output.
function dismLine(line: Line): Hit | null {
  const t = line.norm;
  let m: RegExpExecArray | null;
  if (t === 'Deployment Image Servicing and Management tool') return hit('banner', t, true);
  if ((m = /^Current Edition : (\S{1,80})$/.exec(t))) return hit('current', m[1]!, true);
  if ((m = /^Target Edition : (\S{1,80})$/.exec(t))) return hit('target', m[1]!, true, true);
  // Rows that only continue a DISM output: alone they say nothing of it.
  if (/^(?:Image )?Version: [\d.]{3,40}$/.test(t)) return hit('version', t, false, true);
  if (t === 'Current edition is:' || t === 'Editions that can be upgraded to:')
    return hit('heading', t, false, true);
  if (t === 'The operation completed successfully.') return hit('done', t, false);
  return null;
}

function finishDism(draft: Draft): Finished {
  const s = new Sink('dism');
  const current = first(draft.entries, 'current');
  s.put('edition', current && EDITION.test(current.value) ? current.value : undefined, current);
  return s.out;
}

/** DISM /Online /Get-CurrentEdition (and /Get-TargetEditions, whose list no step reads). */
export const DISM: OutputKind = {
  id: 'dism',
  sections: ['dism'],
  facts: ['edition'],
  command: (text) =>
    /^dism(?:\.exe)?\s/i.test(text) && /[-/]get-(?:current|target)editions?\b/i.test(text)
      ? commandHit('dism', text)
      : null,
  line: dismLine,
  finish: finishDism,
};
