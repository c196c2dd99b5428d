/**
 * The session runner without a browser: a history that behaves like the browser's (Back and Forward arrive
 * later, as popstate does), flows from the test fixtures, and a store that can be made to fail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Route } from '../../src/router.ts';
import { readEntry } from '../../src/session/read-entry.ts';
import type { EntryState } from '../../src/session/entry.ts';
import type { SessionRecord } from '../../src/session/record.ts';
import { createSessionRunner } from '../../src/session/runner.ts';
import type { FlowSource, SessionRunner, SessionView } from '../../src/session/runner.ts';
import { FakeHistory, flowSource, settle } from '../support/fake-browser.ts';
import { loadChecked, withChoicesLeadingTo, withoutNode } from '../support/flows.ts';

const { flows: ALL } = loadChecked('valid');

/** Sessions in memory; `failing` makes every call reject, as a broken IndexedDB would. */
class FakeStore {
  records = new Map<string, SessionRecord>();
  saves = 0;
  failing = false;
  save = async (record: SessionRecord) => {
    this.saves++;
    if (this.failing) throw new Error('disk error');
    this.records.set(record.id, structuredClone(record));
  };
  get = async (id: string) => {
    if (this.failing) throw new Error('disk error');
    return this.records.get(id);
  };
}

const flowRoute = (flow: string, node?: string): Route =>
  node ? { name: 'flow', flow, node } : { name: 'flow', flow };

let clock = 1_000;
let ids = 0;
const running: SessionRunner[] = [];

function run(history: FakeHistory, store = new FakeStore(), source = flowSource().source) {
  const runner = createSessionRunner({
    flows: source,
    history,
    store,
    now: () => ++clock,
    newId: () => `session-${++ids}`,
  });
  running.push(runner);
  runner.start();
  return { runner, store, view: () => runner.view.get() };
}

/** The step on screen as flow/node, or the kind of view. */
function where(view: SessionView): string {
  return view.kind === 'step' ? `${view.step.flowId}/${view.step.node.id}` : view.kind;
}

afterEach(() => {
  for (const r of running.splice(0)) r.stop();
});

