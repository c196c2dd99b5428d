/** The documents flows cite, as component state. */
import type { Source } from '../flow-format/schema.ts';
import { loadSources, sourcesLoaded } from '../flows/sources.ts';
import { useAsync } from './use-async.ts';

/**
 * Sources by id, or undefined while they load. Once loaded they are there in the first render: a list of
 * sources appearing a moment later above a step's answers would move the answers under a finger.
 */
export function useSources(): ReadonlyMap<string, Source> | undefined {
  // Loaded already (as the step screen loads them first), they are shown at once and the load renders nothing again.
  return useAsync(loadSources, [], false, sourcesLoaded);
}
