/**
 * icacls, English only (no published capture gives the Russian summary): the summary line each run prints,
 * "Successfully processed N files; Failed processing M files", with the rows before it (the files it
 * processed, an error for a file, the permissions it lists).
 */
import { commandHit } from '../commands.ts';
import { Sink, first, uint } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

const SUMMARY = /^Successfully processed (\d{1,10}) files?; Failed processing (\d{1,10}) files?$/;
// "NT AUTHORITY\SYSTEM:(I)(OI)(CI)(F)", after the file name on the first row of a listing.
const ACE = /:(?:\((?:[A-Z]{1,4}(?:,[A-Z]{1,4}){0,12}|DENY)\)){1,9}$/;

// What a line can be in icacls output; each run ends with its summary, which opens the section it ends.
function icaclsLine(line: Line): Hit | null {
  const t = line.norm;
  const m = SUMMARY.exec(t);
  if (m) return { family: 'icacls', key: 'summary', value: `${m[1]} ${m[2]}`, start: true };
  // A listing's first row: the file's name, then its first entry ("tokens.dat NT AUTHORITY\SYSTEM:(I)(F)").
  if (/^\S.{0,300}\s\S.{0,200}$/.test(t) && ACE.test(t) && /\\/.test(t))
    return { family: 'icacls', key: 'row', value: t, start: true, repeat: true };
  return null;
}

function finishIcacls(draft: Draft): Finished {
  const s = new Sink('icacls');
  const summary = first(draft.entries, 'summary');
  const [done, failed] = (summary?.value.split(' ') ?? []).map((v) => uint(v));
  s.put('processedFiles', done, summary);
  s.put('failedFiles', failed, summary);
  return s.out;
}

/** icacls: how many files a run processed and how many it failed to. */
export const ICACLS: OutputKind = {
  id: 'icacls',
  sections: ['icacls'],
  facts: ['processedFiles', 'failedFiles'],
  // Alone, or after the cd that goes to its folder ("cd /d <folder> && icacls …").
  command: (text) =>
    /^(?:cd\s.{1,300}?&&?\s{0,4})?icacls(?:\.exe)?\s/i.test(text) ? commandHit('icacls', text) : null,
  line: icaclsLine,
  // The rows a run prints before its summary: the files processed, a file's error, its permissions.
  free: (_draft, line) => {
    const t = line.norm;
    if (/^processed file: \S.{0,300}$/.test(t) || ACE.test(t) || /^\S.{0,300}: \S.{0,200}\.$/.test(t))
      return { family: 'icacls', key: 'row', value: t, start: false, repeat: true };
    return null;
  },
  finish: finishIcacls,
};
