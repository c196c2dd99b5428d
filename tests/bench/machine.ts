/** A description of the machine the figures were taken on. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CHROMIUM } from './browser.ts';
import { round } from './stats.ts';

export interface Machine {
  os: string;
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  chromium: string;
  date: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews timings. */
  loadAverage: { start: number; end?: number };
}

/** The OS, CPU, cores, memory, Node and Chromium versions, and the date. */
export function machine(): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    /* reported as unknown */
  }
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    chromium,
    date: new Date().toISOString(),
    loadAverage: { start: load1() },
  };
}

/** The 1-minute load average, to two decimals. */
export function load1(): number {
  return round(os.loadavg()[0]!, 2);
}
