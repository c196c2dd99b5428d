/**
 * The bench's targets: a step against the step floor, in the same run. `npm run bench` fails on every target
 * missedTargets returns, so this is what makes a slow step fail it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missedTargets } from '../bench/report.ts';
import type { Results } from '../bench/results.ts';

const committed = JSON.parse(
  readFileSync(new URL('../bench/results.json', import.meta.url), 'utf8'),
) as Results;

/** The committed results with the app's and the step floor's step work at these medians and p95s. */
function withSteps(app: [number, number], floor: [number, number]): Results {
  const r = structuredClone(committed);
  const at = ([median, p95]: [number, number]) => ({ ...(r.stepWork.app as object), median, p95 });
  r.stepWork = { ...r.stepWork, app: at(app), floor: at(floor) } as Results['stepWork'];
  return r;
}
const floorMisses = (r: Results) =>
  missedTargets(r)
    .map((t) => t.target)
    .filter((t) => t.includes('step floor'));

describe('the bench fails a step slower than 1.25 × the step floor', () => {
  it('misses the median and the p95 targets when the app is twice the floor', () => {
    expect(floorMisses(withSteps([80, 120], [40, 60]))).toHaveLength(2);
  });
  it('meets them within 1.25 × the floor', () => {
    expect(floorMisses(withSteps([50, 75], [40, 60]))).toEqual([]);
  });
});
