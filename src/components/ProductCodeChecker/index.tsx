import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n/index.ts';
import { checkProductCode, newProductCode } from '../../tools/product-code.ts';
import type { CodeProblemKind } from '../../tools/product-code.ts';
import { CopyValue } from '../CopyValue/index.tsx';
import { ToolField } from '../ToolField/index.tsx';

/** A version 4 UUID from getRandomValues, for pages served without HTTPS where crypto.randomUUID is missing. */
function uuidFromRandomValues(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

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
      try {
        setFresh(newProductCode(uuidFromRandomValues));
      } catch {
        setFresh('failed');
      }
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
      <section class="card stack tool-result" aria-live="polite" aria-label={t('tools:code.results')}>
        {empty ? (
          <p class="hint">{t('tools:code.waiting')}</p>
        ) : check.ok ? (
          <p class="verdict verdict-ok">
            <span aria-hidden="true">✓ </span>
            {t('tools:code.ok')}
          </p>
        ) : (
          <>
            <h2 class="verdict verdict-bad">{t('tools:code.problems')}</h2>
            <ul class="problems">
              {check.problems
                .filter((p): p is Exclude<CodeProblemKind, 'empty'> => p !== 'empty')
                .map((p) => (
                  <li key={p}>{t(`tools:code.problem.${p}`)}</li>
                ))}
            </ul>
            {check.corrected && (
              <div class="stack">
                <p class="type-like">{t('tools:code.corrected')}</p>
                <CopyValue value={check.corrected} />
              </div>
            )}
          </>
        )}
      </section>
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
