/** The error code catalog as component state (empty until loaded). */
import { useEffect, useState } from 'preact/hooks';
import type { CatalogEntry } from '../engine/schema.ts';
import { loadCatalog } from '../flows/catalog.ts';

/** Returns the catalog, or undefined while it loads. */
export function useCatalog(): readonly CatalogEntry[] | undefined {
  const [catalog, setCatalog] = useState<readonly CatalogEntry[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadCatalog().then((c) => live && setCatalog(c));
    return () => {
      live = false;
    };
  }, []);
  return catalog;
}
