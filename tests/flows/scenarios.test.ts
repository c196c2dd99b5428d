/**
 * Real-world cases, each walked through the engine over the real flows: a flow edit that sends one of them
 * somewhere else fails here, naming the case.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer, current, start } from '../../src/flow/engine.ts';
import type { EngineState } from '../../src/flow/engine.ts';
import { loadChecked } from '../support/flows.ts';
import type { Scenario } from './scenarios/types.ts';

const { flows, catalog } = loadChecked('flows');

const files = readdirSync(new URL('./scenarios/', import.meta.url)).filter(
  (f) => f.endsWith('.ts') && f !== 'types.ts',
);
const scenarios: Scenario[] = (
  await Promise.all(files.map(async (f) => (await import(`./scenarios/${f}`)) as { scenarios: Scenario[] }))
).flatMap((m) => m.scenarios);

const at = (state: EngineState) => {
  const cur = current(flows, state);
  if (!cur.ok) throw new Error(cur.error.message);
  return `${cur.value.flowId}/${cur.value.node.id}`;
};

/** Walks a scenario; returns every step it stood on, or throws naming the answer that was refused. */
function walk(s: Scenario): string[] {
  let where: { flow: string; node?: string };
  if ('code' in s.start) {
    const code = s.start.code;
    const entry = catalog.codes.find((c) => c.code === code);
    if (!entry) throw new Error(`${code} is not in the catalog`);
    where = { flow: entry.flow, node: entry.node };
  } else where = s.start;
  const begun = start(flows, where.flow, where.node);
  if (!begun.ok) throw new Error(begun.error.message);
  let state = begun.value;
  const path = [at(state)];
  for (const [i, a] of s.answers.entries()) {
    const next = answer(flows, state, a);
    if (!next.ok) throw new Error(`answer ${i + 1} (${String(a)}) at ${path.at(-1)}: ${next.error.message}`);
    state = next.value;
    path.push(at(state));
  }
  return path;
}

describe('real-world scenarios', () => {
  it('are at least 40, with unique names, and cover every flow', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
    const visited = new Set(scenarios.flatMap((s) => walk(s).map((p) => p.split('/')[0])));
    for (const flow of Object.keys(flows))
      expect(visited, `no scenario goes through ${flow}`).toContain(flow);
  });
  for (const s of scenarios)
    it(`${s.name}: ${s.situation}`, () => {
      const path = walk(s);
      expect(path.at(-1)).toBe(s.ends);
      for (const p of s.passes ?? []) expect(path, `passes ${p}`).toContain(p);
    });
});
