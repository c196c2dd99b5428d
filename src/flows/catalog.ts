/** The error code catalog, loaded once as its own chunk (the home screen needs it right away). */
import type { CatalogEntry } from '../engine/schema.ts';

let pending: Promise<readonly CatalogEntry[]> | undefined;

/** Loads the catalog; resolves to an empty list if the chunk cannot be fetched. */
export function loadCatalog(): Promise<readonly CatalogEntry[]> {
  pending ??= import('@flows/catalog.json').then(
    (m) => (m.default as { codes: CatalogEntry[] }).codes,
    () => {
      pending = undefined;
      return [];
    },
  );
  return pending;
}
