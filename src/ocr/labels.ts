/**
 * The labels of the rows the reader reads in Russian console output, put right when recognition misread
 * some of their letters: Russian Windows mixes Latin terms into Cyrillic labels ("DNS-серверы"), and a
 * recognizer reads "DNS" as "0№5" or "адрес" as "appec". A label is replaced only when it is within a few
 * look-alike letters of exactly one known label; the value after it is never touched. And the colon of a
 * labelled row, read as another mark or lost, is put back where only a colon can stand.
 */
import { editDistance } from '../codes/lookup.ts';

// The Russian labels of ipconfig /all, sc query, nslookup and slmgr rows the reader takes a fact from.
const KNOWN = [
  'Основной DNS-суффикс',
  'Порядок просмотра суффиксов DNS',
  'DNS-суффикс подключения',
  'DNS-серверы',
  'IPv4-адрес',
  'Имя компьютера',
  'NetBios через TCP/IP',
  'Имя_службы',
  'Состояние',
  'Код_выхода_Win32',
  'Частичный ключ продукта',
  'Состояние лицензии',
  'Сервер',
  'Адрес',
  'Адреса',
] as const;

// Real labels near a known one, which must stay as they are: the nearest label being one of these, nothing
// is replaced ("IPv6-адрес" is one letter from "IPv4-адрес").
const OTHERS = [
  'IPv6-адрес',
  'IPv6-адреса',
  'IPv6 адрес',
  'Локальный IPv6-адрес канала',
  'Временный IPv6-адрес',
  'DHCP-сервер',
  'DNS-сервер',
  'Код_выхода_службы',
  'Основной шлюз',
  'Шлюз по умолчанию',
  'Описание',
  'Имя узла',
  'Имя',
  'Тип',
  'Состояние среды',
];

// Letters and digits a recognizer confuses, across Latin, Cyrillic and digits, each to one stand-in.
const LOOK: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  п: 'n',
  и: 'u',
  л: 'n',
  з: '3',
  ш: 'w',
  щ: 'w',
  ь: 'b',
  ы: 'bi',
  й: 'u',
  д: 'a',
  '0': 'o',
  '5': 's',
  '1': 'l',
  '|': 'l',
  i: 'l',
  '№': 'n',
  '\\': 'w',
  _: ' ',
  '-': ' ',
};

