import { useMemo, useState } from 'preact/hooks';
import { useT } from '../../i18n/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { takeHandedKey } from '../../tools/key-handoff.ts';
import { checkProductKey, DASH_LOOKALIKES } from '../../tools/product-key.ts';
import type { DashName, KeyProblem } from '../../tools/product-key.ts';
import { ToolField } from '../ToolField/index.tsx';
import { ToolPage } from '../ToolPage/index.tsx';
import { ToolResult } from '../ToolResult/index.tsx';
import './style.css';

type T = Translate;

const MAX_SHOWN = 10;
// Characters people misread on stickers and in scans: none of them occurs in a key.
const LOOKALIKE = /^[O0IL1S5ZU]$/i;

/** A character as it can be read aloud and on screen: letters as they are, symbols quoted, invisible ones as U+ codes. */
function showChar(t: T, c: string): string {
  if (/^[\p{L}\p{N}]/u.test(c)) return c;
  if (/^[\p{P}\p{S}]/u.test(c)) return t('tools:quoted', { c });
  return Array.from(c)
    .slice(0, 4)
    .map((cp) => `U+${cp.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}

function shortList(t: T, items: readonly string[]): string {
  const shown = items.slice(0, MAX_SHOWN).join(', ');
  return items.length > MAX_SHOWN ? `${shown} ${t('tools:more', { n: items.length - MAX_SHOWN })}` : shown;
}

/** The problem in plain words: a main line and optional hints. */
function describe(t: T, p: KeyProblem): [string, ...string[]] | null {
  const count = p.count ?? 0;
  switch (p.kind) {
    case 'empty':
      return null;
    case 'length':
      return [t('tools:key.problem.length', { count })];
    case 'groups':
      return [t('tools:key.problem.groups')];
    case 'invalid-char': {
      const chars = p.chars ?? [];
      const positions = p.positions ?? [];
      const lines: [string, ...string[]] = [
        t('tools:key.problem.invalid', {
          count: chars.length,
          chars: shortList(
            t,
            chars.map((c) => showChar(t, c)),
          ),
        }),
      ];
      if (positions.length <= MAX_SHOWN)
        lines.push(
          t('tools:key.problem.positions', { count: positions.length, positions: positions.join(', ') }),
        );
      if (chars.some((c) => LOOKALIKE.test(c))) lines.push(t('tools:key.problem.lookalike'));
      return lines;
    }
    case 'dash-lookalike': {
      const names = (p.chars ?? []).map((c) => DASH_LOOKALIKES[c]).filter((n): n is DashName => !!n);
      const only = names.length === 1 ? names[0] : undefined;
      const main = only
        ? t(`tools:key.dash.${only}`, { count })
        : t('tools:key.problem.dashMixed', {
            count,
            names: names.map((n) => t(`tools:key.dashName.${n}`)).join(', '),
          });
      return [main, t('tools:key.problem.dashWhy')];
    }
    case 'spaces':
      return [t('tools:key.problem.spaces', { count })];
    case 'lowercase':
      return [t('tools:key.problem.lowercase')];
    case 'multiple-n':
      return [t('tools:key.problem.multipleN', { count })];
  }
}

/** Checks a product key as it is typed or pasted and shows how to type it; the key lives only in this component's state. */
export function KeyChecker() {
  const { t } = useT();
  // Never stored, logged or put in the URL: the key is gone once the user leaves this screen.
  const [key, setKey] = useState(() => takeHandedKey() ?? '');
  const check = useMemo(() => checkProductKey(key), [key]);

  const empty = check.problems.some((p) => p.kind === 'empty');
  // Offer the retyped key only when retyping alone fixes it; a wrong character needs the original.
  const fix = !check.ok && check.suggested && checkProductKey(check.suggested).ok ? check.suggested : null;
  const problems = check.problems.map((p) => describe(t, p)).filter((d) => d !== null);

  return (
    <ToolPage tool="key">
      <div class="card stack">
        <ToolField id="key-input" tool="key" describedBy="key-privacy" value={key} onInput={setKey} />
        <p id="key-privacy" class="hint">
          {t('tools:key.privacy')}
        </p>
      </div>
      <ToolResult
        tool="key"
        verdict={empty ? 'empty' : check.ok ? 'ok' : 'problems'}
        okDetail={t('tools:key.okDetail')}
        problems={problems.map(([main, ...hints]) => ({ main, hints }))}
        fix={fix ? { intro: t('tools:key.typeLike'), value: fix } : null}
      />
    </ToolPage>
  );
}
