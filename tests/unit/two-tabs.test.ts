/**
 * One session open in two tabs: two runners, each with its own history and tab memory, saving through
 * two connections to the same IndexedDB, as two tabs of the app do.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Route } from '../../src/router.ts';
import { entryOf } from '../../src/session/entry.ts';
import { readEntry } from '../../src/session/read-entry.ts';
import type { SessionRecord } from '../../src/session/record.ts';
import { withEdits } from '../../src/components/SessionScreen/ticket.tsx';
import { createSessionRunner } from '../../src/session/runner.ts';
import type { SessionRunner, SessionView } from '../../src/session/runner.ts';
import { createTabMemory } from '../../src/session/tab-memory.ts';
import { openSessionStore } from '../../src/storage/session-store.ts';
import type { SessionStore } from '../../src/storage/session-store.ts';
import { FakeHistory, flowSource, settle } from '../support/fake-browser.ts';

let clock = 1_000;
let ids = 0;
const running: SessionRunner[] = [];
afterEach(() => {
  for (const r of running.splice(0)) r.stop();
});

/** sessionStorage of one tab. */
class TabStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

interface Tab {
  runner: SessionRunner;
  history: FakeHistory;
  store: SessionStore;
  storage: TabStorage;
  view: () => SessionView;
}

async function tab(idb: IDBFactory, first: { route: Route; state: unknown }, storage = new TabStorage()) {
  const store = await openSessionStore({ idb });
  const history = new FakeHistory(first);
  const runner = createSessionRunner({
    flows: flowSource().source,
    history,
    store,
    now: () => ++clock,
    newId: () => `session-${++ids}`,
    memory: createTabMemory(storage),
  });
  running.push(runner);
  runner.start();
  await settle();
  return { runner, history, store, storage, view: () => runner.view.get() } satisfies Tab;
}

const where = (view: SessionView) =>
  view.kind === 'step' ? `${view.step.flowId}/${view.step.node.id}` : view.kind;
const idOf = (t: Tab) => readEntry(t.history.current().state)!.sessionId;

/** Opens a saved session in a new tab, as History's Resume does. */
function resumed(record: SessionRecord) {
  const last = record.state.trail[record.state.trail.length - 1]!;
  return { route: { name: 'flow', flow: last.flow, node: last.node } as Route, state: entryOf(record) };
}

async function twoTabsOnOneSession() {
  const idb = new IDBFactory();
  const a = await tab(idb, { route: { name: 'flow', flow: 'main' }, state: null });
  a.runner.answer('yes');
  await settle();
  const id = idOf(a);
  const b = await tab(idb, resumed((await a.store.get(id))!));
  expect(where(b.view())).toBe('main/edition');
  return { idb, a, b, id };
}

