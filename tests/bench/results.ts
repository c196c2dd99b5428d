/** The shape of tests/bench/results.json. */
import type { ByteReport } from './bytes.ts';
import type { HistorySummary } from './history.ts';
import type { KeysSummary } from './keys.ts';
import type { PhotosSummary } from './photos.ts';
import type { LatencySummary } from './latency.ts';
import type { LighthouseSummary } from './lighthouse-types.ts';
import type { LookupSummary } from './lookup-bench.ts';
import type { Machine } from './machine.ts';
import type { OfflineSummary } from './offline.ts';
import type { ReaderSummary } from './reader-bench.ts';
import type { ScaleRun } from './scale.ts';
import type { StepWorkSummary } from './step-work.ts';

/** A figure, or why it could not be taken. */
export type Outcome<T> = T | { error: string };

export type Side = 'app' | 'peer' | 'floor';

/** The 1-minute load average around one part: a busy machine slows the main thread down. */
export interface PartLoad {
  loadAverage: { start: number; end: number };
}

export interface Target {
  target: string;
  met: boolean | null;
  detail: string;
}

export interface Results {
  machine: Machine;
  durationS: number;
  settings: {
    flow: string;
    flowNote?: string;
    lighthouseRuns: number;
    /** How Lighthouse's pages were served: 'HTTPS, HTTP/2' as a real host does, or all over plain HTTP/1.1 and why. */
    lighthouseServed?: string;
    steps: number;
    /** Steps taken by real taps in a trace for the main-thread work (fewer: tracing is heavy). */
    workSteps: number;
    /** The traced steps are taken in this many rounds per page, the pages taking turns (older runs: absent, one). */
    workRounds?: number;
    cpuThrottle: number;
    offlineRuns: number;
    lookupInputs: number;
    scaleSizes: number[];
    scaleTimeoutS: number;
    /** Sizes of pasted text for the output reader, in bytes (1 KB = 1,000). */
    readerSizes: number[];
    historySessions: number;
    historyReps: number;
    keystrokes: number;
  };
  /**
   * Set when only some parts ran (--only): those parts' figures are from this run, the rest are carried
   * over from the results.json before it (whose machine and date `machine` still describes).
   */
  partial?: {
    only: string[];
    machine: Machine;
    durationS: number;
    /** Parts run alone before this one and not since, whose figures are still those runs'. */
    earlier?: { only: string[]; date: string }[];
  };
  builds: Record<Side, Outcome<{ ms: number }>>;
  lighthouse: Record<Side, Outcome<LighthouseSummary>>;
  initial: Record<Side, Outcome<ByteReport['initial']>>;
  precache: Record<'app' | 'floor', Outcome<ByteReport['precache']>>;
  bytes: Outcome<ByteReport>;
  latency: Record<'app' | 'peer', Outcome<LatencySummary>>;
  /** Main-thread work per step, from a trace of real taps. */
  /** The step floor: the app's step markup and stylesheet swapped by plain DOM code (tests/bench/step-floor). */
  stepWork: Record<'app' | 'peer' | 'floor', Outcome<StepWorkSummary & PartLoad>>;
  offline: Outcome<OfflineSummary>;
  lookup: Outcome<LookupSummary>;
  scale: Outcome<ScaleRun[]>;
  reader: Outcome<ReaderSummary>;
  history: Outcome<HistorySummary & PartLoad>;
  keys: Outcome<KeysSummary & PartLoad>;
  /** Photos of the screen read (older runs: absent). */
  photos?: Outcome<PhotosSummary & PartLoad>;
  targets: Target[];
}

/** True when an outcome holds an error instead of a figure. */
export function failed<T extends object>(o: Outcome<T> | undefined): o is { error: string } {
  return o === undefined || 'error' in o;
}

/** The figure of an outcome, or undefined when it failed. */
export function value<T extends object>(o: Outcome<T> | undefined): T | undefined {
  return failed(o) ? undefined : (o as T);
}
