import { useMemo, useState } from 'preact/hooks';
import { memo } from '../../hooks/memo.ts';
import { useT } from '../../i18n/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { takeHandedKey } from '../../tools/key-handoff.ts';
import { checkProductKey } from '../../tools/product-key.ts';
import type { KeyNote, KeyProblem } from '../../tools/product-key.ts';
import { ToolField } from '../ToolField/index.tsx';
import { ToolPage } from '../ToolPage/index.tsx';
import { ToolResult } from '../ToolResult/index.tsx';
import type { ToolProblem } from '../ToolResult/index.tsx';
import {
  describeCyrillic,
  describeDashes,
  positionsLine,
  shortList,
  showChar,
} from '../ToolResult/describe.ts';

type T = Translate;

// Characters people misread on stickers and in scans: none of them occurs in a key.
const LOOKALIKE = /^[O0IL1S5ZU]$/i;

/** "Group 3 has 4 characters instead of 5", for each group of the wrong size. */
function groupLines(t: T, sizes: readonly number[] | undefined): string[] {
  return (sizes ?? []).flatMap((count, i) =>
    count === 5 ? [] : [t('tools:key.problem.group', { n: i + 1, count })],
  );
}

/** The problem in plain words: a main line and optional hints. */
function describe(t: T, p: KeyProblem): [string, ...string[]] | null {
  const count = p.count ?? 0;
  const at = positionsLine(t, p.positions ?? []);
  switch (p.kind) {
    case 'empty':
      return null;
    case 'length':
      return [t('tools:key.problem.length', { count }), ...groupLines(t, p.groups)];
    case 'groups':
      return [t('tools:key.problem.groups'), ...groupLines(t, p.groups)];
    case 'invalid-char': {
      const chars = p.chars ?? [];
      const lines: [string, ...string[]] = [
        t('tools:key.problem.invalid', {
          count: chars.length,
          chars: shortList(
            t,
            chars.map((c) => showChar(t, c)),
          ),
        }),
      ];
      if (at) lines.push(at);
      if (chars.some((c) => LOOKALIKE.test(c))) lines.push(t('tools:key.problem.lookalike'));
      return lines;
    }
    case 'cyrillic': {
      const [main, ...hints] = describeCyrillic(t, p.lookalikes ?? [], count);
      return at ? [main, at, ...hints] : [main, ...hints];
    }
    case 'dash-lookalike':
      return describeDashes(t, p.chars ?? [], count);
    case 'spaces':
      return [t('tools:key.problem.spaces', { count })];
    case 'multiple-n':
      return [t('tools:key.problem.multipleN', { count })];
  }
}

/** Lowercase letters: said, with what is not confirmed about them marked so. */
function describeNote(t: T, n: KeyNote): ToolProblem[] {
  switch (n.kind) {
    case 'lowercase':
      return [
        { main: t('tools:key.note.lowercase') },
        { main: t('tools:key.note.lowercaseUnverified'), badge: t('tools:unverified') },
      ];
  }
}

/** The field and the line on privacy under it: drawn once, never again as the key is typed. */
const KeyEntry = memo(function KeyEntry({
  initial,
  onInput,
}: {
  initial: string;
  onInput: (key: string) => void;
}) {
  const { t } = useT();
  return (
    <div class="card stack tool-entry">
      <ToolField id="key-input" tool="key" describedBy="key-privacy" initial={initial} onInput={onInput} />
      <p id="key-privacy" class="hint">
        {t('tools:key.privacy')}
      </p>
    </div>
  );
});

/** The verdict on the key as it stands: all a keystroke renders again. */
function KeyResult({ value }: { value: string }) {
  const { t } = useT();
  const check = useMemo(() => checkProductKey(value), [value]);

  const empty = check.problems.some((p) => p.kind === 'empty');
  // Offer the retyped key only when retyping alone fixes it; a wrong character needs the original.
  const retype = check.suggested && checkProductKey(check.suggested).ok ? check.suggested : null;
  const fix = check.ok
    ? retype !== value && retype && { intro: t('tools:key.inCapitals'), value: retype }
    : retype && { intro: t('tools:key.typeLike'), value: retype };
  const problems = check.problems.map((p) => describe(t, p)).filter((d) => d !== null);

  return (
    <ToolResult
      tool="key"
      verdict={empty ? 'empty' : check.ok ? 'ok' : 'problems'}
      okDetail={t('tools:key.okDetail')}
      problems={problems.map(([main, ...hints]) => ({ main, hints }))}
      notes={empty ? [] : check.notes.flatMap((n) => describeNote(t, n))}
      fix={fix || null}
    />
  );
}

/** The field and its verdict: the only part of the page whose state a keystroke changes. */
function KeyTool() {
  // Never stored, logged or put in the URL: the key is gone once the user leaves this screen.
  const [initial] = useState(() => takeHandedKey() ?? '');
  const [key, setKey] = useState(initial);
  return (
    <>
      <KeyEntry initial={initial} onInput={setKey} />
      <KeyResult value={key} />
    </>
  );
}

/** Checks a product key as it is typed or pasted and shows how to type it; the key lives only in this component's state. */
export function KeyChecker() {
  return (
    <ToolPage tool="key">
      <KeyTool />
    </ToolPage>
  );
}
