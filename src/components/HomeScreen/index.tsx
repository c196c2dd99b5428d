import { ACTIVATION_TYPES } from '../../flow/constants.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CatalogEntry } from '../../flow-format/schema.ts';
import { useAsync } from '../../hooks/use-async.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useSessions } from '../../hooks/use-sessions.ts';
import { useTopics } from '../../hooks/use-topics.ts';
import { resumeSession } from '../../navigation.ts';
import { useT } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';
import { CodeLinks } from '../CodeLinks/index.tsx';
import { CodeSearch } from '../CodeSearch/index.tsx';
import { InstallCard } from '../InstallCard/index.tsx';
import { Loading } from '../Loading/index.tsx';
import './style.css';

const RESUME_WITHIN_MS = 7 * 24 * 3600 * 1000;

// The newest sessions are enough to find one to resume.
const RECENT = 10;

/** The first screen: the error code field, ways in without a code, tools, codes by type, recent sessions. */
export function HomeScreen() {
  const { t } = useT();
  const catalog = useCatalog();
  const sessions = useSessions(RECENT);
  // The list of recent sessions loads once there are some: the first screen's code stays small.
  const any = !!sessions?.length;
  const SessionList = useAsync(
    () => (any ? import('../SessionList/index.tsx').then((m) => m.SessionList) : Promise.resolve(undefined)),
    [any],
  );
  const unfinished = sessions?.find(
    (s) =>
      s.status === 'active' &&
      !s.stale &&
      Date.now() - s.updatedAt < RESUME_WITHIN_MS &&
      s.state.trail.length > 1,
  );

  return (
    <div class="home stack">
      <h1 class="home-title" tabIndex={-1}>
        {t('app.name')}
      </h1>
      {unfinished && (
        <section class="card resume" aria-labelledby="resume-title">
          <h2 id="resume-title">{t('home.resumeTitle')}</h2>
          <p>
            {unfinished.code ?? t('history.noCode')} ·{' '}
            {t('history.steps', { count: unfinished.state.trail.length })}
          </p>
          <button type="button" class="btn btn-primary" onClick={() => resumeSession(unfinished)}>
            {t('home.resume')}
          </button>
        </section>
      )}
      <section class="card">{catalog ? <CodeSearch catalog={catalog} /> : <Loading />}</section>

      <nav class="entry-grid" aria-label={t('home.waysIn')}>
        <a class="btn btn-tile" href={toHash({ name: 'paste' })}>
          {t('home.pasteOutput')}
        </a>
        <a class="btn btn-tile" href={toHash({ name: 'flow', flow: 'no-code' })}>
          {t('home.noCode')}
        </a>
        <a class="btn btn-tile" href={toHash({ name: 'flow', flow: 'find-key' })}>
          {t('home.findKey')}
        </a>
      </nav>

      <section aria-labelledby="tools-title">
        <h2 id="tools-title">{t('home.tools')}</h2>
        <div class="entry-grid">
          <a class="btn btn-tile" href={toHash({ name: 'tool', tool: 'key' })}>
            {t('home.keyChecker')}
          </a>
          <a class="btn btn-tile" href={toHash({ name: 'tool', tool: 'product-code' })}>
            {t('home.codeChecker')}
          </a>
          <a class="btn btn-tile" href={toHash({ name: 'flow', flow: 'product-codes' })}>
            {t('home.productCodes')}
          </a>
        </div>
      </section>

      <section aria-labelledby="browse-title">
        <h2 id="browse-title">{t('home.browse')}</h2>
        {catalog &&
          ACTIVATION_TYPES.map((type) => (
            <BrowseGroup
              key={type}
              title={t(`type.${type}`)}
              entries={catalog.filter((e) => e.activation.includes(type))}
            />
          ))}
        <TopicGroup />
      </section>

      {sessions && sessions.length > 0 && SessionList && (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t('home.recent')}</h2>
          <SessionList sessions={sessions.slice(0, 3)} />
          <a href={toHash({ name: 'history' })}>{t('home.allHistory')}</a>
        </section>
      )}
      <InstallCard />
    </div>
  );
}

/** One activation type's codes, listed only once opened: the first screen stays small to paint and take over. */
function BrowseGroup({ title, entries }: { title: string; entries: readonly CatalogEntry[] }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened on the prerendered page before the app took it over: no toggle event comes for that.
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  return (
    <details
      ref={details}
      class="browse"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {title} <span class="count">({t('home.codeCount', { count: entries.length })})</span>
      </summary>
      {open && <CodeLinks entries={entries} />}
    </details>
  );
}

/** Every flow by what it is about (Office, DNS, the clock…): a way into each problem without a code. */
function TopicGroup() {
  const { t } = useT();
  const search = useTopics();
  return (
    <details class="browse">
      <summary>{t('home.byTopic')}</summary>
      {search && <search.TopicLinks topics={search.topics} />}
    </details>
  );
}
