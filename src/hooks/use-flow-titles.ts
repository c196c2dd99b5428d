/** Flow titles for lists of sessions, loading each flow once. */
import { loadFlow } from '../flows/chunks.ts';
import { useT } from '../i18n/index.ts';
import { useAsync } from './use-async.ts';

/**
 * Maps flow ids to their titles in the current language; undefined until the first titles are read (a flow
 * that cannot be had is left out), so a list can wait for them instead of showing ids and then redrawing.
 */
export function useFlowTitles(ids: readonly string[]): Record<string, string> | undefined {
  const { lang } = useT();
  const key = [...new Set(ids)].sort().join(',');
  const titles = useAsync(
    async () => {
      const pairs = await Promise.all(
        key
          .split(',')
          .filter(Boolean)
          .map(async (id) => [id, await loadFlow(id)] as const),
      );
      const out: Record<string, string> = {};
      for (const [id, flow] of pairs) if (flow) out[id] = flow.title[lang];
      return out;
    },
    [key, lang],
    true,
  ); // keep the titles on screen while another language's load: no flash of ids
  return titles;
}
