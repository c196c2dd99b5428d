import { describe, expect, it } from 'vitest';
import {
  answer,
  answersFor,
  back,
  backTo,
  current,
  entryStep,
  parseState,
  restart,
  restore,
  returnNote,
  serialize,
  start,
} from '../../src/flow/engine.ts';
import type { Answer, EngineState, FlowMap } from '../../src/flow/engine.ts';
import { loadChecked, withChoicesLeadingTo, withoutNode } from '../support/flows.ts';

const { flows } = loadChecked('valid');

function walk(flowId: string, answers: Answer[], from?: string): EngineState {
  const begun = start(flows, flowId, from);
  if (!begun.ok) throw new Error(begun.error.message);
  return answers.reduce((state, a) => {
    const next = answer(flows, state, a, 1000);
    if (!next.ok) throw new Error(next.error.message);
    return next.value;
  }, begun.value);
}
const here = (state: EngineState) => {
  const cur = current(flows, state);
  if (!cur.ok) throw new Error(cur.error.message);
  return `${cur.value.flowId}/${cur.value.node.id}:${cur.value.status}`;
};

describe('engine: node kinds', () => {
  it('starts at the flow start', () => {
    expect(here(walk('main', []))).toBe('main/start:active');
  });
  it('routes a yes/no question', () => {
    expect(here(walk('main', ['yes']))).toBe('main/edition:active');
    expect(here(walk('main', ['no']))).toBe('main/run-cmd:active');
  });
  it('routes a choice and rejects an unknown one', () => {
    expect(here(walk('main', ['yes', 'server']))).toBe('main/count:active');
    const bad = answer(flows, walk('main', ['yes']), 'desktop');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid-answer');
  });
  it('routes a number by ranges that depend on an earlier answer', () => {
    expect(here(walk('main', ['yes', 'client', 24]))).toBe('main/low:escalated');
    expect(here(walk('main', ['yes', 'client', 25]))).toBe('main/ok:active');
    expect(here(walk('main', ['yes', 'server', 4]))).toBe('main/low:escalated');
    expect(here(walk('main', ['yes', 'server', 5]))).toBe('main/ok:active');
  });
  it('uses the default route when the earlier question was never asked (deep link)', () => {
    expect(here(walk('main', [7], 'count'))).toBe('main/ok:active');
    expect(here(walk('main', [3], 'count'))).toBe('main/low:escalated');
  });
  it('rejects numbers that are not whole, negative or text', () => {
    const at = walk('main', ['yes', 'client']);
    for (const bad of [2.5, -1, '25', Number.NaN]) expect(answer(flows, at, bad).ok).toBe(false);
  });
  it('asks "did it work?" after an action', () => {
    expect(answersFor(flows.main!.nodes.find((n) => n.id === 'run-cmd')!)).toEqual(['yes', 'no']);
    expect(here(walk('main', ['no', 'yes']))).toBe('main/ok:active');
  });
  it('follows a link into another flow', () => {
    expect(here(walk('main', ['no', 'no']))).toBe('other/start:active');
  });
  it('ends a resolved outcome on "fixed" and refuses further answers', () => {
    const done = walk('main', ['no', 'yes', 'fixed']);
    expect(here(done)).toBe('main/ok:resolved');
    const more = answer(flows, done, 'failing');
    expect(more.ok).toBe(false);
    if (!more.ok) expect(more.error.code).toBe('finished');
  });
  it('leads on from a resolved outcome on "failing"', () => {
    expect(here(walk('main', ['no', 'yes', 'failing']))).toBe('main/low:escalated');
  });
  it('treats an escalate outcome as the end', () => {
    const end = walk('main', ['yes', 'client', 3]);
    const cur = current(flows, end);
    expect(cur.ok && answersFor(cur.value.node)).toEqual([]);
    expect(answer(flows, end, 'fixed').ok).toBe(false);
  });
  it('records answer times', () => {
    expect(walk('main', ['yes']).trail[0]).toEqual({ flow: 'main', node: 'start', answer: 'yes', at: 1000 });
  });
  it('reports an unknown flow or node at start, without throwing', () => {
    expect(start(flows, 'nope')).toMatchObject({ ok: false, error: { code: 'unknown-flow' } });
    expect(start(flows, 'main', 'nope')).toMatchObject({ ok: false, error: { code: 'unknown-node' } });
    expect(start(flows, 'constructor')).toMatchObject({ ok: false, error: { code: 'unknown-flow' } });
  });
});

describe('entryStep: where a session opened at a step begins', () => {
  it('a step that routes on an earlier answer begins at the step that asks it', () => {
    expect(entryStep(flows, 'main', 'count')).toEqual({ flow: 'main', node: 'edition' });
  });
  it('any other step, or a flow alone, begins where asked', () => {
    expect(entryStep(flows, 'main', 'edition')).toEqual({ flow: 'main', node: 'edition' });
    expect(entryStep(flows, 'main')).toEqual({ flow: 'main' });
    expect(entryStep(flows, 'nothing', 'x')).toEqual({ flow: 'nothing', node: 'x' });
  });
});