describe('the session runner', () => {
  it('starts a session at the flow route, keeps it in the history entry and saves it', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: { code: '0xC004F074' } });
    const { view, store } = run(history);
    expect(view().kind).toBe('loading');
    await settle();
    expect(where(view())).toBe('main/start');
    const entry = readEntry(history.current().state);
    expect(entry?.sessionId).toBe(`session-${ids}`);
    expect(entry?.code).toBe('0xC004F074');
    const saved = store.records.get(entry!.sessionId);
    expect(saved).toMatchObject({ flow: 'main', status: 'active', code: '0xC004F074' });
  });

  it('a link to a step that routes on an earlier answer asks that answer first, and says why', async () => {
    // main/count's thresholds depend on the answer at main/edition: a fresh link cannot route on it.
    const history = new FakeHistory({ route: flowRoute('main', 'count'), state: null });
    const { runner, view } = run(history);
    await settle();
    expect(where(view())).toBe('main/edition');
    expect(view()).toMatchObject({ notice: { kind: 'asks-first' } });
    // The address names the step on screen.
    expect(history.current().route).toEqual(flowRoute('main', 'edition'));
    expect(runner.answer('client')).toBe(true);
    expect(where(view())).toBe('main/count');
    expect(view()).not.toHaveProperty('notice');
    // 24 is low for a client, as the edition answered says.
    expect(runner.answer(24)).toBe(true);
    expect(where(view())).toBe('main/low');
  });

  it('opens a deep link at its node, and says which part of a bad link is unknown', async () => {
    const atNode = run(new FakeHistory({ route: flowRoute('main', 'edition'), state: null }));
    const noNode = run(new FakeHistory({ route: flowRoute('main', 'nowhere'), state: null }));
    const noFlow = run(new FakeHistory({ route: flowRoute('nothing'), state: null }));
    // Names every plain object has are no flows either.
    const proto = run(new FakeHistory({ route: flowRoute('constructor'), state: null }));
    await settle();
    expect(where(atNode.view())).toBe('main/edition');
    expect(noNode.view()).toMatchObject({ kind: 'missing', reason: 'unknown-node', node: 'nowhere' });
    expect(noFlow.view()).toMatchObject({ kind: 'missing', reason: 'unknown-flow', flow: 'nothing' });
    expect(proto.view()).toMatchObject({ kind: 'missing', reason: 'unknown-flow', flow: 'constructor' });
  });

  it('moves forward with each answer, one history entry per step, and refuses answers a step does not take', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, view, store } = run(history);
    await settle();
    expect(runner.answer('maybe')).toBe(false);
    expect(runner.answer('yes')).toBe(true);
    expect(runner.answer('client')).toBe(true);
    expect(where(view())).toBe('main/count');
    expect(history.entries.map((e) => (e.route.name === 'flow' ? e.route.node : ''))).toEqual([
      undefined,
      'edition',
      'count',
    ]);
    expect(readEntry(history.current().state)?.depth).toBe(2);
    runner.answer(30);
    expect(where(view())).toBe('main/ok');
    await settle();
    const [saved] = store.records.values();
    expect(saved?.state.trail.map((s) => s.answer)).toEqual(['yes', 'client', 30, undefined]);
    expect(saved?.state.trail[0]?.at).toBeGreaterThan(0);
  });

  it('goes Back through the browser history, so Forward returns to the later step', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, view, store } = run(history);
    await settle();
    runner.answer('yes');
    runner.answer('server');
    runner.back();
    expect(where(view())).toBe('main/count'); // the browser has not moved yet
    await settle();
    expect(where(view())).toBe('main/edition');
    expect(history.index).toBe(1);
    const sid = readEntry(history.current().state)!.sessionId;
    expect(store.records.get(sid)?.state.trail).toHaveLength(2); // the saved copy follows Back
    history.forward();
    await settle();
    expect(where(view())).toBe('main/count');
    expect(store.records.get(sid)?.state.trail).toHaveLength(3);
  });

  it('goes back within the session when the tab has no earlier entry (a resumed session)', async () => {
    const first = new FakeHistory({ route: flowRoute('main'), state: null });
    const a = run(first);
    await settle();
    a.runner.answer('yes');
    a.runner.answer('client');
    const resumed: EntryState = { ...readEntry(first.current().state)!, depth: 0 };
    const history = new FakeHistory({ route: flowRoute('main', 'count'), state: resumed });
    const { runner, view } = run(history, a.store);
    await settle();
    expect(where(view())).toBe('main/count');
    runner.back();
    expect(where(view())).toBe('main/edition');
    expect(history.entries).toHaveLength(1); // replaced, not pushed: nothing to go Forward to
    runner.jumpTo(0);
    expect(where(view())).toBe('main/start');
    runner.answer('no');
    runner.restart();
    expect(where(view())).toBe('main/start');
    expect(view().kind === 'step' && view()).toMatchObject({
      entry: { state: { trail: [{ node: 'start' }] } },
    });
  });

  it('Start over and a jump back offer Undo, which brings back every answer; the next step or Back ends the offer', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, view, store } = run(history);
    await settle();
    runner.answer('yes');
    runner.answer('client');
    expect(where(view())).toBe('main/count');
    const stateOf = (v: SessionView) => (v.kind === 'step' ? v.entry.state : undefined);
    const answered = stateOf(view());
    runner.restart();
    expect(where(view())).toBe('main/start');
    expect(view()).toMatchObject({ notice: { kind: 'undo', answers: 2 } });
    runner.undo();
    expect(where(view())).toBe('main/count');
    expect(stateOf(view())).toEqual(answered);
    expect(view()).not.toHaveProperty('notice');
    await settle();
    const sid = readEntry(history.current().state)!.sessionId;
    expect(store.records.get(sid)?.state).toEqual(answered); // the saved copy has the answers back
    // A jump to the first step sets one answer aside; answering there ends the offer.
    runner.jumpTo(1);
    expect(view()).toMatchObject({ notice: { kind: 'undo', answers: 1 } });
    runner.answer('client');
    expect(view()).not.toHaveProperty('notice');
    runner.undo(); // nothing to undo any more
    expect(where(view())).toBe('main/count');
    // The browser's Back off the step Undo was offered on ends the offer too.
    runner.restart();
    history.back();
    await settle();
    expect(where(view())).toBe('main/count');
    expect(view()).not.toHaveProperty('notice');
  });

  it('resumes the same step and session after a reload', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const before = run(history);
    await settle();
    before.runner.answer('no');
    before.runner.answer('yes');
    const sid = readEntry(history.current().state)!.sessionId;
    before.runner.stop();
    const after = run(history, before.store);
    await settle();
    expect(where(after.view())).toBe('main/ok');
    const v = after.view();
    expect(v.kind === 'step' && v.entry.sessionId).toBe(sid);
    expect(v.kind === 'step' && v.entry.state.trail.map((s) => s.answer)).toEqual(['no', 'yes', undefined]);
  });

  it('resumes a step from a history entry written before an update renamed its fields', async () => {
    const old = {
      sid: 'from-before',
      t0: 500,
      depth: 1,
      code: '0xC004F074',
      s: {
        v: 1,
        trail: [
          { flow: 'main', node: 'start', answer: 'yes', at: 600 },
          { flow: 'main', node: 'edition' },
        ],
      },
    };
    const history = new FakeHistory({ route: flowRoute('main', 'edition'), state: old });
    const { view, store } = run(history);
    await settle();
    expect(where(view())).toBe('main/edition');
    expect(store.records.get('from-before')).toMatchObject({ code: '0xC004F074', startedAt: 500 });
  });

  it('keeps facts from pasted output in the session: in the history entry, the saved record and after a reload', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, view, store } = run(history);
    await settle();
    runner.addFacts({
      kmsHost: { value: 'kms01.contoso.com', line: 'KMS machine name from DNS: kms01.contoso.com:1688' },
    });
    runner.answer('yes');
    const shown = view();
    expect(shown.kind === 'step' && shown.entry.facts?.kmsHost?.value).toBe('kms01.contoso.com');
    await settle();
    const sid = readEntry(history.current().state)!.sessionId;
    expect(store.records.get(sid)?.facts?.kmsHost?.line).toMatch(/KMS machine name from DNS/);
    runner.stop();
    const again = run(history, store);
    await settle();
    const v = again.view();
    expect(v.kind === 'step' && v.entry.facts?.kmsHost?.value).toBe('kms01.contoso.com');
  });

  it('keeps the step each fact was read at, and marks facts past a step gone back to as from a branch left', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, view, store } = run(history);
    await settle();
    runner.answer('yes'); // at edition, step 2 of the trail (index 1)
    runner.addFacts({ kmsHost: { value: 'kms01.contoso.com', line: 'KMS machine name: kms01.contoso.com' } });
    runner.answer('client'); // at count, index 2
    runner.addFacts({ tcpTestSucceeded: { value: false, line: 'TcpTestSucceeded : False' } });
    const facts = () => {
      const v = view();
      return v.kind === 'step' ? v.entry.facts : undefined;
    };
    expect(facts()).toMatchObject({ kmsHost: { step: 1 }, tcpTestSucceeded: { step: 2 } });
    runner.jumpTo(1);
    // Still there, so the steps propose what they did; marked, so the ticket leaves it out.
    expect(facts()?.tcpTestSucceeded).toEqual({
      value: false,
      line: 'TcpTestSucceeded : False',
      step: 2,
      left: true,
    });
    expect(facts()?.kmsHost).toEqual({
      value: 'kms01.contoso.com',
      line: 'KMS machine name: kms01.contoso.com',
      step: 1,
    });
    await settle();
    const sid = readEntry(history.current().state)!.sessionId;
    expect(store.records.get(sid)?.facts?.tcpTestSucceeded?.left).toBe(true);
    // Read again on the new path, it counts again.
    runner.answer('client');
    runner.addFacts({ tcpTestSucceeded: { value: false, line: 'TcpTestSucceeded : False' } });
    expect(facts()?.tcpTestSucceeded).toEqual({ value: false, line: 'TcpTestSucceeded : False', step: 2 });
    // Start over sets it aside again; Undo brings the path and its facts back, with one read since on top.
    runner.restart();
    expect(facts()?.tcpTestSucceeded?.left).toBe(true);
    runner.addFacts({ kmsPort: { value: 1688, line: 'KMS port: 1688' } });
    runner.undo();
    expect(facts()).toEqual({
      kmsHost: { value: 'kms01.contoso.com', line: 'KMS machine name: kms01.contoso.com', step: 1 },
      tcpTestSucceeded: { value: false, line: 'TcpTestSucceeded : False', step: 2 },
      kmsPort: { value: 1688, line: 'KMS port: 1688', step: 0 },
    });
  });

  it('checks facts a history entry or a screen hands over, keeps the good ones and says when some were left out', async () => {
    const history = new FakeHistory({
      route: flowRoute('main'),
      state: {
        facts: {
          kmsHost: { value: 'kms01 & net user eve x /add & rem', line: 'l' },
          kmsPort: { value: 1688, line: 'Registered KMS machine name: kms01:1688' },
        },
      },
    });
    let dropped = 0;
    const runner = createSessionRunner({
      flows: flowSource().source,
      history,
      store: new FakeStore(),
      now: () => ++clock,
      newId: () => `session-${++ids}`,
      onFactsDropped: () => dropped++,
    });
    running.push(runner);
    runner.start();
    await settle();
    const first = runner.view.get();
    expect(first.kind === 'step' && first.entry.facts).toEqual({
      kmsPort: { value: 1688, line: 'Registered KMS machine name: kms01:1688' },
    });
    expect(dropped).toBe(1);
    runner.addFacts({ name: { value: 'W'.repeat(100_000), line: 'Name: W' } });
    const after = runner.view.get();
    expect(after.kind === 'step' && after.entry.facts?.name).toBeUndefined();
    expect(dropped).toBe(2);
  });

  it('keeps a session read-only when the flow changed under it, and says how', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, store } = run(history);
    await settle();
    runner.answer('yes');
    runner.answer('client');
    runner.stop();
    await settle();
    const changed = withChoicesLeadingTo(ALL, 'main', 'edition', 'low');
    const after = run(history, store, flowSource(changed).source);
    await settle();
    expect(after.view()).toMatchObject({ kind: 'stale', problem: { code: 'changed-flow', step: 3 } });
    const sid = readEntry(history.current().state)!.sessionId;
    expect(store.records.get(sid)?.stale).toMatch(/step 3/);

    const again = run(history, store, flowSource(withoutNode(ALL, 'main', 'count')).source);
    await settle();
    expect(again.view()).toMatchObject({ kind: 'stale', problem: { code: 'unknown-node' } });
  });

  it('tells a flow that cannot be loaded now from one this version no longer has', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, store } = run(history);
    await settle();
    runner.answer('yes');
    runner.stop();
    const offline = run(history, store, flowSource(ALL, { unreachable: true }).source);
    await settle();
    expect(offline.view()).toMatchObject({ kind: 'missing', reason: 'unavailable' });
    offline.runner.stop();
    const removed = run(history, store, flowSource(ALL, { gone: ['main'] }).source);
    await settle();
    expect(removed.view()).toMatchObject({ kind: 'stale', problem: { code: 'unknown-flow' } });
  });

  it('keeps working when storage fails: every step still shows, nothing throws', async () => {
    const store = new FakeStore();
    store.failing = true;
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, view } = run(history, store);
    await settle();
    expect(where(view())).toBe('main/start');
    runner.answer('no');
    runner.answer('yes');
    runner.back();
    await settle();
    expect(where(view())).toBe('main/run-cmd');
    expect(store.saves).toBeGreaterThanOrEqual(3);
    expect(store.records.size).toBe(0);
    // A changed flow with a store that cannot be read: still shown as read-only.
    runner.stop();
    const after = run(history, store, flowSource(withoutNode(ALL, 'main', 'run-cmd')).source);
    await settle();
    expect(after.view().kind).toBe('stale');
  });

  it('answers into a linked flow once it has loaded', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    // Only the asked flow loads: the one a link leads to comes with the next load.
    const { source, loads } = flowSource();
    const lazy: FlowSource = {
      load: async (ids) => {
        const all = await source.load(ids);
        return Object.fromEntries(Object.entries(all).filter(([id]) => ids.includes(id)));
      },
      exists: source.exists,
    };
    const { runner, view } = run(history, new FakeStore(), lazy);
    await settle();
    runner.answer('no');
    expect(runner.answer('no')).toBe(true); // leads into "other", not loaded yet
    expect(where(view())).toBe('main/run-cmd');
    await settle();
    expect(loads.length).toBeGreaterThan(1);
    expect(where(view())).toBe('other/start');
  });

  it('follows links clicked in the page, and drops what arrives after it stopped', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    const { runner, view } = run(history);
    await settle();
    history.visit(flowRoute('other'));
    await settle();
    expect(where(view())).toBe('other/start');
    runner.stop();
    history.visit(flowRoute('main', 'count'));
    await settle();
    expect(where(view())).toBe('other/start');
  });

  it('shows the newest navigation when an older one is still loading', async () => {
    const history = new FakeHistory({ route: flowRoute('main'), state: null });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { source } = flowSource();
    const slowMain: FlowSource = {
      load: async (ids) => {
        if (ids.includes('main') && ids.length === 1) await gate;
        return source.load(ids);
      },
      exists: source.exists,
    };
    const { view } = run(history, new FakeStore(), slowMain);
    history.visit(flowRoute('other'));
    await settle();
    expect(where(view())).toBe('other/start');
    release();
    await settle();
    expect(where(view())).toBe('other/start');
  });
});
