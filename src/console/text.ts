/**
 * Text helpers for the reader: rows, mojibake, and the value shapes facts must have.
 * Every pattern is anchored and bounded, and rows longer than MAX_LINE are never matched.
 */
import { deepMap, maskKeysIn } from '../redact/key-in-text.ts';
import { factLine, factValue, isGuid, isHost, isIp, isPartialKey, plainAddress } from './fact-rules.ts';
import { readCodes, toCanonical } from '../codes/lookup.ts';
import type { Entry, Facts, Finished, Line } from './types.ts';

// The shapes facts must have live with the facts' rules (one table for read, typed and stored facts).
export { isGuid, isHost, isIp, isPartialKey };

/** Windows' Application ID in slmgr and SoftwareLicensingProduct (Office's is 0ff1ce15-a989-479d-af46-f275c6370663). */
export const WINDOWS_APP = '55c92734-d682-4d71-983e-d6ec3f16059f';

/** No console output line is this long; longer rows are reported, never matched. */
export const MAX_LINE = 4096;

// The upper halves of code pages 866 and 1251, byte 0x80 first: Russian Windows consoles often show
// CP1251 text as CP866 ("Сервер:" as "╤хЁтхЁ:"), so mapping one onto the other undoes it.
const CP866 =
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u00a0';
const CP1251 =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\ufffd™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';
const MOJIBAKE = new Map<string, string>([...CP866].map((c, i) => [c, CP1251[i]!]));
// Box drawing and the few symbols Russian words turn into; real Russian text never has them.
const MOJIBAKE_MARK = /[\u2500-\u25a0\u0404\u0454\u0407\u0457\u040e\u045e\u2219\u221a]/;

/** Undoes CP1251-shown-as-CP866 mojibake in a line that shows its marks; other text is returned as is. */
export function demojibake(text: string): string {
  if (!MOJIBAKE_MARK.test(text)) return text;
  let out = '';
  for (const c of text) out += MOJIBAKE.get(c) ?? c;
  return out;
}

const BLANK: Line = { text: '', norm: '', indent: 0, width: 0, long: false };

function makeLine(raw: string): Line {
  const text = raw.trim();
  if (!text) return BLANK;
  const long = raw.length > MAX_LINE;
  // Only text beyond ASCII can hold mojibake or no-break spaces.
  const plain = long || !/[^ -~\t]/.test(text);
  return {
    text,
    norm: long
      ? ''
      : plain
        ? text
        : demojibake(text)
            .replace(/\u00a0/g, ' ')
            .trim(),
    indent: raw.length - raw.trimStart().length,
    width: raw.trimEnd().length,
    long,
  };
}

// PowerShell pads the prompt line to the console width, so a warning can land on the same row.
const GLUED = ['WARNING: ', 'ПРЕДУПРЕЖДЕНИЕ: '];

/** Splits pasted text into rows; a warning glued after console padding becomes its own row. */
export function splitLines(input: string): Line[] {
  const out: Line[] = [];
  for (const raw of input.split(/\r\n|\r|\n/)) {
    let cut = -1;
    if (raw.length <= MAX_LINE && raw.includes(': ')) {
      for (const mark of GLUED) {
        const at = raw.indexOf(mark);
        if (at > 2 && /\s\s$/.test(raw.slice(at - 2, at)) && raw.slice(0, at).trim() !== '') cut = at;
      }
    }
    if (cut > 0) {
      out.push(makeLine(raw.slice(0, cut)), makeLine(raw.slice(cut)));
    } else {
      out.push(makeLine(raw));
    }
  }
  return out;
}

/**
 * A row without the Markdown a ticket or forum wraps it in: quote markers (`> `), bold and code marks
 * (`**`, `__`, backticks), full-width letters, digits and colons (CJK input) made plain. For kinds whose rows are
 * pasted from documents (errors, events); other kinds read rows as the console printed them.
 */
