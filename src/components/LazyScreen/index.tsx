import type { ComponentType } from 'preact';
import { useRef } from 'preact/hooks';
import { useAsync } from '../../hooks/use-async.ts';
import { Loading } from '../Loading/index.tsx';
import { NotFound } from '../NotFound/index.tsx';
import { loadingCode, reloadForMissingCode } from '../../pwa/stale.ts';

/** Loads a screen's code. */
export type ScreenLoader<P> = () => Promise<ComponentType<P>>;

// Screens whose code is here: shown in the first render when their screen opens again.
const ready = new WeakMap<object, { C: ComponentType<never> }>();

/**
 * A screen whose code loads on demand: "Loading…" meanwhile, unless it is here already. A chunk that cannot
 * be had online is code of an older version that a newer one replaced: the page reloads into the new
 * version (once); offline, or when that did not help, it says "not found". `opens` starts, as the screen
 * opens, what it will read first: its data is read while its code loads, not after.
 */
export function LazyScreen<P extends object>({
  load,
  props,
  opens,
}: {
  load: ScreenLoader<P>;
  props: P;
  opens?: () => unknown;
}) {
  // In the render that opens the screen (this component stays when one lazy screen replaces another).
  const opened = useRef<ScreenLoader<P> | null>(null);
  if (opened.current !== load) {
    opened.current = load;
    opens?.();
  }
  const Screen = useAsync(
    () =>
      loadingCode(load).then(
        (C) => {
          // The same object as the first render had: nothing to render again.
          const known = ready.get(load) ?? { C: C as ComponentType<never> };
          ready.set(load, known);
          return known as { C: ComponentType<P> };
        },
        () => (reloadForMissingCode() ? undefined : ('failed' as const)),
      ),
    [load],
    false,
    () => ready.get(load) as { C: ComponentType<P> } | undefined,
  );
  if (Screen === 'failed') return <NotFound />;
  if (!Screen) return <Loading />;
  return <Screen.C {...props} />;
}
