/** Flow titles for lists of sessions. */
import { loadFlow } from '../flows/chunks.ts';
import type { Text } from '../flow-format/schema.ts';
import { useT } from '../i18n/index.ts';
import { useAsync } from './use-async.ts';

/**
 * Maps flow ids to their titles in the current language; undefined until the first titles are read (a flow
 * that cannot be had is left out), so a list can wait for them instead of showing ids and then redrawing.
 * Given the build's table of every flow's title, a long list takes its titles from there: over many flows it
 * would otherwise load and compile each of them before its first row. A flow the table lacks (an
 * organization's own), and a short list given no table, is loaded for its title.
 */
export function useFlowTitles(
  ids: readonly string[],
  table?: Readonly<Record<string, Text>>,
): Record<string, string> | undefined {
  const { lang } = useT();
  const key = [...new Set(ids)].sort().join(',');
  const titles = useAsync(
    async () => {
      const out: Record<string, string> = {};
      const others: string[] = [];
      for (const id of key.split(',').filter(Boolean)) {
        const title = table && Object.hasOwn(table, id) ? table[id] : undefined;
        if (title) out[id] = title[lang];
        else others.push(id);
      }
      for (const [id, flow] of await Promise.all(others.map(async (id) => [id, await loadFlow(id)] as const)))
        if (flow) out[id] = flow.title[lang];
      return out;
    },
    [key, lang, table],
    true,
  ); // keep the titles on screen while another language's load: no flash of ids
  return titles;
}
