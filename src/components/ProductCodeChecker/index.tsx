import { useMemo, useState } from 'preact/hooks';
import { memo } from '../../hooks/memo.ts';
import { useT } from '../../i18n/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { checkProductCode, newProductCode, packGuid } from '../../tools/product-code.ts';
import type { CodeCheck } from '../../tools/product-code.ts';
import { CopyValue } from '../CopyValue/index.tsx';
import { ToolField } from '../ToolField/index.tsx';
import { ToolPage } from '../ToolPage/index.tsx';
import { ToolResult } from '../ToolResult/index.tsx';
import type { ToolProblem } from '../ToolResult/index.tsx';
import { describeCyrillic, describeDashes } from '../ToolResult/describe.ts';

/** Each problem in plain words; a packed code also says what it would be if it were not packed. */
function describe(t: Translate, check: CodeCheck): ToolProblem[] {
  return check.problems.flatMap((p): ToolProblem[] => {
    switch (p) {
      case 'empty':
        return [];
      case 'dash-lookalike': {
        const [main, ...hints] = describeDashes(t, check.dashes?.chars ?? [], check.dashes?.count ?? 0);
        return [{ main, hints }];
      }
      case 'cyrillic': {
        const found = check.lookalikes ?? [];
        const [main, ...hints] = describeCyrillic(t, found, found.length);
        return [{ main, hints }];
      }
      case 'packed':
        return [
          {
            main: t('tools:code.problem.packed'),
            hints: check.plainReading ? [t('tools:code.plainReading', { code: check.plainReading })] : [],
          },
        ];
      default:
        return [{ main: t(`tools:code.problem.${p}`) }];
    }
  });
}

/** The field: drawn once, never again as the code is typed. */
const CodeEntry = memo(function CodeEntry({ onInput }: { onInput: (text: string) => void }) {
  return (
    <div class="card stack tool-entry">
      <ToolField id="guid-input" tool="code" describedBy="guid-note" initial="" onInput={onInput} />
    </div>
  );
});

/** The verdict on the code as it stands: all a keystroke renders again. */
function CodeResult({ text }: { text: string }) {
  const { t } = useT();
  const check = useMemo(() => checkProductCode(text), [text]);
  const empty = check.problems.includes('empty');
  const packed = check.problems.includes('packed');
  // The other way round: what to look for in the registry under Installer\Products.
  const packedForm = !packed && check.corrected ? packGuid(check.corrected) : null;
  return (
    <ToolResult
      tool="code"
      verdict={empty ? 'empty' : check.ok ? 'ok' : 'problems'}
      problems={describe(t, check)}
      notes={packedForm ? [{ main: t('tools:code.packedForm', { packed: packedForm }) }] : []}
      fix={
        check.corrected && !check.ok
          ? { intro: t(packed ? 'tools:code.unpacked' : 'tools:code.corrected'), value: check.corrected }
          : null
      }
    />
  );
}

/** The field and its verdict: the only part of the page whose state a keystroke changes. */
function CodeTool() {
  const [text, setText] = useState('');
  return (
    <>
      <CodeEntry onInput={setText} />
      <CodeResult text={text} />
    </>
  );
}

/** A new random code to copy. */
function NewCode() {
  const { t } = useT();
  const [fresh, setFresh] = useState<string | 'failed' | null>(null);

  const makeCode = () => {
    try {
      setFresh(newProductCode());
    } catch {
      setFresh('failed'); // no random source at all
    }
  };

  return (
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
  );
}

/** Checks an MSI product or package code, shows the corrected form and makes new codes. */
export function ProductCodeChecker() {
  const { t } = useT();
  return (
    <ToolPage tool="code">
      <p id="guid-note" class="hint">
        {t('tools:code.notInterchangeable')}
      </p>
      <CodeTool />
      <NewCode />
    </ToolPage>
  );
}
