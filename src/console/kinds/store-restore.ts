/**
 * The command line that puts tokens.bar back (net stop sppsvc & … ren … & dir /b tokens.* & net start
 * sppsvc), English only: net's service messages, the files dir lists, and the errors cd, ren and dir print.
 */
import { commandHit } from '../commands.ts';
import { Sink } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

function hit(key: string, value: string, start: boolean): Hit {
  return { family: 'store-restore', key, value, start, repeat: true };
}

// net stop / net start messages for the service: they frame the rows of the restore.
const NET =
  /^The Software Protection service (?:is stopping|was stopped successfully|is not started|is starting|was started successfully|could not be started)\.{1,3}$/;
// What cd, ren and dir print when the restore did not happen.
const ERRORS = [
  'The system cannot find the path specified.',
  'A duplicate file name exists, or the file cannot be found.',
  'The system cannot find the file specified.',
  'File Not Found',
  'Access is denied.',
];

// What a line can be in the restore's output.
function restoreLine(line: Line): Hit | null {
  // The errors are claimed here too, though they begin no output: dir's reading of "The system cannot find
  // the path specified." would otherwise split the restore's section where cd failed.
  if (ERRORS.includes(line.norm)) return hit('error', line.norm, false);
  if (!NET.test(line.norm)) return null;
  // Only net's own wording may begin the output: "is starting." is also event 900's message.
  return hit('net', line.norm, / (?:is stopping|was stopped successfully|is not started)\.$/.test(line.norm));
}

function finishRestore(draft: Draft): Finished {
  const s = new Sink('store-restore');
  const e = draft.entries;
  const files = e.filter((x) => x.key === 'file');
  const named = (name: string) => files.find((x) => x.value.toLowerCase() === name);
  const failed = e.find((x) => x.key === 'error') ?? named('tokens.bar');
  const dat = named('tokens.dat');
  if (failed) s.put('tokensRestored', false, failed);
  else if (dat) s.put('tokensRestored', true, dat);
  return s.out;
}

/** net stop sppsvc, ren, dir /b tokens.* and net start sppsvc on one line. */
export const STORE_RESTORE: OutputKind = {
  id: 'store-restore',
  sections: ['store-restore'],
  facts: ['tokensRestored'],
  command: (text) =>
    /^net(?:\.exe)?\s+stop\s+sppsvc\b.{0,500}\btokens\.bar\b/i.test(text)
      ? commandHit('store-restore', text)
      : null,
  line: restoreLine,
  // The files dir /b lists, only inside the restore's output.
  free: (_draft, line) => {
    const t = line.norm;
    return /^tokens\.[A-Za-z0-9]{1,10}$/i.test(t) ? hit('file', t, false) : null;
  },
  finish: finishRestore,
};