describe('one session in two tabs', () => {
  it("keeps the first tab's resolved outcome when the second tab goes on, and keeps the second's steps as a copy", async () => {
    const { a, b, id } = await twoTabsOnOneSession();
    a.runner.answer('client');
    a.runner.answer(30);
    a.runner.answer('fixed');
    await settle();
    expect(where(a.view())).toBe('main/ok');
    expect((await a.store.get(id))?.status).toBe('resolved');

    // The second tab, still at the edition question, answers differently.
    b.runner.answer('server');
    await settle();
    const original = await b.store.get(id);
    expect(original?.status).toBe('resolved');
    expect(original?.state.trail.map((s) => s.answer)).toEqual(['yes', 'client', 30, 'fixed']);

    const v = b.view();
    expect(v.kind === 'step' && v.notice).toEqual({ kind: 'copied', from: id });
    const copy = idOf(b);
    expect(copy).not.toBe(id);
    const saved = await b.store.get(copy);
    expect(saved?.state.trail.map((s) => [s.node, s.answer])).toEqual([
      ['start', 'yes'],
      ['edition', 'server'],
      ['count', undefined],
    ]);
    expect((await b.store.list()).map((r) => r.id).sort()).toEqual([copy, id].sort());

    // The second tab's next step goes to its copy, quietly; the original stays as the first tab left it.
    b.runner.answer(10);
    await settle();
    expect(idOf(b)).toBe(copy);
    expect((await b.store.get(copy))?.state.trail).toHaveLength(4);
    expect((await b.store.list()).length).toBe(2);
    expect((await b.store.get(id))?.status).toBe('resolved');
  });

  it("opens the other tab's version on request", async () => {
    const { a, b, id } = await twoTabsOnOneSession();
    a.runner.answer('client');
    await settle();
    b.runner.answer('server');
    await settle();
    await b.runner.openOther();
    await settle();
    expect(idOf(b)).toBe(id);
    expect(where(b.view())).toBe('main/count');
    const v = b.view();
    expect(v.kind === 'step' && v.entry.state.trail.map((s) => s.answer)).toEqual([
      'yes',
      'client',
      undefined,
    ]);
  });

  it('does not bring back a session deleted in the other tab, unless asked', async () => {
    const { a, b, id } = await twoTabsOnOneSession();
    await a.store.clear();
    b.runner.answer('client');
    await settle();
    expect(await b.store.get(id)).toBeUndefined();
    expect(await b.store.list()).toEqual([]);
    const v = b.view();
    expect(v.kind === 'step' && v.notice).toEqual({ kind: 'deleted' });
    // Further steps stay unsaved too.
    b.runner.answer(30);
    b.runner.answer('fixed');
    await settle();
    expect(await b.store.list()).toEqual([]);

    b.runner.saveAgain();
    await settle();
    const back = await b.store.get(id);
    expect(back?.status).toBe('resolved');
    expect(b.view().kind === 'step' && (b.view() as { notice?: unknown }).notice).toBeUndefined();
  });

  it('never calls its own quick steps, a reload or going back a conflict', async () => {
    const idb = new IDBFactory();
    const storage = new TabStorage();
    const a = await tab(idb, { route: { name: 'flow', flow: 'main' }, state: null }, storage);
    // Three answers at once: three saves in flight together.
    a.runner.answer('yes');
    a.runner.answer('client');
    a.runner.answer(30);
    a.runner.answer('fixed');
    await settle();
    const id = idOf(a);
    expect((await a.store.get(id))?.status).toBe('resolved');
    a.runner.back();
    await settle();
    a.runner.back();
    await settle();
    expect(where(a.view())).toBe('main/count');
    // A reload: the same tab memory, a new page.
    a.runner.stop();
    const again = await tab(idb, a.history.current(), storage);
    again.runner.answer(10);
    await settle();
    expect(idOf(again)).toBe(id);
    const v = again.view();
    expect(v.kind === 'step' && v.notice).toBeUndefined();
    expect((await again.store.list()).map((r) => r.id)).toEqual([id]);
  });

  it('lets the first of two duplicated tabs save, and keeps the other one as a copy', async () => {
    const idb = new IDBFactory();
    const storage = new TabStorage();
    const a = await tab(idb, { route: { name: 'flow', flow: 'main' }, state: null }, storage);
    a.runner.answer('yes');
    await settle();
    const id = idOf(a);
    // Duplicating a tab copies its history entry and its sessionStorage.
    const copyOf = new TabStorage();
    copyOf.items = new Map(storage.items);
    const b = await tab(idb, a.history.current(), copyOf);
    a.runner.answer('client');
    await settle();
    b.runner.answer('server');
    await settle();
    expect(idOf(a)).toBe(id);
    expect(idOf(b)).not.toBe(id);
    expect((await a.store.get(id))?.state.trail[1]?.answer).toBe('client');
    expect((await a.store.get(idOf(b)))?.state.trail[1]?.answer).toBe('server');
  });
});

