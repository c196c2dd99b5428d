/**
 * Ways into a flow without a code: what a technician types on Home ("office", "ospp", "время") or what a
 * code's own message says ("no product key was found") finds the flows that deal with it.
 */
import type { CodeKind, Win32Range } from './code-kind.ts';
import type { Text, Topic } from '../flow-format/schema.ts';

const MAX_INPUT = 500;
// Typed words shorter than this find only a word they equal ("ad"), never the start of a longer one.
const PREFIX_MIN = 3;
// Text longer than this many words is a sentence (a code's message): a topic must appear in it whole.
const SENTENCE = 3;

/** Lowercase, ё as е, fullwidth folded, and every run of other characters a single space. */
function normalize(text: string): string {
  return text
    .slice(0, MAX_INPUT)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}._-]+/gu, ' ')
    .trim();
}

// A code or a hex number typed beside the words is the code search's, not a topic's.
const CODE_LIKE = /^(?:0x[0-9a-f]*|[0-9a-f]{8}|-?\d{9,10})$/;

/** The topics a text finds, best first: whole phrases in it count most, then words a typed word starts. */
export function findTopics<T extends Topic & { title?: Text }>(topics: readonly T[], text: string): T[] {
  const query = normalize(text);
  const words = query.split(' ').filter((w) => w && !CODE_LIKE.test(w));
  if (!words.length) return [];
  const padded = ` ${words.join(' ')} `;
  const sentence = words.length > SENTENCE;
  const scored: { topic: T; score: number; order: number }[] = [];
  topics.forEach((topic, order) => {
    const phrases = [...topic.words.en, ...topic.words.ru].map(normalize);
    // A flow's own title, typed or pasted whole, finds it before any other.
    const titled = Object.values(topic.title ?? {}).some((title) => padded.includes(` ${normalize(title)} `));
    const whole = phrases.filter((p) => padded.includes(` ${p} `)).length + (titled ? 3 : 0);
    const parts = phrases.flatMap((p) => p.split(' '));
    const started = words.filter((w) =>
      parts.some((part) => part === w || (w.length >= PREFIX_MIN && part.startsWith(w))),
    ).length;
    if (sentence ? whole === 0 : started === 0) return;
    scored.push({ topic, score: whole * 3 + started, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.topic);
}

// Windows errors of the network's ranges: the flows that check DNS, the connection and the internet.
const BY_RANGE: Record<Win32Range, readonly string[]> = {
  dns: ['kms-dns', 'connectivity'],
  winsock: ['kms-connect', 'connectivity'],
  internet: ['connectivity'],
};

/** The flows of a code's kind: for a Windows error of the DNS, sockets or internet ranges, the network's. */
export function flowsOfKind(kind: CodeKind | undefined): readonly string[] {
  return kind?.kind === 'win32' && kind.range ? BY_RANGE[kind.range] : [];
}
