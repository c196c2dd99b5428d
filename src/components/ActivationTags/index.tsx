import type { ActivationType } from '../../flow-format/schema.ts';
import { useT } from '../../i18n/index.ts';
import './style.css';

/** The activation types an error concerns, as small tags. */
export function ActivationTags({ types }: { types: readonly ActivationType[] }) {
  const { t } = useT();
  return (
    <span class="tags">
      <span class="sr-only">{t('code.concerns')} </span>
      {types.map((a) => (
        <span key={a} class="tag">
          {t(`type.${a}`)}
        </span>
      ))}
    </span>
  );
}
