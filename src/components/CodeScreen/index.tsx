import { useLayoutEffect } from 'preact/hooks';
import { lookup } from '../../codes/lookup.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { navigate } from '../../navigation.ts';
import { handOverKeysIn, hasHandedKey } from '../../tools/key-handoff.ts';
import { hasProductKey } from '../../redact/key-in-text.ts';
import type { StartState } from '../../session/entry.ts';
import { loadNamespace, useT } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';
import { ActivationTags } from '../ActivationTags/index.tsx';
import { CodeLinks } from '../CodeLinks/index.tsx';
import { LazyScreen } from '../LazyScreen/index.tsx';
import type { ScreenLoader } from '../LazyScreen/index.tsx';
import type { UnknownCodeProps } from '../UnknownCode/index.tsx';
import { Loading } from '../Loading/index.tsx';
import { ShareButton } from '../ShareButton/index.tsx';
import { SourceLine } from '../SourceLine/index.tsx';
import './style.css';

// A code the catalog lacks gets its own page, with Microsoft's message tables: a chunk of its own.
const UnknownCode: ScreenLoader<UnknownCodeProps> = () =>
  Promise.all([import('../UnknownCode/index.tsx'), loadNamespace('unknown')]).then(([m]) => m.UnknownCode);

/** A code's page: the code, the message as Windows shows it, who it concerns, the likely cause, Start. */
export function CodeScreen({ query }: { query: string }) {
  const { t, lang } = useT();
  const catalog = useCatalog();
  const holdsKey = hasProductKey(query);
  // A link that carries a product key (typed into the address bar, shared by mistake): the key goes to the
  // key checker in memory, and this history entry is replaced by one without it, before anything paints.
  useLayoutEffect(() => {
    if (!holdsKey) return;
    const { rest } = handOverKeysIn(query);
    navigate(rest ? { name: 'code', query: rest } : { name: 'tool', tool: 'key' }, null, true);
  }, [query, holdsKey]);
  if (!catalog || holdsKey) return <Loading />;
  const result = lookup(catalog, query);
  const best = result.matches[0];
  const unknown = result.codes[0];
  if (!best && unknown)
    return <LazyScreen load={UnknownCode} props={{ code: unknown, catalog, SourceLine }} />;
  if (!best)
    return (
      <section class="card">
        <h1 tabIndex={-1}>{t('code.notFound')}</h1>
        <p>
          {t('code.notFoundDetail')} <code class="mono query">{query.slice(0, 200)}</code>
        </p>
        <a class="btn btn-primary" href={toHash({ name: 'home' })}>
          {t('code.searchAgain')}
        </a>
      </section>
    );
  const e = best.entry;
  const others = result.matches.slice(1, 6);
  return (
    <article class="card code-page stack">
      <h1 tabIndex={-1} class="mono">
        {e.code}
      </h1>
      <blockquote class="message" lang={lang}>
        {e.message[lang]}
      </blockquote>
      <p>
        <ActivationTags types={e.activation} />
      </p>
      {hasHandedKey() && (
        <p class="notice">
          <span>{t('code.keyHeld')}</span>{' '}
          <a class="btn" href={toHash({ name: 'tool', tool: 'key' })}>
            {t('tool.key')}
          </a>
        </p>
      )}
      <h2 class="label">{t('code.cause')}</h2>
      <p>{e.cause[lang]}</p>
      {e.diagnosticTool && <p class="hint">{t('code.diagnosticTool')}</p>}
      <SourceLine ids={e.sources} unverified={e.unverified} />
      <div class="choice-row">
        <button
          type="button"
          class="btn btn-primary btn-wide"
          onClick={() =>
            navigate({ name: 'flow', flow: e.flow, node: e.node }, { code: e.code } satisfies StartState)
          }
        >
          {t('code.start')}
        </button>
        <ShareButton title={e.code} />
      </div>
      {others.length > 0 && (
        <section>
          <h2 class="label">{t('code.alsoMatches')}</h2>
          <CodeLinks entries={others.map((m) => m.entry)} />
        </section>
      )}
    </article>
  );
}
