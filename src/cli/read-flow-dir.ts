/** Reads flows/*.json, flows/catalog.json and flows/sources.json from disk for the checker, the build and the CLI (Node only). */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../flow-format/check.ts';

export const CATALOG_FILE = 'catalog.json';
export const SOURCES_FILE = 'sources.json';
export const ORGANIZATION_FILE = 'organization.json';

/** True for a file in flows/ that holds a flow (not the catalog, the sources or a schema). */
export function isFlowFile(name: string): boolean {
  return (
    name.endsWith('.json') &&
    name !== CATALOG_FILE &&
    name !== SOURCES_FILE &&
    name !== ORGANIZATION_FILE &&
    !name.endsWith('.schema.json')
  );
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
): { flows: SourceFile[]; catalog?: SourceFile; sources?: SourceFile; organization?: SourceFile } {
  const names = readdirSync(dir).sort();
  const flows = names.filter(isFlowFile).map((n) => readSource(join(dir, n), root));
  const catalog = names.includes(CATALOG_FILE) ? readSource(join(dir, CATALOG_FILE), root) : undefined;
  const sources = names.includes(SOURCES_FILE) ? readSource(join(dir, SOURCES_FILE), root) : undefined;
  const organization = names.includes(ORGANIZATION_FILE)
    ? readSource(join(dir, ORGANIZATION_FILE), root)
    : undefined;
  return { flows, catalog, sources, organization };
}
