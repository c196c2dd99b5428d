/**
 * Broken flow sets for the checker's tests: the valid fixture with one mistake in it. Each case in
 * tests/fixtures/broken/<name>.json holds JSON Patch operations (RFC 6902: add, remove, replace) per file,
 * or a file's whole text where the mistake is that it is not JSON at all.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Op = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

interface BrokenCase {
  patches?: Record<string, Op[]>;
  text?: Record<string, string>;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Applies one JSON Patch operation in place; a path that does not exist is an error in the case, not skipped. */
function apply(doc: unknown, op: Op): void {
  const keys = op.path.split('/').slice(1).map(unescape);
  const last = keys.pop();
  if (last === undefined) throw new Error(`${op.op} ${op.path}: the root cannot be patched`);
  let at = doc as Record<string, unknown> | unknown[];
  for (const k of keys) {
    const next = (at as Record<string, unknown>)[k];
    if (typeof next !== 'object' || next === null) throw new Error(`${op.op} ${op.path}: no "${k}"`);
    at = next as Record<string, unknown> | unknown[];
  }
  if (Array.isArray(at)) {
    const i = last === '-' ? at.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > at.length) throw new Error(`${op.op} ${op.path}: bad index`);
    if (op.op === 'add') at.splice(i, 0, op.value);
    else if (i >= at.length) throw new Error(`${op.op} ${op.path}: no element ${i}`);
    else if (op.op === 'remove') at.splice(i, 1);
    else at[i] = op.value;
    return;
  }
  if (op.op !== 'add' && !Object.hasOwn(at, last)) throw new Error(`${op.op} ${op.path}: no "${last}"`);
  if (op.op === 'remove') delete at[last];
  else at[last] = op.value;
}

/** Writes the valid fixture with the named case's mistake into a new folder, and returns its path. */
export function brokenFixture(name: string): string {
  const broken = JSON.parse(readFileSync(join(FIXTURES, 'broken', `${name}.json`), 'utf8')) as BrokenCase;
  const dir = mkdtempSync(join(tmpdir(), `flows-${name}-`));
  cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
  for (const [file, ops] of Object.entries(broken.patches ?? {})) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    for (const op of ops) apply(doc, op);
    writeFileSync(join(dir, file), `${JSON.stringify(doc, null, 2)}\n`);
  }
  for (const [file, text] of Object.entries(broken.text ?? {})) writeFileSync(join(dir, file), text);
  return dir;
}
