/** Flow titles for lists of sessions, loading each flow once. */
import { useEffect, useState } from 'preact/hooks';
import { loadFlow } from '../flows/load.ts';
import { useT } from '../i18n/index.ts';

/** Maps flow ids to their titles in the current language (ids missing until loaded). */
export function useFlowTitles(ids: readonly string[]): Record<string, string> {
  const { lang } = useT();
  const [titles, setTitles] = useState<Record<string, string>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      key
        .split(',')
        .filter(Boolean)
        .map(async (id) => [id, await loadFlow(id)] as const),
    ).then((pairs) => {
      if (!live) return;
      const out: Record<string, string> = {};
      for (const [id, flow] of pairs) if (flow) out[id] = flow.title[lang];
      setTitles(out);
    });
    return () => {
      live = false;
    };
  }, [key, lang]);
  return titles;
}
