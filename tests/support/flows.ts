/** Test helpers: load a flows directory through the real loader and checker. */
import { fileURLToPath } from 'node:url';
import { checkAll } from '../../src/engine/check.ts';
import type { CheckResult } from '../../src/engine/check.ts';
import { loadFlowDir } from '../../src/cli/load-flows.ts';

/** The absolute path of a fixture directory, or of the real flows with 'flows'. */
export function flowsDir(name: string): string {
  return fileURLToPath(new URL(name === 'flows' ? '../../flows' : `../fixtures/${name}`, import.meta.url));
}

/** Loads and checks a flows directory; throws if it has problems. */
export function loadChecked(name: string): Required<CheckResult> {
  const { flows, catalog } = loadFlowDir(flowsDir(name));
  const result = checkAll(flows, catalog);
  if (result.problems.length || !result.catalog)
    throw new Error(`${name} has problems: ${JSON.stringify(result.problems, null, 2)}`);
  return result as Required<CheckResult>;
}
