/**
 * Ways into a flow without a code: what a technician types on Home ("office", "ospp", "время") or what a
 * code's own message says ("no product key was found") finds the flows that deal with it.
 */
import type { CodeKind, Win32Range } from './code-kind.ts';
import type { Text, Topic } from '../flow-format/schema.ts';

const MAX_INPUT = 500;
// A typed word shorter than this finds only a word it equals ("ad"), never the start of a longer one.
const PREFIX_MIN = 3;
// A topic word at least this long also finds a typed word it starts: Russian endings ("домене", "клонирование").
const STEM_MIN = 4;
// Words that say nothing of the problem, in either language.
const STOP = new Set(
  'a an and are at by for in is it of on or the to with no not do does my error windows в и к на не нет по с у за из от для ошибка ошибки'.split(
    ' ',
  ),
);

/** Lowercase, ё as е, fullwidth folded, hyphens as spaces, punctuation at a word's edges dropped. */
function normalize(text: string): string {
  return text
    .slice(0, MAX_INPUT)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}._]+/gu, ' ')
    .replace(/(^|\s)[._]+|[._]+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A Russian word without its ending, roughly: the last two letters of a long word, the last of a
 * five-letter one ("материнской" and "материнская" both "материнск"). Latin words are kept whole.
 */
function stem(word: string): string {
  if (!/^[а-я]+$/.test(word)) return word;
  return word.length >= 6 ? word.slice(0, -2) : word.length === 5 ? word.slice(0, -1) : word;
}

// A code or a hex number typed beside the words is the code search's, not a topic's.
const CODE_LIKE = /^(?:0x[0-9a-f]*|[0-9a-f]{8}|-?\d{9,10})$/;

/**
 * How a text is read. `typed`: what a technician types on Home, where a word finds the topic words it
 * starts (or that start it). `message`: a code's official message, where a topic must appear whole.
 */
export type TopicMode = 'typed' | 'message';

/** A topic's words as the search compares them: normalized once, not on every keystroke. */
interface Prepared {
  phrases: string[];
  titles: string[];
  parts: string[];
}
const prepared = new WeakMap<Topic, Prepared>();

function prepare(topic: Topic & { title?: Text }): Prepared {
  let p = prepared.get(topic);
  if (p) return p;
  const phrases = [...new Set([...topic.words.en, ...topic.words.ru].map(normalize))];
  // Typed-only words (too common in messages) count as words started, never as whole phrases.
  const parts = [...phrases, ...(topic.words.typed ?? []).map(normalize)]
    .flatMap((w) => w.split(' '))
    .filter((w) => !STOP.has(w))
    .map(stem);
  p = { phrases, titles: Object.values(topic.title ?? {}).map(normalize), parts };
  prepared.set(topic, p);
  return p;
}

/** The topics a text finds, best first: whole phrases in it count most, then words a typed word starts. */
export function findTopics<T extends Topic & { title?: Text }>(
  topics: readonly T[],
  text: string,
  mode: TopicMode = 'typed',
): T[] {
  const query = normalize(text);
  const words = query.split(' ').filter((w) => w && !CODE_LIKE.test(w) && !STOP.has(w));
  if (!words.length) return [];
  const stems = mode === 'typed' ? words.map(stem) : [];
  // A word typed twice counts twice, but is compared with a topic's words once.
  const distinct = [...new Set(stems)];
  // Whole phrases and titles are looked for in the text as it was, stop words and all.
  const padded = ` ${query} `;
  const scored: { topic: T; score: number; order: number }[] = [];
  topics.forEach((topic, order) => {
    const { phrases, titles, parts } = prepare(topic);
    // A flow's own title, typed or pasted whole, finds it before any other.
    const titled = titles.some((title) => padded.includes(` ${title} `));
    const whole = phrases.filter((p) => padded.includes(` ${p} `)).length + (titled ? 3 : 0);
    const found = new Set(
      distinct.filter((w) =>
        parts.some(
          (part) =>
            part === w ||
            (w.length >= PREFIX_MIN && part.startsWith(w)) ||
            (part.length >= STEM_MIN && w.startsWith(part)),
        ),
      ),
    );
    const started = found.size ? stems.filter((w) => found.has(w)).length : 0;
    if (whole === 0 && started === 0) return;
    scored.push({ topic, score: whole * 3 + started, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.topic);
}

// Windows errors of the network's ranges: the flows that deal with them. An internet error (WinHTTP,
// WinINet) is online activation failing to reach Microsoft: phone activation goes around it. Winsock's
// 11001–11004 are name lookups failing (WSAHOST_NOT_FOUND … WSANO_DATA).
const BY_RANGE: Record<Win32Range, readonly string[]> = {
  dns: ['kms-dns'],
  winsock: ['kms-connect'],
  internet: ['phone-activation'],
};

/** The flows of a code's kind: for a Windows error of the DNS, sockets or internet ranges, the network's. */
export function flowsOfKind(kind: CodeKind | undefined): readonly string[] {
  if (kind?.kind !== 'win32' || !kind.range) return [];
  if (kind.number >= 11001 && kind.number <= 11004) return ['kms-dns', 'kms-connect'];
  return BY_RANGE[kind.range];
}
