/** Reads an observable in a component and re-renders when it changes. */
import { useEffect, useState } from 'preact/hooks';
import type { Observable } from '../observable.ts';

/** The observable's current value; the component re-renders on every change. */
export function useObservable<T>(source: Observable<T>): T {
  const [value, setValue] = useState(source.get);
  useEffect(() => {
    // It may have changed between the render and this effect.
    setValue(() => source.get());
    return source.subscribe((v) => setValue(() => v));
  }, [source]);
  return value;
}
