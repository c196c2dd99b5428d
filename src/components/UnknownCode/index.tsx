import type { ComponentType } from 'preact';
import { codeKind, kindSources, typoOf } from '../../codes/code-kind.ts';
import type { CodeKind } from '../../codes/code-kind.ts';
import type { CatalogEntry } from '../../flow-format/schema.ts';
import { officialMessages } from '../../data/official-messages.ts';
import { useAsync } from '../../hooks/use-async.ts';
import type { Translate } from '../../i18n/index.ts';
import { useT } from '../../i18n/index.ts';
import { navigate } from '../../navigation.ts';
import type { StartState } from '../../session/entry.ts';
import { CodeLinks } from '../CodeLinks/index.tsx';
import { ShareButton } from '../ShareButton/index.tsx';
import './style.css';

/** The flow for a session without a catalog code: it makes Windows report the result again. */
const NO_CODE_FLOW = 'no-code';

const hex = (n: number) => `0x${n.toString(16).toUpperCase()}`;

/** What kind of code it is, in a sentence or two. */
function describe(kind: CodeKind, t: Translate): string[] {
  switch (kind.kind) {
    case 'licensing':
      return [t('unknown:licensing'), ...(kind.zone ? [t(`unknown:zone.${kind.zone}`)] : [])];
    case 'win32':
      return [
        t('unknown:win32', { number: kind.number }),
        ...(kind.range ? [t(`unknown:range.${kind.range}`)] : []),
      ];
    case 'other':
    case 'success': {
      const facility = `${hex(kind.facility)}${kind.name ? ` (${kind.name})` : ''}`;
      return [t(kind.kind === 'other' ? 'unknown:other' : 'unknown:success', { facility })];
    }
  }
}

export interface UnknownCodeProps {
  code: string;
  catalog: readonly CatalogEntry[];
  /**
   * The "Source" line, handed in by the code screen that already holds it: imported here, the bundler
   * would split the first screen's shared code into one more file and the first screen would grow.
   */
  SourceLine: ComponentType<{ ids?: readonly string[] }>;
}

/**
 * The page of a code the catalog lacks: what kind of code it is, the message Microsoft gives it where a
 * source has one, and a Start into the steps for a failure without a known code. Catalog codes are
 * offered only when this one looks like a typo of them.
 */
export function UnknownCode({ code, catalog, SourceLine }: UnknownCodeProps) {
  const { t, lang } = useT();
  const kind = codeKind(code);
  const messages = officialMessages(code);
  // A code Microsoft gives a message is a real code, not a typo of a catalog one.
  const typos = messages.length ? [] : typoOf(catalog, code);
  // The flows its message names ("no product key was found") and those of its kind (a DNS error's).
  const related =
    useAsync(
      () =>
        import('../TopicLinks/index.tsx').then(async ({ topicSearch }) => {
          const { topics, find, flowsOfKind } = await topicSearch();
          const flows = new Set([
            ...messages.flatMap((m) => find(topics, m.text, 'message').map((topic) => topic.flow)),
            ...flowsOfKind(kind),
          ]);
          return [...flows].flatMap((flow) => topics.filter((topic) => topic.flow === flow));
        }),
      [code],
    ) ?? [];
  return (
    <article class="card code-page unknown-code stack">
      <h1 tabIndex={-1} class="mono">
        {code}
      </h1>
      <p>
        <strong>{t('unknown:notInGuide')}</strong> {t('unknown:notInGuideDetail')}
      </p>
      {kind && (
        <section>
          <h2 class="label">{t('unknown:kind')}</h2>
          {describe(kind, t).map((line) => (
            <p key={line} class="code-kind">
              {line}
            </p>
          ))}
          <SourceLine ids={kindSources(kind)} />
        </section>
      )}
      {messages.length > 0 && (
        <section>
          <h2 class="label">{t('unknown:message')}</h2>
          {lang !== 'en' && <p class="hint">{t('unknown:englishOnly')}</p>}
          {messages.map((m) => (
            <blockquote key={m.name} class="message official-message">
              {lang !== 'en' && <span class="output-label">{t('unknown:english')} </span>}
              <span lang="en">{m.text}</span> <code class="mono message-name">{m.name}</code>
            </blockquote>
          ))}
          <SourceLine ids={[...new Set(messages.map((m) => m.source))]} />
        </section>
      )}
      <div class="choice-row">
        <button
          type="button"
          class="btn btn-primary btn-wide"
          onClick={() => navigate({ name: 'flow', flow: NO_CODE_FLOW }, { code } satisfies StartState)}
        >
          {t('unknown:start')}
        </button>
        <ShareButton title={code} />
      </div>
      <p class="hint">{t('unknown:startHint')}</p>
      {related.length > 0 && (
        <section>
          <h2 class="label">{t('unknown:related')}</h2>
          <p class="hint">{t('unknown:relatedHint')}</p>
          <ul class="related-flows">
            {related.map((topic) => (
              <li key={topic.flow}>
                <button
                  type="button"
                  class="btn btn-wide"
                  onClick={() => navigate({ name: 'flow', flow: topic.flow }, { code } satisfies StartState)}
                >
                  {topic.title[lang]}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {typos.length > 0 && (
        <section>
          <h2 class="label">{t('unknown:didYouMean')}</h2>
          <CodeLinks entries={typos} />
        </section>
      )}
    </article>
  );
}
