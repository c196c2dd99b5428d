/** The error code catalog as component state. */
import type { CatalogEntry } from '../flow-format/schema.ts';
import { catalogNow, loadCatalog } from '../flows/catalog.ts';
import { useAsync } from './use-async.ts';

/** Returns the catalog, or undefined while it loads. */
export function useCatalog(): readonly CatalogEntry[] | undefined {
  // Loaded before the first render (as on the first screen), it is shown at once and the load renders nothing again.
  return useAsync(loadCatalog, [], false, catalogNow);
}
