/** A self-signed certificate for 127.0.0.1, so the bench can serve over HTTPS with HTTP/2 as a real host does. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORK } from './paths.ts';

/** Makes (once) and returns a key and certificate in PEM, or undefined when openssl is not there. */
export function selfSigned(): { key: string; cert: string } | undefined {
  const dir = join(WORK, 'tls');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  try {
    if (!existsSync(key) || !existsSync(cert)) {
      mkdirSync(dir, { recursive: true });
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '3650',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore', input: '' },
      );
    }
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } catch {
    return undefined;
  }
}
