import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n/index.ts';
import { checkProductCode, newProductCode } from '../../tools/product-code.ts';
import type { CodeProblemKind } from '../../tools/product-code.ts';
import { CopyValue } from '../CopyValue/index.tsx';
import { ToolField } from '../ToolField/index.tsx';
import { ToolResult } from '../ToolResult/index.tsx';

/** Checks an MSI product or package code, shows the corrected form and makes new codes. */
export function ProductCodeChecker() {
  const { t } = useT();
  const [text, setText] = useState('');
  const check = useMemo(() => checkProductCode(text), [text]);
  const [fresh, setFresh] = useState<string | 'failed' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Loaded on demand, the screen can appear after the shell looked for a heading to focus.
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, []);

  const makeCode = () => {
    try {
      setFresh(newProductCode());
    } catch {
      setFresh('failed'); // no random source at all
    }
  };

  const empty = check.problems.includes('empty');

  return (
    <section class="stack tool code-checker" aria-labelledby="guid-title">
      <h1 id="guid-title" ref={heading} tabIndex={-1}>
        {t('tools:code.title')}
      </h1>
      <p>{t('tools:code.intro')}</p>
      <p id="guid-note" class="hint">
        {t('tools:code.notInterchangeable')}
      </p>
      <div class="card stack">
        <ToolField
          id="guid-input"
          label={t('tools:code.label')}
          placeholder={t('tools:code.placeholder')}
          describedBy="guid-note"
          value={text}
          onInput={setText}
        />
      </div>
      <ToolResult
        tool="code"
        verdict={empty ? 'empty' : check.ok ? 'ok' : 'problems'}
        problems={check.problems
          .filter((p): p is Exclude<CodeProblemKind, 'empty'> => p !== 'empty')
          .map((p) => ({ main: t(`tools:code.problem.${p}`) }))}
        fix={check.corrected ? { intro: t('tools:code.corrected'), value: check.corrected } : null}
      />
      <div class="card stack">
        <button type="button" class="btn btn-primary" onClick={makeCode}>
          {t('tools:code.newCode')}
        </button>
        <div aria-live="polite">
          {fresh === 'failed' ? (
            <p class="error">{t('tools:code.newCodeFailed')}</p>
          ) : (
            fresh && (
              <div class="stack">
                <p class="type-like">{t('tools:code.newCodeResult')}</p>
                <CopyValue value={fresh} />
              </div>
            )
          )}
        </div>
      </div>
    </section>
  );
}
