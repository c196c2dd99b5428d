/** The map of flow ids to their lazy chunks. Itself a lazy chunk: adding flows never grows the first screen. */
import type { Flow } from '../flow-format/schema.ts';

const modules = import.meta.glob<{ default: Flow }>([
  '@flows/*.json',
  '!@flows/catalog.json',
  '!@flows/sources.json',
  '!@flows/organization.json',
  '!@flows/*.schema.json',
]);

/** Flow id → loader of its chunk. */
export const loaders = new Map<string, () => Promise<{ default: Flow }>>(
  Object.entries(modules).map(([path, load]) => [path.replace(/^.*\/|\.json$/g, ''), load]),
);
