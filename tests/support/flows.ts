/** Test helpers: load a flows directory through the real loader and checker. */
import { fileURLToPath } from 'node:url';
import { checkAll } from '../../src/flow-format/check.ts';
import type { CheckResult } from '../../src/flow-format/check.ts';
import type { FlowMap } from '../../src/flow/engine.ts';
import { readFlowDir } from '../../src/cli/read-flow-dir.ts';

/** The absolute path of a fixture directory, or of the real flows with 'flows'. */
export function flowsDir(name: string): string {
  return fileURLToPath(new URL(name === 'flows' ? '../../flows' : `../fixtures/${name}`, import.meta.url));
}

/** Loads and checks a flows directory; throws if it has problems. */
export function loadChecked(name: string): Required<CheckResult> {
  const { flows, catalog, sources, organization } = readFlowDir(flowsDir(name));
  const result = checkAll(flows, catalog, sources, organization);
  if (result.problems.length || !result.catalog)
    throw new Error(`${name} has problems: ${JSON.stringify(result.problems, null, 2)}`);
  return result as Required<CheckResult>;
}

/** The flows with every choice of one node leading to `next` instead: a flow that changed under a saved session. */
export function withChoicesLeadingTo(flows: FlowMap, flowId: string, nodeId: string, next: string): FlowMap {
  const flow = flows[flowId]!;
  const nodes = flow.nodes.map((n) =>
    n.id === nodeId && n.kind === 'choice' ? { ...n, choices: n.choices.map((c) => ({ ...c, next })) } : n,
  );
  return { ...flows, [flowId]: { ...flow, nodes } };
}

/** The flows with one node removed. */
export function withoutNode(flows: FlowMap, flowId: string, nodeId: string): FlowMap {
  const flow = flows[flowId]!;
  return { ...flows, [flowId]: { ...flow, nodes: flow.nodes.filter((n) => n.id !== nodeId) } };
}