describe('engine: back, restart', () => {
  it('goes back one step and clears that answer', () => {
    const s = back(walk('main', ['yes', 'client']));
    expect(here(s)).toBe('main/edition:active');
    expect(s.trail.at(-1)?.answer).toBeUndefined();
  });
  it('goes back across a link into the previous flow', () => {
    const s = back(walk('main', ['no', 'no']));
    expect(here(s)).toBe('main/run-cmd:active');
  });
  it('stays at the first step when there is nothing to go back to', () => {
    expect(here(back(walk('main', [])))).toBe('main/start:active');
  });
  it('jumps back to any step of the path', () => {
    expect(here(backTo(walk('main', ['yes', 'client', 30]), 1))).toBe('main/edition:active');
  });
  it('restarts at the first step of the session', () => {
    expect(restart(walk('main', ['no', 'no', 'yes'])).trail).toEqual([{ flow: 'main', node: 'start' }]);
    expect(restart(walk('main', [9], 'count')).trail).toEqual([{ flow: 'main', node: 'count' }]);
  });
});

describe('engine: saved state', () => {
  it('round-trips through JSON at every step of a walk', () => {
    const answers: Answer[] = ['yes', 'client', 25, 'failing'];
    for (let i = 0; i <= answers.length; i++) {
      const state = walk('main', answers.slice(0, i));
      const back = restore(flows, serialize(state));
      expect(back).toEqual({ ok: true, value: state });
    }
  });
  it('round-trips a finished session', () => {
    const state = walk('other', ['yes', 'fixed']);
    expect(restore(flows, JSON.parse(serialize(state)))).toEqual({ ok: true, value: state });
  });
  it('detects a flow that changed since the state was saved', () => {
    const state = walk('main', ['yes', 'client', 25]);
    const changed = withChoicesLeadingTo(flows, 'main', 'edition', 'low');
    const result = restore(changed, serialize(state));
    expect(result).toMatchObject({ ok: false, error: { code: 'changed-flow', step: 3 } });
    if (!result.ok) expect(result.error.message).toMatch(/step 3.*"main\/low".*"main\/count"/);
  });
  it('detects a node that no longer exists', () => {
    const state = walk('main', ['yes']);
    const without = withoutNode(flows, 'main', 'start');
    expect(restore(without, state)).toMatchObject({ ok: false, error: { code: 'unknown-node', step: 1 } });
  });
  it('tells a flow that is not there from a flow that changed', () => {
    const state = walk('main', ['yes']);
    const { main: _gone, ...others } = flows;
    expect(restore(others, state)).toMatchObject({ ok: false, error: { code: 'unknown-flow', step: 1 } });
  });
  it('rejects malformed states, each with the reason that fits it', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /must be an object/],
      [42, /must be an object/],
      ['{', /must be an object/],
      ['[]', /must be an object/],
      [{ v: 2, trail: [] }, /unknown state version 2/],
      [{ v: 1, trail: [] }, /non-empty trail/],
      [{ v: 1, trail: [{ flow: 'main' }] }, /step 1 has no flow and node/],
      [
        {
          v: 1,
          trail: [
            { flow: 'main', node: 'start' },
            { flow: 'main', node: 'edition' },
          ],
        },
        /step 1 has no answer/,
      ],
      [
        { v: 1, trail: [{ flow: 'main', node: 'start', answer: {} }] },
        /step 1 has an answer that is neither/,
      ],
      [{ v: 1, trail: [{ flow: 'main', node: 'start', at: 1e16 }] }, /step 1 has a bad time/],
    ];
    for (const [bad, reason] of cases) {
      const r = parseState(bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'bad-state' } });
      if (!r.ok) expect(r.error.message, JSON.stringify(bad)).toMatch(reason);
    }
  });
  it('rejects a trail that claims an answer the flow does not accept', () => {
    const forged = {
      v: 1,
      trail: [
        { flow: 'main', node: 'start', answer: 'maybe' },
        { flow: 'main', node: 'edition' },
      ],
    };
    expect(restore(flows, forged)).toMatchObject({ ok: false, error: { code: 'changed-flow', step: 1 } });
  });
});

describe('returnNote', () => {
  // "Still failing" at the fix sends the session back to the first question, and says why.
  const why = { en: 'Start again with the key you have now.', ru: 'Начните заново с нынешним ключом.' };
  const looping: FlowMap = {
    ...flows,
    main: {
      ...flows.main!,
      nodes: flows.main!.nodes.map((n) =>
        n.id === 'ok' && n.kind === 'outcome' ? { ...n, failed: 'start', returns: why } : n,
      ),
    },
  };
  const walkIn = (answers: Answer[]) =>
    answers.reduce(
      (s, a) => {
        const r = answer(looping, s, a);
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      },
      (start(looping, 'main') as { ok: true; value: EngineState }).value,
    );

  it('tells why the session is back at a step it passed, on the step it returns to', () => {
    expect(returnNote(looping, walkIn(['no', 'yes', 'failing']))).toEqual(why);
  });
  it('says nothing on the way forward, or where the step is new', () => {
    expect(returnNote(looping, walkIn(['no', 'yes']))).toBeUndefined();
    expect(returnNote(looping, walkIn(['yes']))).toBeUndefined();
  });
});
