import { messageAfterCode } from '../../codes/lookup.ts';
import type { CatalogEntry } from '../../flow-format/schema.ts';
import { useT } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';

/** A list of codes, each a link to its page with the message in the current language. */
export function CodeLinks({ entries }: { entries: readonly CatalogEntry[] }) {
  const { lang } = useT();
  return (
    <ul>
      {entries.map((e) => (
        <li key={e.code}>
          <a href={toHash({ name: 'code', query: e.code })}>
            <span class="mono">{e.code}</span> {messageAfterCode(e, lang)}
          </a>
        </li>
      ))}
    </ul>
  );
}
