/**
 * DISM's edition commands (/Get-CurrentEdition, /Get-TargetEditions) and /Get-Intl's languages, English labels only: other display
 * languages translate the labels too ("当前版本 : Professional"), and such output is left unread.
 */
import { commandHit } from '../commands.ts';
import { Sink, first } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

// An edition ID as DISM prints it: ServerStandardEval, ServerDatacenterEvalCor, Professional…
const EDITION = /^[A-Za-z][A-Za-z0-9]{1,60}$/;

// /Get-Intl's other rows: settings, and the rows under each language.
const INTL =
  /^(?:Default system UI language|System locale|Default time zone|Active keyboard\(s\)|Keyboard layered driver|User locale for default user|Location|Type|Fallback Languages?|Installed language\(s\)) ?:?.{0,300}$/;

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
  // /Get-Intl: one row per installed language, then its type (and fallback languages) indented under it.
  if ((m = /^Installed language\(s\): ?([a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3})$/.exec(t)))
    return hit('language', m[1]!, true, true);
  if (t === 'Reporting online international settings.' || t === 'Reporting offline international settings.')
    return hit('heading', t, false, true);
  if (INTL.test(t)) return hit('intl', t, false, true);
  return null;
}

function finishDism(draft: Draft): Finished {
  const s = new Sink('dism');
  const current = first(draft.entries, 'current');
  s.put('edition', current && EDITION.test(current.value) ? current.value : undefined, current);
  // A count only where the list ends as DISM ends it: a paste cut short would undercount.
  const languages = new Set(
    draft.entries.filter((e) => e.key === 'language').map((e) => e.value.toLowerCase()),
  );
  const done = draft.entries.some((e) => e.key === 'done');
  if (languages.size > 0 && done)
    s.put('installedLanguages', languages.size, first(draft.entries, 'language'));
  return s.out;
}

/** DISM /Online /Get-CurrentEdition (and /Get-TargetEditions, whose list no step reads), and /Get-Intl. */
export const DISM: OutputKind = {
  id: 'dism',
  sections: ['dism'],
  facts: ['edition', 'installedLanguages'],
  command: (text) =>
    /^dism(?:\.exe)?\s/i.test(text) && /[-/]get-(?:(?:current|target)editions?|intl)\b/i.test(text)
      ? commandHit('dism', text)
      : null,
  line: dismLine,
  finish: finishDism,
};