describe('guarded saves in the store', () => {
  it('writes over the revision seen, and tells of a newer one or a deletion', async () => {
    const idb = new IDBFactory();
    const one = await openSessionStore({ idb });
    const two = await openSessionStore({ idb });
    const record: SessionRecord = {
      schema: 2,
      id: 's',
      flow: 'main',
      state: { v: 1, trail: [{ flow: 'main', node: 'start' }] },
      status: 'active',
      startedAt: 1,
      updatedAt: 2,
    };
    expect(await one.save(record, 0)).toBe('saved');
    expect((await two.get('s'))?.rev).toBe(1);
    expect(await two.save(record, 1)).toBe('saved');
    expect(await one.save({ ...record, status: 'resolved' }, 1)).toBe('changed');
    expect((await one.get('s'))?.status).toBe('active');
    await two.remove('s');
    expect(await one.save(record, 2)).toBe('deleted');
    expect(await one.get('s')).toBeUndefined();
    // Unguarded saves write as before.
    expect(await one.save(record)).toBe('saved');
  });

  it('keeps the label and notes written on the session screen when the runner saves the next step', async () => {
    const { a, id } = await twoTabsOnOneSession();
    const stored = (await a.store.get(id))!;
    // The session screen writes them without a revision, as the user types.
    await a.store.save({
      ...stored,
      label: 'PC-0042 / INC123',
      notes: { 0: 'both clocks read', 1: 'edition?' },
    });
    a.runner.answer('client');
    await settle();
    const after = (await a.store.get(id))!;
    expect(after.state.trail.map((s) => s.answer)).toEqual(['yes', 'client', undefined]);
    expect(after.label).toBe('PC-0042 / INC123');
    expect(after.notes).toEqual({ 0: 'both clocks read', 1: 'edition?' });
    // Going back and choosing otherwise keeps the notes of the steps that are still the same.
    a.runner.restart();
    await settle();
    expect((await a.store.get(id))!.notes).toEqual({ 0: 'both clocks read' });
  });

  it("a label and a note added in one tab while the other takes a step keep both, and the step's revision", async () => {
    const { a, b, id } = await twoTabsOnOneSession();
    const before = (await a.store.get(id))!;
    // The note's write starts while the other tab's step is being saved.
    a.runner.answer('client');
    const noted = b.store.update(id, (stored) =>
      withEdits(stored, { label: 'PC-042', notes: { 0: 'checked the clock' } }),
    );
    await settle();
    expect(await noted).toBe('saved');
    const stored = (await b.store.get(id))!;
    expect(stored.state.trail.map((s) => s.answer)).toEqual(['yes', 'client', undefined]);
    expect(stored.label).toBe('PC-042');
    expect(stored.notes).toEqual({ 0: 'checked the clock' });
    // A note is not a step: the revision is the step's, so the first tab goes on without a conflict.
    expect(stored.rev).toBe((before.rev ?? 0) + 1);
    a.runner.answer(30);
    await settle();
    const v = a.view();
    expect(v.kind === 'step' && v.notice).toBeFalsy();
    expect((await a.store.get(id))?.label).toBe('PC-042');
  });

  it('a note for a session deleted meanwhile is not written', async () => {
    const { a, b, id } = await twoTabsOnOneSession();
    await a.store.remove(id);
    expect(await b.store.update(id, (stored) => withEdits(stored, { notes: { 0: 'late' } }))).toBe('deleted');
    expect(await b.store.get(id)).toBeUndefined();
  });
});

describe('a session at the largest revision', () => {
  it('keeps saving every step under its own id, and stays readable', async () => {
    const idb = new IDBFactory();
    const a = await tab(idb, { route: { name: 'flow', flow: 'main' }, state: null });
    a.runner.answer('yes');
    await settle();
    const id = idOf(a);
    // A record that reached the largest revision (a long life, or a damaged counter) must not stop saving.
    const top = { ...(await a.store.get(id))!, rev: Number.MAX_SAFE_INTEGER };
    expect(await a.store.save(top)).toBe('saved');
    const b = await tab(idb, resumed((await a.store.get(id))!));
    const steps = (await b.store.get(id))!.state.trail.length;
    for (const [step, answer] of [
      [1, 'client'],
      [2, 30],
    ] as const) {
      expect(b.view().kind).toBe('step');
      b.runner.answer(answer);
      await settle();
      const stored = await b.store.get(id);
      expect(stored, `step ${step}`).toBeDefined();
      expect(stored!.state.trail).toHaveLength(steps + step);
      expect(idOf(b)).toBe(id);
    }
  });
});
