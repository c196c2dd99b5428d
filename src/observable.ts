/**
 * The app's one way to share changing state outside components: a value with subscribers. Modules own
 * their observables (location, notices, service worker, sessions); components read them with
 * `useObservable`, and plain TypeScript (the session runner, tests) subscribes directly.
 */

/** A value that can be read now and watched for changes. */
export interface Observable<T> {
  get(): T;
  /** Calls the listener on every change (not at once); returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
}

/** An observable its owner can change. */
export interface Writable<T> extends Observable<T> {
  set(value: T): void;
  update(change: (value: T) => T): void;
}

/**
 * Makes an observable. `start`, if given, runs when the first subscriber arrives (to attach event
 * listeners) and may return a stop function, run when the last one leaves.
 */
export function observable<T>(
  initial: T,
  start?: (set: (value: T) => void) => (() => void) | void,
): Writable<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  let stop: (() => void) | void;
  const set = (next: T) => {
    if (Object.is(next, value)) return;
    value = next;
    // A copy: a listener that unsubscribes (or subscribes another) must not disturb this round.
    for (const l of [...listeners]) l(value);
  };
  return {
    get: () => value,
    set,
    update: (change) => set(change(value)),
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && start) stop = start(set);
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        stop?.();
        stop = undefined;
      };
    },
  };
}
