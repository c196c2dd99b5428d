import { useT } from '../../i18n/index.ts';
import './style.css';

/** "Loading…" while a screen's data or code is on its way. */
export function Loading() {
  const { t } = useT();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
