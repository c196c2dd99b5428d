import { useT } from '../../i18n/index.ts';
import { CopyValue } from '../CopyValue/index.tsx';
import './style.css';

/** One problem found: the main line and optional hints under it. */
export interface ToolProblem {
  main: string;
  hints?: readonly string[];
}

interface Props {
  /** Which checker: its texts are `tools:<tool>.results`, `.waiting`, `.ok` and `.problems`. */
  tool: 'key' | 'code';
  /** What the result says: nothing typed yet, all good, or the problems found. */
  verdict: 'empty' | 'ok' | 'problems';
  okDetail?: string;
  problems: readonly ToolProblem[];
  /** The corrected value to copy, with the line that introduces it. */
  fix?: { intro: string; value: string } | null;
}

/** The result card of a checker tool: waiting, a green verdict, or the problems and the value to type instead. */
export function ToolResult({ tool, verdict, okDetail, problems, fix }: Props) {
  const { t } = useT();
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
        </>
      ) : (
        <>
          <h2 class="verdict verdict-bad">{t(`tools:${tool}.problems`)}</h2>
          <ul class="problems">
            {problems.map(({ main, hints }) => (
              <li key={main}>
                {main}
                {hints?.map((h) => (
                  <span key={h} class="hint problem-hint">
                    {h}
                  </span>
                ))}
              </li>
            ))}
          </ul>
          {fix && (
            <div class="stack">
              <p class="type-like">{fix.intro}</p>
              <CopyValue value={fix.value} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
