/** A small static server for browser tests: serves a build folder (swappable) under a base path. */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown',
};

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface StaticServer {
  url: string;
  /** Serves another folder from now on (a new version being deployed). */
  swap(dir: string): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with no caching, so an update check always sees the current files. */
export async function serve(dir: string, base = '/'): Promise<StaticServer> {
  let root = dir;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let rel = path.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    swap: (d) => {
      root = d;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Builds the app into a folder of its own (outside dist/), with a version label and a base path. */
export function build(outDir: string, env: Record<string, string> = {}): string {
  const out = join(ROOT, outDir);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', OUT_DIR: out, ...env },
    stdio: 'pipe',
  });
  return out;
}
