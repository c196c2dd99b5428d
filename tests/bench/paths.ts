/** Where the benchmark reads sources and writes its builds and results. */
import { join } from 'node:path';

export const BENCH_DIR = import.meta.dirname;
export const REPO = join(BENCH_DIR, '..', '..');
export const WORK = join(BENCH_DIR, '.work');
export const APP_OUT = join(WORK, 'app');
export const FLOOR_OUT = join(WORK, 'floor');
export const PEER_OUT = join(WORK, 'peer');
export const FLOOR_SRC = join(BENCH_DIR, 'floor');
export const PEER_SRC = join(BENCH_DIR, 'peer');
export const STEP_FLOOR_SRC = join(BENCH_DIR, 'step-floor');
/** The step floor is served beside the blank floor page, under its own folder. */
export const STEP_FLOOR_OUT = join(FLOOR_OUT, 'step');
export const VITE_CONFIG = join(REPO, 'vite.config.ts');
