import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/index.ts';
import { dismissNotice, onNotices } from '../../notices.ts';
import type { NoticeKind } from '../../notices.ts';

const KEY: Record<NoticeKind, `notice.${string}`> = {
  'storage-unavailable': 'notice.unavailable',
  'storage-quota': 'notice.quota',
  'storage-write-failed': 'notice.writeFailed',
  'storage-corrupt': 'notice.corrupt',
  'storage-blocked': 'notice.blocked',
  'storage-upgraded-elsewhere': 'notice.upgradedElsewhere',
};

/** Says once what the app cannot keep (storage problems), without blocking the work. */
export function Notices() {
  const { t } = useT();
  const [kinds, setKinds] = useState<NoticeKind[]>([]);
  useEffect(() => onNotices(setKinds), []);
  return (
    <div class="notices" role="status" aria-live="polite">
      {kinds.map((k) => (
        <p key={k} class="notice">
          <span>{t(KEY[k] as 'notice.unavailable')}</span>
          <button type="button" class="btn btn-quiet" onClick={() => dismissNotice(k)}>
            {t('action.close')}
          </button>
        </p>
      ))}
    </div>
  );
}
