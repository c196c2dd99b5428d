import type { ComponentType } from 'preact';
import { useAsync } from '../../hooks/use-async.ts';
import { Loading } from '../Loading/index.tsx';
import { NotFound } from '../NotFound/index.tsx';

/** Loads a screen's code. */
export type ScreenLoader<P> = () => Promise<ComponentType<P>>;

/** A screen whose code loads on demand: "Loading…" meanwhile, "not found" if its chunk cannot be had. */
export function LazyScreen<P extends object>({ load, props }: { load: ScreenLoader<P>; props: P }) {
  const Screen = useAsync(
    () =>
      load().then(
        (C) => ({ C }),
        () => 'failed' as const,
      ),
    [load],
  );
  if (Screen === 'failed') return <NotFound />;
  if (!Screen) return <Loading />;
  return <Screen.C {...props} />;
}
