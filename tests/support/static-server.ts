/** A static file server on 127.0.0.1 for built pages, shared by the browser tests and the bench. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// Text compresses; images and fonts are compressed already.
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.md',
  '.map',
]);
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(?:js|mjs|css|woff2|png|svg)$/;

export interface ServeOptions {
  /** The URL path the folder is served under, with a trailing slash ('/' by default); anything else is a 404. */
  base?: string;
  /** The Cache-Control header for a file; by default no-cache on everything, so an update check sees the current files. */
  cacheControl?: (file: string) => string;
  /** Serve over HTTPS with HTTP/2, as a real static host does (a key and certificate in PEM). */
  tls?: { key: string; cert: string };
  /**
   * Holds back the response to a URL path, as on a slow network: for some milliseconds, or until a promise
   * settles (none by default).
   */
  delay?: (path: string) => number | Promise<void>;
}

export interface StaticServer {
  /** The served folder's URL, base path included. */
  url: string;
  /** Serves another folder from now on (a new version being deployed). */
  swap: (dir: string) => void;
  /** The paths requested so far, in order (the last 500). */
  requests: () => string[];
  /** While true, every request is dropped (its socket destroyed), as if the network were gone. */
  setDown: (down: boolean) => void;
  close: () => Promise<void>;
}

/** The Cache-Control header a real host would send: revalidate the shell, cache hashed assets for a year. */
export function cacheControl(path: string): string {
  const name = path.split('/').pop() ?? path;
  if (name.endsWith('.html') || name === 'sw.js' || name.endsWith('.webmanifest')) return 'no-cache';
  if (HASHED.test(name)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

const noCache = (): string => 'no-cache';

type Response = ServerResponse | Http2ServerResponse;

function notFound(res: Response): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
  res.end('not found');
}

/** Serves a folder on 127.0.0.1 at a random port until close() is called. */
export async function serve(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = options.base ?? '/';
  const policy = options.cacheControl ?? noCache;
  let root = resolve(dir);
  // Keyed by path and mtime, so a rebuilt or swapped-in file is compressed afresh.
  const gzipped = new Map<string, Buffer>();
  const requests: string[] = [];
  let down = false;
  const handle = (req: IncomingMessage | Http2ServerRequest, res: Response) => {
    requests.push(`${down ? 'dropped ' : ''}${req.method ?? 'GET'} ${req.url ?? '/'}`);
    if (requests.length > 500) requests.shift();
    if (down) {
      req.socket.destroy();
      return;
    }
    void (async () => {
      try {
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const wait = options.delay?.(pathname) ?? 0;
        if (typeof wait !== 'number') await wait;
        else if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (!pathname.startsWith(base)) {
          notFound(res);
          return;
        }
        const dirRoot = root; // a swap mid-request must not mix two folders
        let file = normalize(join(dirRoot, pathname.slice(base.length)));
        if (file !== dirRoot && !file.startsWith(dirRoot.endsWith(sep) ? dirRoot : dirRoot + sep)) {
          res.writeHead(403).end();
          return;
        }
        let info = await stat(file).catch(() => undefined);
        if (info?.isDirectory()) {
          file = join(file, 'index.html');
          info = await stat(file).catch(() => undefined);
        }
        if (!info?.isFile()) {
          notFound(res);
          return;
        }
        const ext = extname(file).toLowerCase();
        const headers: Record<string, string> = {
          'content-type': MIME[ext] ?? 'application/octet-stream',
          'cache-control': policy(file),
          'x-content-type-options': 'nosniff',
        };
        let body: Buffer = await readFile(file);
        if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          const key = `${file}:${info.mtimeMs}`;
          let gz = gzipped.get(key);
          if (!gz) {
            gz = gzipSync(body, { level: 9 });
            gzipped.set(key, gz);
          }
          body = gz;
          headers['content-encoding'] = 'gzip';
          headers.vary = 'accept-encoding';
        }
        headers['content-length'] = String(body.length);
        res.writeHead(200, headers);
        if (req.method === 'HEAD') res.end();
        else res.end(body);
      } catch (e) {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(e));
      }
    })();
  };
  // Open sockets, so setDown() and close() can drop them on either kind of server.
  const sockets = new Set<Socket>();
  const server = options.tls
    ? createSecureServer({ ...options.tls, allowHTTP1: true }, handle)
    : createServer(handle);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  // Idle keep-alive sockets would otherwise hold close() and setDown() back.
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 1000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${base}`,
    swap: (next) => {
      root = resolve(next);
    },
    requests: () => [...requests],
    setDown: (value) => {
      down = value;
      if (value) dropAll();
    },
    close: () =>
      new Promise<void>((done) => {
        dropAll();
        server.close(() => done());
      }),
  };
}
