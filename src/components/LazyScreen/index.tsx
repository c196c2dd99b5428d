import type { ComponentType } from 'preact';
import { useAsync } from '../../hooks/use-async.ts';
import { Loading } from '../Loading/index.tsx';
import { NotFound } from '../NotFound/index.tsx';
import { loadingCode, reloadForMissingCode } from '../../pwa/stale.ts';

/** Loads a screen's code. */
export type ScreenLoader<P> = () => Promise<ComponentType<P>>;

/**
 * A screen whose code loads on demand: "Loading…" meanwhile. A chunk that cannot be had online is code of
 * an older version that a newer one replaced: the page reloads into the new version (once); offline, or
 * when that did not help, it says "not found".
 */
export function LazyScreen<P extends object>({ load, props }: { load: ScreenLoader<P>; props: P }) {
  const Screen = useAsync(
    () =>
      loadingCode(load).then(
        (C) => ({ C }),
        () => (reloadForMissingCode() ? undefined : ('failed' as const)),
      ),
    [load],
  );
  if (Screen === 'failed') return <NotFound />;
  if (!Screen) return <Loading />;
  return <Screen.C {...props} />;
}
