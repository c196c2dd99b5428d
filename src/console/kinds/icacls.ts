/**
 * icacls: the summary line each run prints, "Successfully processed N files; Failed processing M files" (Russian
 * Windows: "Успешно обработано N файлов; не удалось обработать M файлов"), with the rows before it (the files it
 * processed, an error for a file, the permissions it lists). A chain of runs pasted together is one section:
 * their counts add up. Whether the store's accounts have full control is read from English account names only.
 */
import { commandHit } from '../commands.ts';
import { Sink, uint } from '../text.ts';
import type { Draft, Entry, Finished, Hit, Line, OutputKind } from '../types.ts';

const SUMMARY = [
  /^Successfully processed (\d{1,10}) files?; Failed processing (\d{1,10}) files?$/,
  /^Успешно обработано (\d{1,10}) файлов; не удалось обработать (\d{1,10}) файлов$/,
];
// The row a change prints for each file before the summary, English or Russian.
const PROCESSED = /^(?:processed file|обработанный файл): \S.{0,300}$/;
// "NT AUTHORITY\SYSTEM:(I)(OI)(CI)(F)", after the file name on the first row of a listing.
const ACE = /:(?:\((?:[A-Z]{1,4}(?:,[A-Z]{1,4}){0,12}|DENY)\)){1,9}$/;

// What a line can be in icacls output; each run ends with its summary, which opens the section it ends.
function icaclsLine(line: Line): Hit | null {
  const t = line.norm;
  const m = SUMMARY[0]!.exec(t) ?? SUMMARY[1]!.exec(t);
  if (m) return { family: 'icacls', key: 'summary', value: `${m[1]} ${m[2]}`, start: true, repeat: true };
  // A listing's first row: the file's name, then its first entry ("tokens.dat NT AUTHORITY\SYSTEM:(I)(F)").
  if (/^\S.{0,300}\s\S.{0,200}$/.test(t) && ACE.test(t) && /\\/.test(t))
    return { family: 'icacls', key: 'row', value: t, start: true, repeat: true };
  return null;
}

// The accounts the licensing store needs, as English Windows names them, each with full control.
const STORE_ACCOUNTS = ['NT AUTHORITY\\SYSTEM', 'BUILTIN\\Administrators', 'NT AUTHORITY\\NETWORK SERVICE'];

// A listed entry: its account and its permissions ("NT AUTHORITY\SYSTEM", "(I)(F)").
function entryOf(row: string): { account: string; perms: string } | undefined {
  const m = /(?:^|\s)((?:NT AUTHORITY|BUILTIN)\\[A-Za-z ]{1,40}):((?:\([A-Z,]{1,40}\)){1,9})$/.exec(row);
  return m ? { account: m[1]!, perms: m[2]! } : undefined;
}

// The listing of tokens.dat: its first row (the file's name, then an entry), the entries under it, and
// whether the run's summary closes it (a paste cut inside it is not the whole list).
function tokensListing(e: readonly Entry[]): { rows: Entry[]; whole: boolean } | undefined {
  const at = e.findIndex(
    (x) => x.key === 'row' && ACE.test(x.value) && /^(?:\S*\\)?tokens\.dat\s/i.test(x.value),
  );
  if (at < 0) return undefined;
  const rows = [e[at]!];
  for (const x of e.slice(at + 1)) {
    if (x.key === 'summary') return { rows, whole: true };
    // Entries under it; one with a space in its account ("NT AUTHORITY\NETWORK SERVICE:(I)(F)") is read as a
    // first row, so an indented row or a well-known account's counts as an entry too.
    const entry =
      x.key === 'ace' ||
      (ACE.test(x.value) && (x.line.indent > 0 || /^(?:NT AUTHORITY|BUILTIN)\\/.test(x.value)));
    if (!entry) break;
    rows.push(x);
  }
  return { rows, whole: false };
}

function finishIcacls(draft: Draft): Finished {
  const s = new Sink('icacls');
  const e = draft.entries;
  const summaries = e.filter((x) => x.key === 'summary');
  const counts = summaries.map((x) => x.value.split(' ').map((v) => uint(v) ?? 0) as [number, number]);
  const failedAt = summaries.find((_x, i) => counts[i]![1] > 0) ?? summaries[summaries.length - 1];
  const total = (i: 0 | 1) => (summaries.length ? counts.reduce((n, c) => n + c[i], 0) : undefined);
  s.put('processedFiles', total(0), failedAt);
  s.put('failedFiles', total(1), failedAt);
  // The store's permissions: a failed run or a Deny entry is No. Only tokens.dat's own listing says whether
  // the three accounts have (F): another file's or the folder's ("icacls .") is not the store file's.
  const rows = e.filter((x) => x.key === 'row' || x.key === 'ace');
  const deny = rows.find((x) => x.value.includes('(DENY)'));
  const listing = tokensListing(e);
  const full = STORE_ACCOUNTS.map((a) =>
    listing?.rows.find((x) => {
      const entry = entryOf(x.value);
      return entry?.account === a && entry.perms.includes('(F)');
    }),
  );
  // An account missing or without (F) is No only from a whole listing (its summary follows) that names one of
  // the three in English, so that another display language's names are not taken for missing ones.
  const english = listing?.rows.some((x) => STORE_ACCOUNTS.includes(entryOf(x.value)?.account ?? ''));
  if (summaries.length && (total(1)! > 0 || deny)) s.put('storeAclOk', false, deny ?? failedAt);
  else if (listing && full.every(Boolean)) s.put('storeAclOk', true, full[0]);
  else if (listing?.whole && english) s.put('storeAclOk', false, listing.rows[0]);
  return s.out;
}

/** icacls: how many files a run processed and how many it failed to. */
export const ICACLS: OutputKind = {
  id: 'icacls',
  sections: ['icacls'],
  facts: ['processedFiles', 'failedFiles', 'storeAclOk'],
  // Alone, or after the cd that goes to its folder ("cd /d <folder> && icacls …").
  command: (text) =>
    /^(?:cd\s.{1,300}?&&?\s{0,4})?icacls(?:\.exe)?\s/i.test(text) ? commandHit('icacls', text) : null,
  line: icaclsLine,
  // The rows a run prints before its summary: the files processed, a file's error, its permissions.
  free: (_draft, line) => {
    const t = line.norm;
    if (PROCESSED.test(t) || ACE.test(t) || /^\S.{0,300}: \S.{0,200}\.$/.test(t))
      return { family: 'icacls', key: ACE.test(t) ? 'ace' : 'row', value: t, start: false, repeat: true };
    return null;
  },
  finish: finishIcacls,
};
