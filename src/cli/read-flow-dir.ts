/** Reads flows/*.json and flows/catalog.json from disk for the checker, the build and the CLI (Node only). */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../engine/check.ts';

export const CATALOG_FILE = 'catalog.json';

/** True for a file in flows/ that holds a flow (not the catalog, not a schema). */
export function isFlowFile(name: string): boolean {
  return name.endsWith('.json') && name !== CATALOG_FILE && !name.endsWith('.schema.json');
}

function readSource(path: string, root: string): SourceFile {
  const shown = relative(root, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { path: shown, data: undefined, parseError: (e as Error).message };
  }
  try {
    return { path: shown, data: JSON.parse(text) as unknown };
  } catch (e) {
    return { path: shown, data: undefined, parseError: (e as Error).message };
  }
}

/** Loads every flow file and the catalog (if present) of a flows directory. */
export function readFlowDir(
  dir: string,
  root = process.cwd(),
): { flows: SourceFile[]; catalog?: SourceFile } {
  const names = readdirSync(dir).sort();
  const flows = names.filter(isFlowFile).map((n) => readSource(join(dir, n), root));
  const catalog = names.includes(CATALOG_FILE) ? readSource(join(dir, CATALOG_FILE), root) : undefined;
  return { flows, catalog };
}
