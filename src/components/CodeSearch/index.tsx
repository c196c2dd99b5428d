import { useMemo, useState } from 'preact/hooks';
import { lookup, messageAfterCode } from '../../codes/lookup.ts';
import type { CatalogEntry } from '../../flow-format/schema.ts';
import { navigate } from '../../navigation.ts';
import { handOverKeysIn } from '../../tools/key-handoff.ts';
import { useTopics } from '../../hooks/use-topics.ts';
import { useT } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';
import { ActivationTags } from '../ActivationTags/index.tsx';
import './style.css';

const MAX_SHOWN = 6;
const MAX_TOPICS = 4;
const MAX_INPUT = 2000;

/** The error code field: accepts any form of a code or words of its message, and shows matches as you type. */
export function CodeSearch({ catalog }: { catalog: readonly CatalogEntry[] }) {
  const { t, lang } = useT();
  const [text, setText] = useState('');
  const result = useMemo(() => (text.trim() ? lookup(catalog, text) : undefined), [catalog, text]);
  const matches = result?.matches.slice(0, MAX_SHOWN) ?? [];
  // Words of a problem ("office", "время") find its flows too; a code typed finds only codes.
  const search = useTopics();
  const topics =
    search && text.trim() && !result?.codes.length
      ? search.find(search.topics, text).slice(0, MAX_TOPICS)
      : [];

  const onSubmit = (e: Event) => {
    e.preventDefault();
    // A product key never goes into the address: it is handed to the key checker in memory.
    const { rest, handed } = handOverKeysIn(text);
    if (!rest) {
      if (handed) navigate({ name: 'tool', tool: 'key' });
      return;
    }
    const best = handed ? lookup(catalog, rest).matches[0] : matches[0];
    if (handed && !best) return navigate({ name: 'tool', tool: 'key' });
    // Words of a problem and no code: its flow, as the first match below the field says.
    if (!best && topics[0]) return navigate({ name: 'flow', flow: topics[0].flow });
    // The code page does the lookup again, so the link it opens can be shared as it is.
    navigate({ name: 'code', query: best?.entry.code ?? rest.slice(0, MAX_INPUT) });
  };

  return (
    <form class="code-search" role="search" onSubmit={onSubmit}>
      <label for="code-input" class="code-label">
        {t('home.codeLabel')}
      </label>
      <div class="choice-row">
        <input
          id="code-input"
          class="field code-field"
          type="search"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          enterKeyHint="go"
          maxLength={MAX_INPUT}
          placeholder={t('home.codePlaceholder')}
          aria-describedby="code-hint"
          aria-controls="code-matches"
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn btn-primary">
          {t('action.open')}
        </button>
      </div>
      <p id="code-hint" class="hint">
        {t('home.codeHint')}
      </p>
      <div id="code-matches" aria-live="polite">
        {result && matches.length > 0 && (
          <ul class="matches" aria-label={t('home.matches', { count: result.matches.length })}>
            {matches.map(({ entry }) => (
              <li key={entry.code}>
                <a class="match" href={toHash({ name: 'code', query: entry.code })}>
                  <span class="mono match-code">{entry.code}</span>
                  <span class="match-message">{messageAfterCode(entry, lang)}</span>
                  <ActivationTags types={entry.activation} />
                </a>
              </li>
            ))}
          </ul>
        )}
        {search && topics[0] && <search.TopicLinks topics={topics} />}
        {result && matches.length === 0 && !topics[0] && (
          <p class="no-match">
            {result.codes.length ? t('code.unknownCode', { code: result.codes[0] }) : t('home.noMatch')}
            {result.closest.length > 0 && (
              <>
                {' '}
                {t('code.closest')}{' '}
                {result.closest.map((e, i) => (
                  <span key={e.code}>
                    {i > 0 && ', '}
                    <a class="mono" href={toHash({ name: 'code', query: e.code })}>
                      {e.code}
                    </a>
                  </span>
                ))}
              </>
            )}
          </p>
        )}
      </div>
    </form>
  );
}
