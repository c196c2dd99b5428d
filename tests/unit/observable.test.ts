import { afterEach, describe, expect, it, vi } from 'vitest';
import { observable } from '../../src/observable.ts';
import { randomUuid } from '../../src/uuid.ts';

describe('observable', () => {
  it('tells every subscriber of a change, once per change, and not of the same value again', () => {
    const count = observable(0);
    const a = vi.fn();
    const b = vi.fn();
    count.subscribe(a);
    const offB = count.subscribe(b);
    count.set(1);
    count.set(1);
    count.update((n) => n + 1);
    offB();
    count.set(3);
    expect(a.mock.calls.map(([v]) => v)).toEqual([1, 2, 3]);
    expect(b.mock.calls.map(([v]) => v)).toEqual([1, 2]);
    expect(count.get()).toBe(3);
  });

  it('starts its source with the first subscriber and stops it with the last', () => {
    const stop = vi.fn();
    const start = vi.fn((set: (v: string) => void) => {
      set('started');
      return stop;
    });
    const source = observable('idle', start);
    expect(start).not.toHaveBeenCalled();
    const off1 = source.subscribe(() => {});
    const off2 = source.subscribe(() => {});
    expect(start).toHaveBeenCalledTimes(1);
    expect(source.get()).toBe('started');
    off1();
    off1(); // twice is harmless
    expect(stop).not.toHaveBeenCalled();
    off2();
    expect(stop).toHaveBeenCalledTimes(1);
    source.subscribe(() => {});
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('lets a subscriber unsubscribe another during a change without skipping anyone in that round', () => {
    const value = observable(0);
    const seen: string[] = [];
    let offB = () => {};
    value.subscribe(() => {
      seen.push('a');
      offB();
    });
    offB = value.subscribe(() => seen.push('b'));
    value.set(1);
    value.set(2);
    expect(seen).toEqual(['a', 'b', 'a']);
  });
});

describe('randomUuid', () => {
  afterEach(() => vi.unstubAllGlobals());
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes version 4 UUIDs where crypto.randomUUID is missing (pages without HTTPS)', () => {
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    vi.stubGlobal('crypto', { getRandomValues });
    const made = new Set(Array.from({ length: 50 }, randomUuid));
    expect(made.size).toBe(50);
    for (const id of made) expect(id).toMatch(V4);
  });

  it('uses crypto.randomUUID where there is one', () => {
    expect(randomUuid()).toMatch(V4);
  });
});
