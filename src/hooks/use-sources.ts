/** The documents flows cite, as component state. */
import type { Source } from '../flow-format/schema.ts';
import { loadSources } from '../flows/sources.ts';
import { useAsync } from './use-async.ts';

/** Sources by id, or undefined while they load. */
export function useSources(): ReadonlyMap<string, Source> | undefined {
  return useAsync(loadSources, []);
}
