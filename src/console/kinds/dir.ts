/**
 * cmd's dir: how many files it listed (its "N File(s)" summary), or that it found none ("File Not Found",
 * "The system cannot find the path specified."). English only: no source gives another language's wording.
 * The volume lines and the file rows are read so the listing is understood whole; only the count is a fact.
 */
import { commandHit } from '../commands.ts';
import { Sink, first, uint } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

// "09/14/2023  10:21 AM           215,766 OSPP.VBS" or "<DIR>"; dates and times in the machine's own format.
const ROW =
  /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s{1,4}\d{1,2}:\d{2}(?:\s?[AP]M)?\s{1,20}(?:<DIR>|<JUNCTION>|[\d,. \u00a0]{1,20})\s{1,20}\S.{0,300}$/;

function dirHit(key: string, value: string, start: boolean, repeat = false): Hit {
  return { family: 'dir', key, value, start, ...(repeat ? { repeat: true } : {}) };
}

// What a line can be in dir's output.
function dirLine(line: Line): Hit | null {
  const t = line.norm;
  if (/^Volume in drive [A-Z] (?:has no label|is .{1,40})\.?$/.test(t)) return dirHit('volume', t, true);
  if (/^Volume Serial Number is [0-9A-F]{4}-[0-9A-F]{4}$/.test(t)) return dirHit('serial', t, true);
  if (/^Directory of \S.{0,300}$/.test(t)) return dirHit('directory', t, true);
  if (t === 'File Not Found') return dirHit('notFound', t, true);
  if (t === 'The system cannot find the path specified.') return dirHit('noPath', t, true);
  const files = /^(\d{1,10}) File\(s\)\s{1,20}[\d,. \u00a0]{1,20} bytes$/.exec(t);
  if (files) return dirHit('files', files[1]!, false);
  if (/^\d{1,10} Dir\(s\)\s{1,20}[\d,. \u00a0]{1,24} bytes free$/.test(t)) return dirHit('dirs', t, false);
  if (ROW.test(t)) return dirHit('row', t, false, true);
  return null;
}

function finishDir(draft: Draft): Finished {
  const s = new Sink('dir');
  const files = first(draft.entries, 'files');
  const none = first(draft.entries, 'notFound') ?? first(draft.entries, 'noPath');
  if (files) s.put('filesListed', uint(files.value), files);
  else if (none) s.put('filesListed', 0, none);
  return s.out;
}

/** cmd's dir (also after `cd /d <folder> &&`): how many files it listed. */
export const DIR: OutputKind = {
  id: 'dir',
  sections: ['dir'],
  facts: ['filesListed'],
  command: (text) =>
    /^(?:cd\s(?:\/d\s)?.{1,300}?&&\s*)?dir(?:\s.{0,300})?$/i.test(text) ? commandHit('dir', text) : null,
  line: dirLine,
  finish: finishDir,
};
