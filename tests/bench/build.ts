/** Builds the three pages under test: the app, the blank floor page and the SurveyJS peer. */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { build } from 'vite';
import { FLOOR_OUT, FLOOR_SRC, PEER_OUT, PEER_SRC, REPO, VITE_CONFIG, WORK } from './paths.ts';

/** Runs a command, resolving with its combined output, rejecting with its tail on failure or timeout. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (b: Buffer) => {
      out = (out + b.toString()).slice(-20000);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else {
        const clean = stripVTControlCharacters(out).trim();
        const why = signal ? `killed by ${signal}` : `exit code ${code}`;
        reject(new Error(`${why}: ${clean.split('\n').slice(-12).join('\n')}`));
      }
    });
  });
}

/** Builds the app with the repository's own config and `vite build`, into outDir. */
export async function buildApp(outDir: string): Promise<void> {
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  await run(process.execPath, [vite, 'build'], { ...process.env, OUT_DIR: outDir }, 180_000);
}

/** Builds the floor page with the app's vite.config.ts (same plugins and PWA options), flows check fed an empty folder. */
export async function buildFloor(): Promise<void> {
  const emptyFlows = join(WORK, 'floor-flows');
  mkdirSync(emptyFlows, { recursive: true });
  const saved = process.env.FLOWS_DIR;
  process.env.FLOWS_DIR = emptyFlows; // the config reads it when loaded: the floor has no flows to check
  try {
    await build({
      configFile: VITE_CONFIG,
      root: FLOOR_SRC,
      publicDir: join(REPO, 'public'),
      logLevel: 'warn',
      build: { outDir: FLOOR_OUT, emptyOutDir: true },
    });
  } finally {
    if (saved === undefined) delete process.env.FLOWS_DIR;
    else process.env.FLOWS_DIR = saved;
  }
}

/** Builds the SurveyJS peer with Vite's defaults (same minifier as the app, no PWA). */
export async function buildPeer(): Promise<void> {
  await build({
    configFile: false,
    root: PEER_SRC,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: PEER_OUT,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 4096,
    },
  });
}
