/** Which flows a flow leads to: a module of its own, light enough for the first screen. */
import type { Flow } from '../flow-format/schema.ts';

/** The flows a flow can lead to through links and conditions (to load them ahead). */
export function linkedFlows(flow: Flow): string[] {
  const ids = new Set<string>();
  for (const node of flow.nodes) {
    if (node.kind === 'link') ids.add(node.flow);
    if (node.kind === 'number') for (const r of node.routes) if (r.when?.flow) ids.add(r.when.flow);
  }
  return [...ids];
}
