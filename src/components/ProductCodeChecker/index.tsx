import { useMemo, useState } from 'preact/hooks';
import { useT } from '../../i18n/index.ts';
import { checkProductCode, newProductCode } from '../../tools/product-code.ts';
import type { CodeProblemKind } from '../../tools/product-code.ts';
import { CopyValue } from '../CopyValue/index.tsx';
import { ToolField } from '../ToolField/index.tsx';
import { ToolPage } from '../ToolPage/index.tsx';
import { ToolResult } from '../ToolResult/index.tsx';

/** Checks an MSI product or package code, shows the corrected form and makes new codes. */
export function ProductCodeChecker() {
  const { t } = useT();
  const [text, setText] = useState('');
  const check = useMemo(() => checkProductCode(text), [text]);
  const [fresh, setFresh] = useState<string | 'failed' | null>(null);

  const makeCode = () => {
    try {
      setFresh(newProductCode());
    } catch {
      setFresh('failed'); // no random source at all
    }
  };

  const empty = check.problems.includes('empty');

  return (
    <ToolPage tool="code">
      <p id="guid-note" class="hint">
        {t('tools:code.notInterchangeable')}
      </p>
      <div class="card stack">
        <ToolField id="guid-input" tool="code" describedBy="guid-note" value={text} onInput={setText} />
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
    </ToolPage>
  );
}
