/**
 * Codes a typed code is probably a typo of. Apart from code-kind.ts, whose tables only the unknown-code page
 * needs: the first screen's lookup uses this alone.
 */
import type { CatalogEntry } from '../flow-format/schema.ts';

/** The 32-bit value of a canonical code ("0x" and 8 hex digits), or undefined for anything else. */
export function codeValue(code: string): number | undefined {
  return /^0x[0-9A-F]{8}$/.test(code) ? parseInt(code.slice(2), 16) : undefined;
}

/** True when b is a typed a with one hex digit wrong, or two neighbouring digits swapped. */
function oneTypoApart(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!];
}

/**
 * The catalog codes a code is probably a typo of, numerically nearest first, at most `limit`: the same
 * severity and facility (the first four hex digits), and one digit wrong or two neighbours swapped in the
 * rest. Anything further is another code, not a typo, and is never suggested.
 */
export function typoOf(catalog: readonly CatalogEntry[], code: string, limit = 3): CatalogEntry[] {
  const value = codeValue(code);
  if (value === undefined) return [];
  const gap = (e: CatalogEntry) => Math.abs(parseInt(e.code.slice(2), 16) - value);
  return catalog
    .filter((e) => e.code !== code && e.code.slice(0, 6) === code.slice(0, 6) && oneTypoApart(code, e.code))
    .sort((a, b) => gap(a) - gap(b))
    .slice(0, limit);
}
