/** The network state as component state. */
import { online } from '../network.ts';
import { useObservable } from './use-observable.ts';

/** True while the network is really there. */
export function useOnline(): boolean {
  return useObservable(online);
}
