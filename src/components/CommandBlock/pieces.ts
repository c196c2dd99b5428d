/**
 * Where a long command token may go on to the next line: at the characters a person reads it apart by
 * (after `\` `.` `=` `,` `;` and an opening quote, before `-` and `/`, between `)(`), never inside a switch (`/dlv`,
 * `-Port`, `/ad-activation-apply-cid`) or a number (`2.0`, `S-1-5-32`). Pure, so it is unit-tested.
 */

/** A token cut into units at its natural places; a unit is cut again at its camelCase humps only when it alone is wider than the line. */
export type Units = string[][];

const LETTER = /[A-Za-z_$%<]/;
const QUOTE = /['"]/;
// A switch at the start of a token: its name, hyphens and all, up to a ':' or '=' that starts its value.
const SWITCH = /^[-/][A-Za-z][A-Za-z0-9-]*/;

/** Whether a line may break before position i of the token. */
function cutBefore(tok: string, i: number, sw: number): boolean {
  // Inside a switch's name (sw characters) no break at all.
  if (i <= sw || i >= tok.length) return false;
  const a = tok[i - 1]!;
  const b = tok[i]!;
  const next = tok[i + 1] ?? '';
  // An opening quote stays with what it opens: the break comes after it.
  if (QUOTE.test(b)) return false;
  if (a === '\\') return b !== '\\';
  if (a === '.') return LETTER.test(b);
  if (a === '=' || a === ',' || a === ';') return b !== '=' && b !== ')' && b !== '}';
  // A switch's value: "/Set-Edition:" | "ServerDatacenter".
  // A switch's value, an environment variable's name, a SID's rights: "$env:" | "windir".
  if (a === ':')
    return (
      (sw > 0 && i - 1 === sw) || tok.slice(0, i).endsWith('$env:') || (b === '(' && /\d/.test(tok[i - 2]!))
    );
  if (a === ')' && b === '(') return true;
  // After an opening quote, but not a quote that opens the token (a lone quote on a line says nothing).
  if (QUOTE.test(a)) return i >= 2 && !/[A-Za-z0-9]/.test(tok[i - 2]!) && /[A-Za-z%$<]/.test(b);
  if (b === '-' || b === '/') return /[A-Za-z0-9)\]}]/.test(a) && /[A-Za-z]/.test(next);
  return false;
}

/** Splits a unit before each capital that follows a small letter ("Software|Protection|Platform"). */
function humps(unit: string, isSwitch: boolean): string[] {
  if (isSwitch) return [unit];
  const out: string[] = [];
  let from = 0;
  for (let i = 1; i < unit.length; i++)
    if (/[a-z]/.test(unit[i - 1]!) && /[A-Z]/.test(unit[i]!) && i - from >= 2) {
      out.push(unit.slice(from, i));
      from = i;
    }
  out.push(unit.slice(from));
  return out;
}

/** The units of one token (a run of non-space characters), each as its camelCase pieces. */
export function unitsOf(tok: string): Units {
  const sw = SWITCH.exec(tok)?.[0].length ?? 0;
  const units: Units = [];
  let from = 0;
  for (let i = 1; i < tok.length; i++)
    if (cutBefore(tok, i, sw)) {
      units.push(humps(tok.slice(from, i), from === 0 && sw > 0));
      from = i;
    }
  units.push(humps(tok.slice(from), from === 0 && sw > 0));
  return units;
}
