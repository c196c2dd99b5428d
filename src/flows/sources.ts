/** The documents flows and the catalog cite, loaded once as their own chunk. */
import type { Source } from '../flow-format/schema.ts';

let pending: Promise<ReadonlyMap<string, Source>> | undefined;
let loaded: ReadonlyMap<string, Source> | undefined;

/** The sources, when they have been loaded already; undefined before. */
export function sourcesLoaded(): ReadonlyMap<string, Source> | undefined {
  return loaded;
}

/** Loads the sources by id; resolves to an empty map if the chunk cannot be fetched. */
export function loadSources(): Promise<ReadonlyMap<string, Source>> {
  pending ??= import('@flows/sources.json').then(
    (m) => (loaded = new Map((m.default as { sources: Source[] }).sources.map((s) => [s.id, s]))),
    () => {
      pending = undefined;
      return new Map();
    },
  );
  return pending;
}
