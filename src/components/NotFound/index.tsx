import { useT } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';

/** A link that leads nowhere: say so, and offer the way home. */
export function NotFound() {
  const { t } = useT();
  return (
    <section class="card">
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>{t('notFound.detail')}</p>
      <a class="btn btn-primary" href={toHash({ name: 'home' })}>
        {t('nav.home')}
      </a>
    </section>
  );
}
