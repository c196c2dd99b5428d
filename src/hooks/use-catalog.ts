/** The error code catalog as component state. */
import type { CatalogEntry } from '../flow-format/schema.ts';
import { catalogNow, loadCatalog } from '../flows/catalog.ts';
import { useAsync } from './use-async.ts';

/** Returns the catalog, or undefined while it loads. */
export function useCatalog(): readonly CatalogEntry[] | undefined {
  const later = useAsync(loadCatalog, []);
  return catalogNow() ?? later;
}
