/** Async work as component state: the one place that guards against results arriving after unmount. */
import { useEffect, useState } from 'preact/hooks';
import type { Inputs } from 'preact/hooks';

/**
 * Runs `work` whenever `inputs` change and returns what it resolved to: undefined until then, and again
 * while new inputs are worked on unless `keep` asks to show the last result meanwhile (a list being read
 * again). `known` gives a value already at hand (a read begun ahead, code loaded before) for a render
 * whose inputs have no result yet. A result for older inputs, or after unmount, is dropped.
 * Rejections are the caller's to turn into values (`.catch(() => fallback)`); one that slips through
 * leaves the value undefined.
 */
export function useAsync<T>(
  work: () => Promise<T>,
  inputs: Inputs,
  keep = false,
  known?: () => T | undefined,
): T | undefined {
  // A value already at hand (read ahead) is shown in the first render, not a frame later.
  const [state, setState] = useState<Held<T>>(() => {
    const atHand = known?.();
    return atHand === undefined ? undefined : { value: atHand, inputs };
  });
  // A value worked out for other inputs is not this one's, unless the caller wants it kept; one at hand is.
  const value = shown(state, inputs, keep, known);
  useEffect(() => {
    let live = true;
    // Work for a value not at hand begins in a task of its own: a screen's effects all run in one task after
    // its paint, and the work of several (a dynamic import, a database read) would add up to a long one. With
    // the value at hand it only confirms it, at once, adding no task to a step.
    const begin = () =>
      // A promise either way: work that throws at once is a rejection, as if it had thrown later.
      void new Promise<T>((resolve) => resolve(work())).then(
        // Compared with what the render that began the work showed: a later one shows the same, or else it
        // renders once more.
        (found) => live && setState((had) => settled(had, found, inputs, keep, known, value)),
        () => undefined,
      );
    let start: ReturnType<typeof setTimeout> | undefined;
    if (known?.() === undefined) start = setTimeout(begin);
    else begin();
    return () => {
      live = false;
      clearTimeout(start);
    };
    // `inputs` is the caller's dependency list, which may name a value only to run the work again (a revision).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, inputs);
  return value;
}

type Held<T> = { value: T; inputs: Inputs } | undefined;

/** What a render of `inputs` shows: the value held for them (or for older ones, when kept), else one at hand. */
function shown<T>(had: Held<T>, inputs: Inputs, keep: boolean, known?: () => T | undefined): T | undefined {
  return had && (keep || sameInputs(had.inputs, inputs)) ? had.value : known?.();
}

/**
 * The state once work for `inputs` has resolved to `value`, the screen showing `showing`. A value the screen
 * already shows (read ahead, at hand, or nothing where nothing was), and would show from the state as it is,
 * leaves the state as it is, so it renders nothing again.
 */
export function settled<T>(
  had: Held<T>,
  value: T,
  inputs: Inputs,
  keep: boolean,
  known: (() => T | undefined) | undefined,
  showing: T | undefined,
): Held<T> {
  return Object.is(showing, value) && Object.is(shown(had, inputs, keep, known), value)
    ? had
    : { value, inputs };
}

function sameInputs(a: Inputs, b: Inputs): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
