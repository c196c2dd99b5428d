/**
 * The bench's traced steps are taken in rounds, the pages taking turns; a page's rounds make one summary,
 * so its median and p95 are those of all its steps, not a median of medians.
 */
import { describe, expect, it } from 'vitest';
import { mergeStepWork } from '../bench/step-work.ts';
import type { StepWorkSummary } from '../bench/step-work.ts';

function round(samples: number[], kinds: string[], script: string): StepWorkSummary {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    steps: samples.length,
    warmup: 5,
    failures: 0,
    cpuThrottle: 4,
    median: 0,
    p95: 0,
    max: Math.max(...samples),
    wallMedian: 0,
    wallP95: 0,
    cpuShare: 0.9,
    tasksMedian: 3,
    byCategory: [{ what: 'script', ms: mean, share: 1 }],
    scripts: [{ what: script, ms: mean }],
    worst: [{ what: script, ms: Math.max(...samples) }],
    byKind: {},
    samples,
    kinds,
    wallSamples: samples.map((s) => s + 1),
  };
}

describe('rounds of traced steps', () => {
  const quiet = round([10, 10, 10, 10], ['yesno', 'yesno', 'choice', 'choice'], 'app.js (mostly a)');
  const busy = round(
    [30, 30, 30, 30, 30, 30],
    ['yesno', 'yesno', 'yesno', 'choice', 'choice', 'number'],
    'app.js (mostly b)',
  );
  const merged = mergeStepWork([quiet, busy]);

  it('pools the steps: the median is that of all ten, not the mean of two medians', () => {
    expect(merged.steps).toBe(10);
    expect(merged.median).toBe(30);
    expect(merged.max).toBe(30);
    expect(merged.wallMedian).toBe(31);
  });

  it('weights kinds of work and scripts by steps, a script counted once whatever its rounds call it', () => {
    expect(merged.byCategory).toEqual([{ what: 'script', ms: 22, share: 1 }]);
    expect(merged.scripts).toEqual([{ what: 'app.js', ms: 22 }]);
    expect(merged.byKind.yesno).toMatchObject({ count: 5 });
    expect(merged.byKind.number).toMatchObject({ count: 1, median: 30 });
  });
});
