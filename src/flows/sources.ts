/** The documents flows and the catalog cite, loaded once as their own chunk. */
import type { Source } from '../flow-format/schema.ts';

let pending: Promise<ReadonlyMap<string, Source>> | undefined;

/** Loads the sources by id; resolves to an empty map if the chunk cannot be fetched. */
export function loadSources(): Promise<ReadonlyMap<string, Source>> {
  pending ??= import('@flows/sources.json').then(
    (m) => new Map((m.default as { sources: Source[] }).sources.map((s) => [s.id, s])),
    () => {
      pending = undefined;
      return new Map();
    },
  );
  return pending;
}
