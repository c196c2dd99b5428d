/**
 * The console-output reader: reads any pasted text and returns the facts it recognizes, one section per
 * command output. Which outputs it knows is the registry's (src/console/kinds/index.ts); this module only
 * walks the rows, asks every kind what each row can be, and opens, continues and closes sections. It never
 * guesses: a value it cannot read is absent. Pure and linear: every row is matched by anchored, bounded
 * patterns.
 */
import { commandText } from './commands.ts';
import { KINDS } from './kinds/index.ts';
import { maskKeysIn } from '../redact/key-in-text.ts';
import { splitLines } from './text.ts';
import type { Draft, Entry, Hit, KindId, Line, OutputKind, ReadResult, Section } from './types.ts';

export type {
  Aside,
  FactName,
  Facts,
  LicenseStatus,
  ReadResult,
  Section,
  SectionKind,
  SrvRecord,
} from './types.ts';
export { FACT_NAMES } from './types.ts';

/** At most this many unread lines are returned. */
export const MAX_UNREAD = 200;
/** Each unread line is cut to this many characters. */
export const MAX_UNREAD_CHARS = 500;
// A message's end: its full stop, a closing quote or bracket after it allowed (a question is a reader's).
const SENTENCE_END = /(?<!\.)[.。]["'”»)\]]?$/;
// How many rows a wrapped message may take before its full stop.
const MAX_WRAPPED_ROWS = 8;
// A row that can go on with a sentence: it starts with a letter or an opening mark.
const WORDS_ROW = /^[\p{L}(«"“]/u;
// A console prompt (C:\…>, PS C:\…>): what follows a message, never the rest of it.
const PROMPT = /^(?:PS )?[a-z]:\\|>\s*$/i;
// Rows that are not a message's words: a labelled row ("Name:", "Описание :", "Get-CimInstance : …"), a
// PowerShell error's position, a message box's button.
const NOT_WORDS = /^[^:]{1,40}\s?:(?:\s|$)|^At line:|^(?:OK|ОК|Cancel|Отмена|Yes|No|Да|Нет)$|\S {2,}\S/i;
// A wrapped row is about as wide as the widest above it (a photo's proportional text varies a little)…
const WRAP_SLACK = 1.15;
// …and the row above it was full: its next word would have passed this share of the widest row.
const FULL_ROW = 0.9;
// How far the reader looks ahead to decide a Format-List row that several kinds share.
const LOOKAHEAD = 24;

const BY_ID = new Map<KindId, OutputKind>(KINDS.map((k) => [k.id, k]));
// The kinds that have command lines, in registry order.
const COMMANDS = KINDS.flatMap((k) => (k.command ? [k.command] : []));
const NONE: readonly Hit[] = [];

// The kind a draft belongs to; every hit names a registered kind (tests/unit/golden.test.ts).
function kindOf(id: KindId): OutputKind {
  const kind = BY_ID.get(id);
  if (!kind) throw new Error(`no output kind ${id}`);
  return kind;
}

// What a row can be: a command line's hit first, then every kind's, in registry order.
function classify(line: Line): readonly Hit[] {
  // Every kind's line has at least three characters.
  if (line.long || line.norm.length < 3) return NONE;
  let out: Hit[] | undefined;
  // A command line first: at most one kind's command matches.
  const text = commandText(line);
  if (typeof text !== 'string') {
    if (text) out = [text];
  } else {
    for (const command of COMMANDS) {
      const hit = command(text);
      if (hit) {
        out = [hit];
        break;
      }
    }
  }
  for (const kind of KINDS) {
    const hit = kind.line(line);
    if (hit) (out ??= []).push(hit);
  }
  return out ?? NONE;
}

/** Reads pasted console output into sections of recognized facts and the lines it did not understand. */
export function readConsole(text: string): ReadResult {
  const lines = splitLines(typeof text === 'string' ? text : '');
  // Each row is classified once, when first needed; only the rows in reach of the look-ahead are
  // kept, so a megabyte of text does not keep a megabyte of results alive.
  const RING = LOOKAHEAD + 8;
  const ringAt = new Array<number>(RING).fill(-1);
  const ringHits = new Array<readonly Hit[]>(RING).fill(NONE);
  const hitsAt = (j: number): readonly Hit[] => {
    const slot = j % RING;
    if (ringAt[slot] !== j) {
      ringAt[slot] = j;
      ringHits[slot] = classify(lines[j]!);
    }
    return ringHits[slot]!;
  };
  const sections: Section[] = [];
  // For each section: when it was written, where it says (an event's time).
  const times: (string | undefined)[] = [];
  const unread: string[] = [];
  let cur: Draft | null = null;
  let prev: Draft | null = null;
  let lastEntry: Entry | null = null;
  let blanks = 0;

  const close = () => {
    if (!cur) return;
    const done = kindOf(cur.family).finish(cur);
    // A section with nothing read in it is no section: its rows were only shaped like the kind's.
    if (Object.keys(done.facts).length === 0 && !done.aside) {
      const quiet = kindOf(cur.family).quiet ?? [];
      for (const entry of cur.entries.filter((e) => !quiet.includes(e.key)))
        for (const text of [entry.line.text, ...entry.moreText])
          if (unread.length < MAX_UNREAD) unread.push(maskKeysIn(text.slice(0, MAX_UNREAD_CHARS)));
      prev = cur;
      cur = null;
      lastEntry = null;
      return;
    }
    times.push(done.time);
    sections.push({
      kind: done.kind,
      facts: done.facts,
      lines: done.lines,
      ...(done.aside ? { aside: done.aside } : {}),
    });
    prev = cur;
    cur = null;
    lastEntry = null;
  };
  const add = (draft: Draft, hit: Hit, line: Line) => {
    const entry: Entry = {
      key: hit.key,
      value: hit.value,
      line,
      more: [],
      moreText: [],
      wrap: !!hit.wrap,
      sentence: !!hit.sentence,
      lastWidth: line.width,
      widest: line.width,
      joined: 0,
    };
    draft.entries.push(entry);
    draft.keys.add(hit.key);
    // A row that sets how later output reads (nslookup's set type=) passes it on, as a command does.
    if (hit.hint) draft.hint = hit.hint;
    lastEntry = entry;
  };
  const open = (hit: Hit, line: Line) => {
    close();
    // Output that continues past a repeat (slmgr /dlv all: one product after another) keeps the
    // command's hint; a new command line brings its own.
    const before = prev as Draft | null;
    const hint = hit.command ? hit.hint : before?.family === hit.family ? before.hint : undefined;
    const draft: Draft = { family: hit.family, entries: [], keys: new Set(), ...(hint ? { hint } : {}) };
    cur = draft;
    add(draft, hit, line);
  };
  // A row several kinds share goes to the kind the next rows name alone.
  const decide = (i: number, candidates: readonly Hit[]): Hit | undefined => {
    for (let j = i + 1; j < lines.length && j <= i + LOOKAHEAD; j++) {
      if (!lines[j]!.text) continue;
      let only: KindId | undefined;
      let several = false;
      for (const h of hitsAt(j)) {
        if (h.shared || h.command || !candidates.some((c) => c.family === h.family)) continue;
        if (only !== undefined && only !== h.family) several = true;
        only = h.family;
      }
      if (only !== undefined && !several) return candidates.find((h) => h.family === only);
      // Rows of no kind end the look (Format-List rows of unknown names do not).
      if (only === undefined && hitsAt(j).length === 0 && !lines[j]!.norm.includes(' : ')) break;
    }
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text) {
      blanks++;
      continue;
    }
    const hs = hitsAt(i);
    const read = step(i, line, hs);
    if (!read) {
      if (unread.length < MAX_UNREAD) unread.push(maskKeysIn(line.text.slice(0, MAX_UNREAD_CHARS)));
      lastEntry = null;
    }
    blanks = 0;
  }
  close();
  for (const kind of KINDS) kind.across?.(sections, times);
  return { sections, unread };

  function step(i: number, line: Line, hs: readonly Hit[]): boolean {
    if (hs.some((h) => h.noise)) {
      lastEntry = null;
      return true;
    }
    const cmd = hs.find((h) => h.command);
    if (cmd) {
      open(cmd, line);
      return true;
    }
    const draft = cur as Draft | null;
    const mine = draft ? hs.find((h) => h.family === draft.family) : undefined;
    // A row that begins an output does not join one already under way (a second paste of the same command).
    const begun = mine?.first && draft ? draft.entries.some((e) => e.key !== 'command') : false;
    if (draft && mine && !begun && (mine.repeat || !draft.keys.has(mine.key))) {
      const other = mine.shared ? decide(i, hs) : undefined;
      if (other && other.family !== draft.family) open(other, line);
      else add(draft, mine, line);
      return true;
    }
    const how = continues(i, line, hs);
    if (how) {
      const entry = lastEntry!;
      const token = /^[^\s:]{1,300}$/.test(line.norm);
      // A full console row (80, 120 columns) was cut mid-word: join without a space. A message box wraps
      // between words: always a space, but between Chinese or Japanese characters.
      const glued =
        how === 'sentence'
          ? /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(entry.value)
          : entry.lastWidth % 40 === 0 || token;
      entry.value += glued ? line.norm : ` ${line.norm}`;
      entry.widest = Math.max(entry.widest, line.width);
      entry.lastWidth = line.width;
      entry.joined++;
      return true;
    }
    const starters = hs.filter((h) => h.start);
    // A name several kinds share opens a section only when the rows after it tell which.
    const chosen =
      starters.length > 1 || starters[0]?.shared
        ? (decide(i, starters) ?? starters.find((h) => !h.shared))
        : starters[0];
    if (chosen) {
      open(chosen, line);
      return true;
    }
    const free = draft ? kindOf(draft.family).free?.(draft, line) : null;
    if (draft && free) {
      if (free.key === '+') {
        const entry = draft.entries[draft.entries.length - 1];
        entry?.more.push(line.norm);
        entry?.moreText.push(line.text);
        lastEntry = null;
      } else if (!free.repeat && draft.keys.has(free.key)) {
        open(free, line);
      } else {
        add(draft, free, line);
      }
      return true;
    }
    return false;
  }

  // Whether a row continues the value of the row before it (a console wrap, or a sentence not yet ended).
  function continues(i: number, line: Line, hs: readonly Hit[]): 'wrap' | 'sentence' | false {
    const entry = lastEntry as Entry | null;
    if (!entry?.wrap || hs.some((h) => h.start) || blanks > 1) return false;
    // A message that has ended with its full stop goes on no further, however wide its last row.
    if (entry.sentence && SENTENCE_END.test(entry.value)) return false;
    if (entry.lastWidth >= 79 || (entry.lastWidth >= 72 && blanks === 0)) return 'wrap';
    if (entry.sentence && blanks === 0 && wrappedSentence(entry, i)) return 'sentence';
    // A URL cut by a forum editor: one token with no label.
    return /Url$/.test(entry.key) && /^[^\s:]{1,300}$/.test(line.norm) ? 'wrap' : false;
  }

  /**
   * A message a box or a narrow window wrapped short of 80 columns: its rows, from this one on, words (no
   * row another kind reads, no prompt, labelled row, button or table), none wider than the rows above, each
   * row above full (its next word would not have fitted beside it), and the message ending with its full stop
   * within a few rows, before a blank row. Many of slmgr's messages have no full stop: such a message is
   * never taken to go on, and what follows it stays unread.
   */
  function wrappedSentence(entry: Entry, i: number): boolean {
    let value = entry.value;
    // A message of a few words at least: never rows joined onto a bare code or an empty label.
    if (SENTENCE_END.test(value) || !/\p{L}+\s+\p{L}+\s+\p{L}+/u.test(value)) return false;
    let widest = entry.widest;
    let last = entry.lastWidth;
    for (let j = i; j < Math.min(lines.length, i + MAX_WRAPPED_ROWS); j++) {
      const row = lines[j]!;
      const t = row.norm;
      if (!t || hitsAt(j).length || !WORDS_ROW.test(t) || PROMPT.test(t) || NOT_WORDS.test(t)) return false;
      const next = /^\S+/.exec(t)![0].length;
      if (row.width > widest * WRAP_SLACK || last + 1 + next <= widest * FULL_ROW) return false;
      // Right under the error row, whose fullness nothing can tell yet: a wrap goes on mid-sentence, in
      // lower case; a capital there is as likely a sentence of its own (the next thing the console said).
      if (j === i && !entry.joined && !/^\p{Ll}/u.test(t)) return false;
      value += ` ${t}`;
      if (SENTENCE_END.test(value)) return true;
      widest = Math.max(widest, row.width);
      last = row.width;
    }
    return false;
  }
}
