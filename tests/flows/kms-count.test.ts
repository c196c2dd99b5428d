import { describe, it, expect } from 'vitest';
import { readFlowDir } from '../../src/cli/read-flow-dir.ts';
import { checkAll } from '../../src/flow-format/check.ts';
import { answer, current, start } from '../../src/flow/engine.ts';
import type { Answer, EngineState, FlowMap } from '../../src/flow/engine.ts';

const dir = new URL('../../flows', import.meta.url).pathname;
const { flows: files, catalog, sources, organization } = readFlowDir(dir);
const checked = checkAll(files, catalog, sources, organization);
const flows: FlowMap = checked.flows;

/** Starts kms-count, answers each step in turn, and returns the id of the node reached. */
function walk(...answers: Answer[]): string {
  const begun = start(flows, 'kms-count');
  if (!begun.ok) throw new Error(begun.error.message);
  let state: EngineState = begun.value;
  for (const a of answers) {
    const next = answer(flows, state, a);
    if (!next.ok) throw new Error(next.error.message);
    state = next.value;
  }
  const cur = current(flows, state);
  if (!cur.ok) throw new Error(cur.error.message);
  expect(cur.value.flowId).toBe('kms-count');
  return cur.value.node.id;
}

describe('kms-count flow', () => {
  it('passes the checker', () => {
    const own = checked.problems.filter((p) => p.file.endsWith('kms-count.json'));
    expect(own).toEqual([]);
    expect(flows['kms-count']).toBeDefined();
  });

  it('asks for the edition, then for the count read with slmgr /dli', () => {
    expect(walk()).toBe('start');
    expect(walk('client')).toBe('read-count');
    expect(walk('client', 'yes')).toBe('enter-count');
  });

  it('needs 25 or more for a Windows client edition', () => {
    expect(walk('client', 'yes', 0)).toBe('count-low');
    expect(walk('client', 'yes', 24)).toBe('count-low');
    expect(walk('client', 'yes', 25)).toBe('count-enough');
    expect(walk('client', 'yes', 50)).toBe('count-enough');
  });

  it('needs 5 or more for a Windows Server edition', () => {
    expect(walk('server', 'yes', 0)).toBe('count-low');
    expect(walk('server', 'yes', 4)).toBe('count-low');
    expect(walk('server', 'yes', 5)).toBe('count-enough');
    // A count enough for a server is still too low for a client.
    expect(walk('client', 'yes', 5)).toBe('count-low');
  });

  it('refuses a negative count', () => {
    expect(() => walk('client', 'yes', -1)).toThrow();
  });
});