/** A label reduced to what a recognizer cannot tell apart: case, look-alike letters and digits, separators. */
export function skeleton(label: string): string {
  return [...label.toLowerCase()]
    .map((c) => LOOK[c] ?? c)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const SKELETONS = [
  ...KNOWN.map((label) => ({ label, known: true, skeleton: skeleton(label) })),
  ...OTHERS.map((label) => ({ label, known: false, skeleton: skeleton(label) })),
];

/**
 * The known label a misread one stands for: within a fifth of its letters of one label, nearer it than any
 * other label (known or not), and with its digits as they are.
 */
export function knownLabel(read: string): string | undefined {
  const s = skeleton(read);
  if (s.length < 4 || SKELETONS.some((k) => k.label === read)) return undefined;
  const ranked = SKELETONS.map((k) => ({ ...k, d: editDistance(s, k.skeleton) })).sort((a, b) => a.d - b.d);
  const [best, next] = ranked;
  if (!best?.known || best.d > Math.floor(best.skeleton.length / 5)) return undefined;
  if (next && next.d <= best.d) return undefined;
  // A number in the label is read as it is: 4 and 6 are both digits, and IPv4 is not IPv6.
  if ([...best.label.replace(/\D/g, '')].some((d) => !read.includes(d))) return undefined;
  return best.label;
}

// "Label . . . . : value" (ipconfig's leader dots) or "Label : value", the label at the start of the row; the
// colon may be read as a semicolon.
const ROW = /^(\s*)([^\s.:;][^.:;]*?)(\s*(?:\.\s?)*\s*)([:;])/;
// Labels printed with the colon against them.
const TIGHT: ReadonlySet<string> = new Set(['Сервер', 'Адрес', 'Адреса']);
// "Label   value": a row whose colon was lost, the label and its value apart by two spaces or more.
const BARE = /^(\s*)(\S(?:.*?\S)??)(\s{2,})(?=\S)/;

// Test-NetConnection's rows, as Format-List prints them ("Name<spaces>: value", the colons in a column), with
// the shape their value must have.
const IPV4 = (v: string) =>
  /^\d{1,3}(?:\.\d{1,3}){3}$/.test(v) && v.split('.').every((n) => Number(n) <= 255);
// A name may start with a digit (RFC 1123), but one of digits and dots alone is an address or nothing.
const HOST = (v: string) =>
  IPV4(v) || (/^[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*$/.test(v) && !/^[\d.]+$/.test(v));
const PORT = (v: string) => /^\d{1,5}$/.test(v) && Number(v) <= 65535;
const BOOL = (v: string) => v === 'True' || v === 'False';
const LISTED: Readonly<Record<string, (value: string) => boolean>> = {
  ComputerName: HOST,
  RemoteAddress: IPV4,
  RemotePort: PORT,
  SourceAddress: IPV4,
  PingSucceeded: BOOL,
  TcpTestSucceeded: BOOL,
  NameResolutionSucceeded: BOOL,
};
// One of those rows with its colon read as another mark: a stroke (1, |, l, I, i, !) or a blot (©, », ¢, $,
// *, =, +, ;).
const MARK_COLON = new RegExp(
  `^(\\s*)(${Object.keys(LISTED).join('|')})(\\s+)([1|lIi!©»¢$*=+;])\\s+(\\S+)(\\s*)$`,
);

/**
 * The row with its colon put back where a mark stands for it: only when the value after the mark has its row's
 * shape, and the mark read as the value's first character would not give a value of that shape too
 * ("RemotePort  1 688" may be 1688: left as read).
 */
function listedRow(line: string): { text: string; from: string; to: string } | undefined {
  const m = MARK_COLON.exec(line);
  if (!m) return undefined;
  const [, indent, label, gap, mark, value, end] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const fits = LISTED[label]!;
  if (!fits(value) || fits(`${/[1|lIi!]/.test(mark) ? '1' : mark}${value}`)) return undefined;
  return {
    text: `${indent}${label}${gap}: ${value}${end}`,
    from: `${label}${gap}${mark}`,
    to: `${label}${gap}:`,
  };
}

/**
 * The row with its label put right when it is a misread known label (and its colon, read as a semicolon or
 * lost, put back); the label as read and as put, or none.
 */
export function repairLabel(line: string): { text: string; from?: string; to?: string } {
  const listed = listedRow(line);
  if (listed) return listed;
  const m = ROW.exec(line);
  if (m) {
    const [all, indent, read, gap, colon] = m as unknown as [string, string, string, string, string];
    const label = read.trim();
    const to = KNOWN.includes(label as (typeof KNOWN)[number]) ? label : knownLabel(label);
    if (!to || (to === label && colon === ':')) return { text: line };
    const text = `${indent}${to}${read.slice(label.length)}${gap}:${line.slice(all.length)}`;
    return {
      text,
      from: `${read}${gap}${colon}`.trim(),
      to: `${to}${read.slice(label.length)}${gap}:`.trim(),
    };
  }
  const b = BARE.exec(line);
  if (!b) return { text: line };
  const [all, indent, read, gap] = b as unknown as [string, string, string, string];
  const to = KNOWN.includes(read as (typeof KNOWN)[number]) ? read : knownLabel(read);
  if (!to) return { text: line };
  // nslookup puts its colon against the label ("Сервер:  dc01"); sc aligns its colons in a column.
  const text = TIGHT.has(to)
    ? `${indent}${to}:${gap}${line.slice(all.length)}`
    : `${indent}${to}${gap.slice(1)}: ${line.slice(all.length)}`;
  return { text, from: `${read}${gap}`.trim(), to: `${to}:` };
}
