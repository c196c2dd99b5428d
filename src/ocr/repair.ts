/**
 * The usual misreadings of console text put right only where the value's shape says what it must be:
 * an IPv4 address has only digits, a 0x code only hex digits, a host name no space after its dots, the
 * KMS SRV record one name. Anything else is left as it was recognized, for the technician to correct.
 */

/** One correction: what was read and what it was taken to be. */
export interface Repair {
  from: string;
  to: string;
}

// Look-alikes of digits in a place that can hold only digits.
const DIGIT: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  I: '1',
  l: '1',
  '|': '1',
  i: '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
};
const DIGITISH = '0-9OoDQIl|iSsBZ';
// A dotted quad with look-alikes and stray spaces after its dots, an optional :port; not inside a longer token.
const QUAD = new RegExp(
  `(?<![\\w.])([${DIGITISH}]{1,3})\\. ?([${DIGITISH}]{1,3})\\. ?([${DIGITISH}]{1,3})\\. ?([${DIGITISH}]{1,3})(?=$|[^\\w.]|\\.(?:$|\\s))`,
  'g',
);
// 0x and eight hex digits, with O for 0 and a × or a space where the x is.
const HEX_CODE = /(?<![\w])[0Oo][xX×] ?([0-9A-Fa-fOo]{8})(?![\w])/g;
// The KMS record's name, the only SRV name read here: its underscores are dropped or read as other marks,
// its dot as a comma, its c as an e, its l as an i or a 1.
const VLMCS = /(?<![\w])[_~“”"'‘’-]?v[il1|]m[ce]s ?[.,] ?_?tcp(?![\w])/gi;
// A host name read with spaces beside its dots: lower-case labels only, three or more of them.
const SPACED_HOST = /(?<![\w.-])([a-z0-9_][a-z0-9_-]*)((?: ?\. ?[a-z0-9_][a-z0-9_-]*){2,})(?![\w-])/g;

const EDGE_STROKE = /[|lIi]/;

function digits(s: string): string {
  return [...s].map((c) => DIGIT[c] ?? c).join('');
}

/** Puts right what the line's values' shapes decide; returns the line and what was changed. */
export function repairLine(line: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const note = (from: string, to: string) => {
    if (from !== to) repairs.push({ from, to });
    return to;
  };
  let text = line.replace(QUAD, (m: string, a: string, b: string, c: string, d: string) => {
    // A stroke at either end is as likely a cursor or a window's border as a 1: "10.0.0.5|" stays as read.
    if (EDGE_STROKE.test(m[0]!) || EDGE_STROKE.test(m[m.length - 1]!)) return m;
    const parts = [a, b, c, d].map(digits);
    // Only an address: four numbers of 0…255, no number with a leading zero.
    if (parts.some((p) => Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) return m;
    return note(m, parts.join('.'));
  });
  text = text.replace(HEX_CODE, (m: string, hex: string) =>
    note(m, `0x${hex.replace(/[Oo]/g, '0').toUpperCase()}`),
  );
  text = text.replace(VLMCS, (m: string) => note(m, '_vlmcs._tcp'));
  text = text.replace(SPACED_HOST, (m: string, _first: string, _rest: string, at: number, all: string) => {
    if (!m.includes(' ')) return m;
    const labels = m.split(/ ?\. ?/);
    // A name has a letter; numbers with spaces between (two addresses, a version) are not one name. Nor is
    // the lower-case end of a name whose start is not ("KMS01. corp. contoso. com"): half a repair.
    if (!labels.some((l) => /[a-z]/.test(l)) || /[\w-] ?\. ?$/.test(all.slice(0, at))) return m;
    return note(m, labels.join('.'));
  });
  return { text, repairs };
}
