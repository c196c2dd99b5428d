/** The error code catalog, loaded once as its own chunk (the home screen needs it right away). */
import type { CatalogEntry } from '../flow-format/schema.ts';

let pending: Promise<readonly CatalogEntry[]> | undefined;
let loaded: readonly CatalogEntry[] | undefined;

/** The catalog if it has loaded, so a first render (hydrating the prerendered page) can show it at once. */
export const catalogNow = (): readonly CatalogEntry[] | undefined => loaded;

/** Loads the catalog; resolves to an empty list if the chunk cannot be fetched. */
export function loadCatalog(): Promise<readonly CatalogEntry[]> {
  pending ??= import('@flows/catalog.json').then(
    (m) => (loaded = (m.default as { codes: CatalogEntry[] }).codes),
    () => {
      pending = undefined;
      return [];
    },
  );
  return pending;
}
