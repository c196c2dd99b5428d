/** Wording the checkers share: characters named so they can be read aloud, look-alike dashes and Cyrillic letters. */
import type { Translate } from '../../i18n/index.ts';
import { DASH_LOOKALIKES } from '../../redact/key-in-text.ts';
import type { DashName, Lookalike } from '../../redact/key-in-text.ts';

const MAX_SHOWN = 10;

/** A code point as Unicode writes it: U+0421. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character as it can be read aloud and on screen: letters as they are, symbols quoted, invisible ones as U+ codes. */
export function showChar(t: Translate, c: string): string {
  if (/^[\p{L}\p{N}]/u.test(c)) return c;
  if (/^[\p{P}\p{S}]/u.test(c)) return t('tools:quoted', { c });
  return Array.from(c).slice(0, 4).map(codePoint).join(' ');
}

/** At most ten items, then "and N more". */
export function shortList(t: Translate, items: readonly string[]): string {
  const shown = items.slice(0, MAX_SHOWN).join(', ');
  return items.length > MAX_SHOWN ? `${shown} ${t('tools:more', { n: items.length - MAX_SHOWN })}` : shown;
}

/** Positions among key characters, when few enough to be useful. */
export function positionsLine(t: Translate, positions: readonly number[]): string | null {
  if (positions.length === 0 || positions.length > MAX_SHOWN) return null;
  return t('tools:key.problem.positions', { count: positions.length, positions: positions.join(', ') });
}

/** Dashes that only look like hyphens: one line naming them, and why it happens. */
export function describeDashes(t: Translate, chars: readonly string[], count: number): [string, string] {
  const names = chars.map((c) => DASH_LOOKALIKES[c]).filter((n): n is DashName => !!n);
  const only = names.length === 1 ? names[0] : undefined;
  const main = only
    ? t(`tools:key.dash.${only}`, { count })
    : t('tools:key.problem.dashMixed', {
        count,
        names: names.map((n) => t(`tools:key.dashName.${n}`)).join(', '),
      });
  return [main, t('tools:key.problem.dashWhy')];
}

/** Cyrillic letters that look like Latin ones: a main line, then each letter named with its code point. */
export function describeCyrillic(
  t: Translate,
  lookalikes: readonly Lookalike[],
  count: number,
): [string, ...string[]] {
  return [
    t('tools:cyrillic.found', { count }),
    ...lookalikes.map(({ char, latin }) =>
      t('tools:cyrillic.letter', { char, code: codePoint(char), latin }),
    ),
    t('tools:cyrillic.why'),
  ];
}
