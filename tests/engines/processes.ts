/**
 * The processes and folders a browser run leaves behind, ended and removed whatever happens: each is
 * registered when made, and cleaned up when its engine closes, on Ctrl+C and on a crash of the runner.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

const cleanups = new Set<() => void>();

/** Registers a synchronous cleanup; returns the function that runs it once and unregisters it. */
export function onCleanup(fn: () => void): () => void {
  const once = () => {
    if (!cleanups.delete(once)) return;
    try {
      fn();
    } catch {
      // already gone
    }
  };
  cleanups.add(once);
  return once;
}

/** Runs every registered cleanup (the runner's last word, also on a signal). */
export function cleanUpAll(): void {
  for (const fn of [...cleanups]) fn();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    cleanUpAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
process.once('exit', cleanUpAll);

/** A temporary folder, removed at cleanup. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: onCleanup(() => rmSync(path, { recursive: true, force: true })) };
}

/** Kills a process and every process it started in its group (a driver's browser, a browser's content processes). */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** A child process in a process group of its own, killed with its group at cleanup; keeps the tail of its output. */
export function startGroup(
  cmd: string,
  args: string[],
  options: SpawnOptions,
): { child: ChildProcess; output: () => string; stop: () => void } {
  const child = spawn(cmd, args, { ...options, detached: true });
  let out = '';
  const take = (b: Buffer) => {
    out = (out + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  child.on('error', (e) => take(Buffer.from(String(e))));
  return { child, output: () => out, stop: onCleanup(() => killGroup(child)) };
}

/** A free TCP port on 127.0.0.1, for a driver that needs to be told one. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * Starts a virtual X display (Xvfb), for a browser that has no headless mode; it picks a free display
 * number itself (-displayfd), so runs side by side never collide.
 */
export async function startXvfb(): Promise<{ display: string; stop: () => void }> {
  const x = startGroup('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const fd = x.child.stdio[3];
  const number = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Xvfb did not start in 20 s: ${x.output()}`)), 20_000);
    let got = '';
    if (fd instanceof Readable)
      fd.on('data', (b: Buffer) => {
        got += b.toString();
        if (got.includes('\n')) {
          clearTimeout(timer);
          done(got.trim());
        }
      });
    x.child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Xvfb exited (${code}): ${x.output()}`));
    });
  });
  return { display: `:${number}`, stop: x.stop };
}

/** Settles within `ms`, whatever the promise does: for a polite close that may hang. */
export function within(promise: Promise<unknown>, ms: number): Promise<void> {
  return Promise.race([
    promise.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((done) => setTimeout(done, ms).unref()),
  ]);
}
