import type { Text } from '../../flow-format/schema.ts';
import { useSources } from '../../hooks/use-sources.ts';
import { useT } from '../../i18n/index.ts';
import './style.css';

/**
 * The small "Source" line under a fact: titles that read offline (in English, as the documents are),
 * links for when the network is there; and an unverified mark.
 */
export function SourceLine({ ids, unverified }: { ids?: readonly string[]; unverified?: Text }) {
  const { t, lang } = useT();
  const sources = useSources();
  const cited = (ids ?? []).map((id) => sources?.get(id)).filter((s) => s !== undefined);
  if (!unverified && cited.length === 0) return null;
  return (
    <div class="facts">
      {unverified && (
        <p class="unverified" role="note">
          <strong class="flag">{t('facts.unverified')}</strong> {unverified[lang]}{' '}
          <span class="hint">{t('facts.unverifiedHint')}</span>
        </p>
      )}
      {cited.length > 0 && (
        <p class="sources">
          {t('facts.source', { count: cited.length })}{' '}
          {cited.map((s, i) => (
            <span key={s.id}>
              {i > 0 && '; '}
              {s.url ? (
                <a
                  lang="en"
                  href={s.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  referrerpolicy="no-referrer"
                  aria-label={t('facts.openLink', { title: s.title })}
                >
                  {s.title}
                </a>
              ) : (
                <cite lang="en">{s.title}</cite>
              )}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
