/** Small statistics helpers: median, percentiles, mean. */
import { stripVTControlCharacters } from 'node:util';

/** The q-quantile (0..1) of a list, by linear interpolation; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
}

/** The median of a list; NaN for an empty list. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The arithmetic mean of a list; NaN for an empty list. */
export function mean(values: readonly number[]): number {
  const xs = values.filter((v) => Number.isFinite(v));
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

/** Rounds to a number of decimals, keeping NaN. */
export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The message of an error, on one line. */
export function reason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return stripVTControlCharacters(msg).replace(/\s+/g, ' ').trim().slice(0, 300);
}
