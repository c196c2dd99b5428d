import { useT } from '../../i18n/index.ts';
import { CopyValue } from '../CopyValue/index.tsx';
import './style.css';

/** One thing found: the main line, optional hints under it, and an optional mark before it ("Unverified"). */
export interface ToolProblem {
  main: string;
  hints?: readonly string[];
  badge?: string;
}

interface Props {
  /** Which checker: its texts are `tools:<tool>.results`, `.waiting`, `.ok` and `.problems`. */
  tool: 'key' | 'code';
  /** What the result says: nothing typed yet, all good, or the problems found. */
  verdict: 'empty' | 'ok' | 'problems';
  okDetail?: string;
  problems: readonly ToolProblem[];
  /** Worth saying but not a mistake (lowercase letters in a key): shown with either verdict. */
  notes?: readonly ToolProblem[];
  /** The corrected value to copy, with the line that introduces it; with an ok verdict, the same value tidied. */
  fix?: { intro: string; value: string } | null;
}

function Items({ items, class: cls }: { items: readonly ToolProblem[]; class: string }) {
  return (
    <ul class={cls}>
      {/* By place, not by text: a count that changes as the user types patches the line in place. */}
      {items.map(({ main, hints, badge }, i) => (
        <li key={i}>
          {badge && (
            <>
              <strong class="flag">{badge}</strong>{' '}
            </>
          )}
          {main}
          {hints?.map((h, i) => (
            <span key={i} class="hint problem-hint">
              {h}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The result card of a checker tool: waiting, a green verdict, or the problems and the value to type instead. */
export function ToolResult({ tool, verdict, okDetail, problems, notes = [], fix }: Props) {
  const { t } = useT();
  // The fitted font size of the value (see style.css) needs its length in characters.
  const fitted = fix && (
    <div class="stack tool-fix" style={{ '--chars': String(Array.from(fix.value).length) }}>
      <p class="type-like">{fix.intro}</p>
      <CopyValue value={fix.value} />
    </div>
  );
  return (
    <section class="card stack tool-result" aria-live="polite" aria-label={t(`tools:${tool}.results`)}>
      {verdict === 'empty' ? (
        <p class="hint">{t(`tools:${tool}.waiting`)}</p>
      ) : verdict === 'ok' ? (
        <>
          <p class="verdict verdict-ok">
            <span aria-hidden="true">✓ </span>
            {t(`tools:${tool}.ok`)}
          </p>
          {okDetail && <p class="hint">{okDetail}</p>}
          {notes.length > 0 && <Items items={notes} class="notes" />}
          {fitted}
        </>
      ) : (
        <>
          <h2 class="verdict verdict-bad">{t(`tools:${tool}.problems`)}</h2>
          <Items items={problems} class="problems" />
          {notes.length > 0 && <Items items={notes} class="notes" />}
          {fitted}
        </>
      )}
    </section>
  );
}
