/** The current location as component state. */
import { currentLocation } from '../navigation.ts';
import type { Location } from '../navigation.ts';
import { useObservable } from './use-observable.ts';

/** The route and history entry on screen; re-renders on every navigation. */
export function useLocation(): Location {
  return useObservable(currentLocation);
}
