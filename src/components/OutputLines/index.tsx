import type { OutputLine } from '../../flow-format/schema.ts';
import { useT } from '../../i18n/index.ts';
import './style.css';

/**
 * The exact console lines to look for. English users see the English line; Russian users see the line
 * as Russian Windows prints it (or that no source gives it, said once under the lines), with the English line
 * for English installs.
 */
export function OutputLines({ lines }: { lines: readonly OutputLine[] }) {
  const { t, lang } = useT();
  // One caption when no line differs by language; a label per line only where they mix.
  const allSame = lines.every((l) => l.ru === undefined);
  return (
    <>
      {lang !== 'en' && allSame && <p class="output-caption">{t('output.sameEverywhere')}</p>}
      <ul class="output-lines">
        {lines.map((line) => (
          <li key={line.en}>
            {lang === 'en' || line.ru === undefined ? (
              <>
                {line.ru === undefined && lang !== 'en' && !allSame && (
                  <span class="output-label">{t('output.sameEverywhere')} </span>
                )}
                <code class="mono" lang="en">
                  {line.en}
                </code>
              </>
            ) : (
              <>
                <span class="output-label">{t('output.russian')} </span>
                {line.ru === null ? (
                  <span class="hint">{t('output.russianUnknownShort')}</span>
                ) : (
                  <>
                    <code class="mono" lang="ru">
                      {line.ru}
                    </code>
                    {line.ruUnverified && <span class="hint"> *</span>}
                  </>
                )}
                <br />
                <span class="output-label">{t('output.english')} </span>
                <code class="mono" lang="en">
                  {line.en}
                </code>
              </>
            )}
          </li>
        ))}
      </ul>
      {/* What Russian Windows prints is said once for the step, not once a line. */}
      {lang !== 'en' && lines.some((l) => l.ru === null) && (
        <p class="output-caption">{t('output.russianUnknownNote')}</p>
      )}
      {lang !== 'en' && lines.some((l) => l.ruUnverified && l.ru) && (
        <p class="output-caption">{t('output.russianUnverifiedNote')}</p>
      )}
    </>
  );
}
