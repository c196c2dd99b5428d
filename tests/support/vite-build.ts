/** Runs the app's own `vite build` into a folder of its own, for the unit, browser and bench tests. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

/** The repository root: where vite.config.ts is read and the build runs. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Vite's own entry run by this Node: no npx lookup, and a kill reaches the build itself.
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** Runs a command in the repository root, resolving with its output, rejecting with its tail on failure or timeout. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (b: Buffer) => {
      out = (out + b.toString()).slice(-20000);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done(out);
      else {
        // Stack frames are left out so that the tail keeps the message that says what went wrong.
        const lines = stripVTControlCharacters(out)
          .trim()
          .split('\n')
          .filter((l) => !/^\s+at /.test(l));
        const why = signal ? `killed by ${signal}` : `exit code ${code}`;
        fail(new Error(`${why}: ${lines.slice(-12).join('\n')}`));
      }
    });
  });
}

/** Builds the app into outDir (absolute, or relative to the repository root) and resolves with its absolute path. */
export async function buildApp(
  outDir: string,
  env: Record<string, string> = {},
  timeoutMs = 180_000,
): Promise<string> {
  const out = resolve(ROOT, outDir);
  // NODE_ENV is forced: under Vitest it is "test", and Vite builds for production only when it says so.
  await run(
    process.execPath,
    [VITE, 'build', '--logLevel', 'error'],
    { ...process.env, NODE_ENV: 'production', OUT_DIR: out, ...env },
    timeoutMs,
  );
  return out;
}