export function unmark(norm: string): string {
  let t = norm.replace(/^(?:> ?){1,8}/, '');
  if (/[*_`\uff10-\uff1a\uff21-\uff3a\uff41-\uff5a\u3000]/.test(t)) {
    // Other full-width punctuation (，。) is the text's own and stays.
    t = t
      .replace(/\*\*|__|`/g, '')
      .replace(/[\uff10-\uff1a\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
        String.fromCharCode(c.charCodeAt(0) - 0xfee0),
      )
      .replace(/\u3000/g, ' ');
    // A lone emphasis mark around the whole row (`*text*`).
    if (/^[*_][^*_]/.test(t) && /[^*_][*_]$/.test(t)) t = t.slice(1, -1);
  }
  return t.trim();
}

/** A whole unsigned number (no sign, no decimals), or undefined. */
export function uint(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(\d{1,10})$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

/** The leading unsigned number of a value such as "5 (secondary reference…)" or "0(no warning)". */
export function leadingUint(value: string): number | undefined {
  const m = /^(\d{1,10})(?![\d.,])/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

/** A TCP/UDP port, 1…65535. */
export function port(value: string | undefined): number | undefined {
  const n = uint(value);
  return n !== undefined && n >= 1 && n <= 65535 ? n : undefined;
}

/** PowerShell's True / False. */
export function bool(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/**
 * Splits "host:port" or "[v6]:port" (and, when no port is expected, a bare host or IPv6 address);
 * undefined when it is not one. A bare IPv6 address followed by a port cannot be told apart.
 * A zone ID (`fe80::1%12`) is dropped: the address without it is what commands can use.
 */
export function hostPort(value: string, portExpected: boolean): { host: string; port?: number } | undefined {
  const v = value.trim();
  const v6 = /^\[([\w:.%-]{2,80})\](?::(\d{1,5}))?$/.exec(v);
  if (v6) {
    const host = plainAddress(v6[1]!);
    if (!host.includes(':') || !isIp(host)) return undefined;
    return v6[2] === undefined ? (portExpected ? undefined : { host }) : withPort(host, v6[2]);
  }
  const bare = plainAddress(v);
  if (bare.includes(':') && isIp(bare)) return portExpected ? undefined : { host: bare };
  const m = /^([^:\s]{1,255})(?::(\d{1,5}))?$/.exec(v);
  if (!m || !isHost(m[1]!)) return undefined;
  if (m[2] === undefined) return portExpected ? undefined : { host: m[1]! };
  return withPort(m[1]!, m[2]);
}

function withPort(host: string, p: string): { host: string; port?: number } | undefined {
  const n = port(p);
  return n === undefined ? undefined : { host, port: n };
}

/** A code written as 0x and 1…8 hex digits (slmgr prints 0x5, events 0x0), canonical. */
export function hexCode(token: string): string | undefined {
  const m = /^0x([0-9a-f]{1,8})$/i.exec(token.trim());
  return m ? toCanonical(parseInt(m[1]!, 16)) : undefined;
}

/** A code written as a signed or unsigned 32-bit decimal (WMI, scripts), canonical. */
export function decimalCode(token: string): string | undefined {
  const m = /^(-?\d{1,10})$/.exec(token.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= -0x80000000 && n <= 0xffffffff ? toCanonical(n) : undefined;
}

/** The code at the start of an error text: short hex, else any form lookup.ts reads. */
export function leadingCode(text: string): { code: string; rest: string } | undefined {
  const m = /^(\S{1,40})\s*(.*)$/.exec(text.trim());
  if (!m) return undefined;
  const code = hexCode(m[1]!) ?? readCodes(m[1]!)[0];
  return code ? { code, rest: m[2]! } : undefined;
}

/** The token before " channel" at the end of a license description. */
export function channelOf(description: string): string | undefined {
  const m = /(?:^|[\s,])([A-Za-z0-9_()-]{1,60}) channel\.?$/.exec(description.trim());
  return m?.[1];
}

/** One "Name : value" row of PowerShell's Format-List (a space always precedes the colon). */
export function formatList(norm: string): { name: string; value: string } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]{0,80}(?: \([A-Za-z]{1,20}\))?) {1,80}:(?: (.{0,4000}))?$/.exec(norm);
  return m ? { name: m[1]!, value: (m[2] ?? '').trim() } : undefined;
}

/**
 * Collects facts with the line each came from; undefined values are skipped, never invented, and every
 * value goes through its fact's rule (fact-rules.ts), as a typed or stored one does.
 */
export class Sink {
  readonly out: Finished;
  constructor(kind: Finished['kind']) {
    this.out = { kind, facts: {}, lines: {} };
  }
  /** Records a fact read from an entry's first row. */
  put<K extends keyof Facts>(key: K, value: Facts[K] | undefined, entry: Entry | Line | undefined): void {
    if (value === undefined || entry === undefined) return;
    // A value or line shown as evidence never carries a whole product key ("slmgr /ipk <key>" above an error):
    // every value, lists (warnings, SRV records) included, since a pasted line can carry a key anywhere.
    const kept = factValue(key, deepMap(value, maskKeysIn));
    if (kept === undefined) return;
    this.out.facts[key] = kept;
    this.out.lines[key] = factLine(maskKeysIn('line' in entry ? entry.line.text : entry.text))!;
  }
}

/** The last entry with this key. */
export function last(entries: readonly Entry[], key: string): Entry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

/** The first entry with this key. */
export function first(entries: readonly Entry[], key: string): Entry | undefined {
  return entries.find((e) => e.key === key);
}

/** Puts the product lines slmgr and ospp.vbs listings share: its name, the channel in its description, its partial key. */
export function putProduct(s: Sink, entries: readonly Entry[]): void {
  const name = first(entries, 'name');
  s.put('name', name?.value || undefined, name);
  const desc = first(entries, 'description');
  s.put('channel', desc ? channelOf(desc.value) : undefined, desc);
  const pk = first(entries, 'partialKey');
  s.put('partialKey', pk?.value, pk);
}
