/**
 * Runs one troubleshooting session: the pure engine, driven by answers and by the browser's history,
 * with every step saved. Plain TypeScript with its surroundings passed in (flows, history, store), so it
 * runs and is tested in Node; the UI only subscribes to `view` and calls the actions.
 */
import {
  answer as engineAnswer,
  back as engineBack,
  backTo,
  current,
  entryStep,
  linkedFlows,
  restart as engineRestart,
  restore,
  start,
} from '../flow/engine.ts';
import type { Answer, CurrentStep, EngineError, EngineState, FlowMap } from '../flow/engine.ts';
import { leaveBranch, readAt } from '../flow/facts.ts';
import type { KnownFacts } from '../flow/facts.ts';
import { observable } from '../observable.ts';
import type { Observable } from '../observable.ts';
import type { Route } from '../router.ts';
import { entryOf, recordOf } from './entry.ts';
import { readEntry, readStart } from './read-entry.ts';
import { readFacts } from './record.ts';
import type { EntryState } from './entry.ts';
import { nextRevision } from './record.ts';
import type { SaveResult, SessionRecord } from './record.ts';
import { createTabMemory } from './tab-memory.ts';
import type { TabMemory } from './tab-memory.ts';

/**
 * Said over a step when another tab got to its session first. 'copied': that tab saved steps this one had
 * not seen, so this tab's steps went on as a new session (`from` is the other); 'deleted': the session was
 * deleted, and steps here are not saved until the user asks.
 */
export type SessionNotice =
  | { kind: 'copied'; from: string }
  | { kind: 'deleted' }
  /** The link asked for a step that routes on this step's answer: this one comes first. */
  | { kind: 'asks-first' }
  /** Start over or a step of the trail set `answers` answers aside; Undo brings back `state`. */
  | { kind: 'undo'; answers: number; state: EngineState; facts?: KnownFacts };

/** What the step screen shows. */
export type SessionView =
  | { kind: 'loading' }
  /** The link names a flow or node this version lacks, or whose chunk cannot be fetched now. */
  | { kind: 'missing'; flow: string; node?: string; reason: 'unknown-flow' | 'unknown-node' | 'unavailable' }
  /** The flows changed since this step was saved: the session is kept as it was, read-only. */
  | { kind: 'stale'; sessionId: string; problem: EngineError }
  | { kind: 'step'; flows: FlowMap; entry: EntryState; step: CurrentStep; notice?: SessionNotice };

/** Where flows come from (lazy chunks in the app, files in tests). */
export interface FlowSource {
  /** Loads flows and those they link to; a flow that cannot be had is left out. */
  load(ids: readonly string[]): Promise<FlowMap>;
  /** Whether this version has the flow at all, or 'unknown' when that cannot be told now. */
  exists(id: string): Promise<boolean | 'unknown'>;
}

/** The browser's history as the runner needs it. */
export interface HistoryPort {
  /** The entry on screen: its route and the state it carries. */
  current(): { route: Route; state: unknown };
  /** Adds an entry for a step, or replaces the current one. */
  go(route: Route, state: EntryState, replace: boolean): void;
  /** Replaces the state of the current entry, without a navigation. */
  setState(state: EntryState): void;
  /** Goes back one entry; the change arrives later through `subscribe`, as the browser's popstate does. */
  back(): void;
  /** Tells of every change of entry; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Where sessions are saved. Failures are tolerated: a step never waits for or fails on storage. */
export interface SessionSaver {
  /** With `base`, saves only over that revision (0: a session not saved yet) and says when it could not. */
  save(record: SessionRecord, base?: number): Promise<SaveResult | void>;
  get(id: string): Promise<SessionRecord | undefined>;
}

export interface RunnerOptions {
  flows: FlowSource;
  history: HistoryPort;
  store: SessionSaver;
  /** Default Date.now. */
  now?: () => number;
  /** A new session id. */
  newId: () => string;
  /** Runs work that must not hold up the paint of a step (saving, preloading); default: at once. */
  later?: (work: () => void) => void;
  /** What this tab knows of saved revisions (sessionStorage in the app); default: memory alone. */
  memory?: TabMemory;
  /** Told when facts a history entry or the screen gave failed their rules and were left out. */
  onFactsDropped?: () => void;
}

export interface SessionRunner {
  readonly view: Observable<SessionView>;
  /** Opens the entry on screen and follows the history from then on. */
  start(): void;
  /** Stops following the history; results still on their way are dropped. */
  stop(): void;
  /** Answers the current step; false when the answer is not one the step takes. */
  answer(given: Answer): boolean;
  /** Goes back one step: the browser's Back where this tab added the entry, so Forward works too. */
  back(): void;
  /** Goes back to the step at `index` of the trail. */
  jumpTo(index: number): void;
  /** Starts the session again from its first step. */
  restart(): void;
  /** After an 'undo' notice: brings back the steps Start over or a jump set aside. */
  undo(): void;
  /** Adds facts read from pasted output to the session (later ones win); they propose answers and fill commands. */
  addFacts(facts: KnownFacts): void;
  /** After a 'deleted' notice: saves the session on screen again, from now on. */
  saveAgain(): void;
  /** After a 'copied' notice: opens the other tab's version of the session, as saved. */
  openOther(): Promise<void>;
}

// The same steps, answers, status and facts: only the time of saving would differ.
const sameSession = (a: SessionRecord, b: SessionRecord) =>
  a.status === b.status &&
  JSON.stringify([a.state, a.facts ?? null, a.code ?? null]) ===
    JSON.stringify([b.state, b.facts ?? null, b.code ?? null]);

const flowsOf = (s: EngineState) => [...new Set(s.trail.map((t) => t.flow))];
const routeOf = (step: CurrentStep): Route => ({ name: 'flow', flow: step.flowId, node: step.node.id });

/** Makes a runner for the session of the flow route on screen. */
export function createSessionRunner(options: RunnerOptions): SessionRunner {
  const { history, store } = options;
  const now = options.now ?? Date.now;
  const later = options.later ?? ((work: () => void) => work());
  const view = observable<SessionView>({ kind: 'loading' });
  let flows: FlowMap = {};
  // Each open or step takes a number; async work that finds a newer one running drops its result.
  let turn = 0;
  let running = false;
  let navigating = false;
  let unsubscribe: (() => void) | undefined;

  const loadMore = async (ids: readonly string[]) => {
    const more = await options.flows.load(ids);
    flows = { ...flows, ...more };
    return flows;
  };

  // The flows of the trail and those they lead to, so the next answer never waits for a chunk.
  const ahead = (state: EngineState) => {
    const ids = new Set(flowsOf(state));
    for (const id of [...ids]) {
      const flow = flows[id];
      if (flow) for (const l of linkedFlows(flow)) ids.add(l);
    }
    return [...ids];
  };

  const memory = options.memory ?? createTabMemory();
  const notices = new Map<string, SessionNotice>();
  // Sessions deleted under this tab: not saved again unless the user asks.
  const deleted = new Set<string>();

  // Every save is guarded by the revision this tab has seen, so no tab writes over steps it has not seen.
  const save = (record: SessionRecord) => {
    const { id } = record;
    if (deleted.has(id)) return;
    const base = memory.revision(id);
    // This tab's saves reach the database in the order they are made: the next one builds on this one.
    memory.setRevision(id, nextRevision(base));
    void store.save(record, base).then(
      (result) => {
        if (result === 'changed') moveAway(id);
        else if (result === 'deleted') markDeleted(id);
      },
      () => undefined,
    );
  };

  // The id this tab's steps of a session live under now (after one or more conflicts).
  const follow = (id: string) => {
    let to = id;
    for (let hops = 0, next = memory.movedTo(to); next && hops < 100; hops++, next = memory.movedTo(to))
      to = next;
    return to;
  };

  // The runner's own navigation must not come back to it as a navigation to open.
  const own = (change: () => void) => {
    navigating = true;
    try {
      change();
    } finally {
      navigating = false;
    }
  };

  const onStep = () => {
    const v = view.get();
    return v.kind === 'step' ? v : undefined;
  };

  const show = (entry: EntryState, step: CurrentStep) => {
    const notice = notices.get(entry.sessionId);
    view.set({ kind: 'step', flows, entry, step, ...(notice ? { notice } : {}) });
  };

  // Another tab saved steps this one has not seen: both are kept, this tab's as a new session.
  function moveAway(id: string) {
    if (memory.movedTo(id)) return; // a later save of the same steps found the same conflict
    const to = options.newId();
    memory.move(id, to);
    notices.set(to, { kind: 'copied', from: id });
    const v = onStep();
    if (!v || v.entry.sessionId !== id) return;
    const entry: EntryState = { ...v.entry, sessionId: to };
    delete entry.rev;
    show(entry, v.step);
    own(() => history.setState(entry));
    save(recordOf(entry, v.step.status, now()));
  }

  function markDeleted(id: string) {
    deleted.add(id);
    notices.set(id, { kind: 'deleted' });
    const v = onStep();
    if (v && v.entry.sessionId === id) show(v.entry, v.step);
  }

  async function markStale(entry: EntryState, problem: EngineError) {
    view.set({ kind: 'stale', sessionId: entry.sessionId, problem });
    try {
      const record = await store.get(entry.sessionId);
      if (record && !record.stale) await store.save({ ...record, stale: problem.message });
    } catch {
      // the session stays as it was saved; the screen already says it is read-only
    }
  }

  // An entry of a session this tab has since moved to a new one opens as the new one.
  function moved(entry: EntryState): EntryState {
    if (entry.rev !== undefined && entry.rev > memory.revision(entry.sessionId))
      memory.setRevision(entry.sessionId, entry.rev);
    const to = follow(entry.sessionId);
    if (to === entry.sessionId) return entry;
    const next: EntryState = { ...entry, sessionId: to };
    delete next.rev;
    own(() => history.setState(next));
    return next;
  }

  // Saves an opened entry only where it differs from the saved session: merely opening a session (resumed
  // from History, a reload, a duplicated tab) must not count as a change that another tab's steps conflict with.
  async function reopened(record: SessionRecord, mine: number) {
    let stored: SessionRecord | undefined;
    try {
      stored = await store.get(record.id);
    } catch {
      stored = undefined;
    }
    if (!running || mine !== turn) return;
    if (stored && sameSession(stored, record)) {
      const rev = stored.rev ?? 0;
      if (rev > memory.revision(record.id)) memory.setRevision(record.id, rev);
    } else save(record);
  }

  async function open(): Promise<void> {
    const mine = ++turn;
    const { route, state: raw } = history.current();
    if (route.name !== 'flow') return;
    const live = () => running && mine === turn;
    const read = readEntry(raw, options.onFactsDropped);
    const entry = read && moved(read);
    // The browser's Back or Forward moved off the step Undo was offered on.
    if (entry && notices.get(entry.sessionId)?.kind === 'undo') notices.delete(entry.sessionId);
    if (entry) {
      await loadMore(flowsOf(entry.state));
      if (!live()) return;
      const restored = restore(flows, entry.state);
      if (!restored.ok) {
        const { error } = restored;
        if (error.code === 'unknown-flow') {
          // Not loaded is not the same as gone: only a flow this version lacks makes the session stale.
          const exists = await Promise.all(flowsOf(entry.state).map((id) => options.flows.exists(id)));
          if (!live()) return;
          if (!exists.includes(false))
            return view.set({ kind: 'missing', flow: route.flow, node: route.node, reason: 'unavailable' });
        }
        return markStale(entry, error);
      }
      const step = current(flows, restored.value);
      if (!step.ok) return;
      const shown = { ...entry, state: restored.value };
      show(shown, step.value);
      // Back and Forward change where the session stands: keep the saved copy in step.
      void reopened(recordOf(shown, step.value.status, now()), mine);
      return;
    }
    await loadMore([route.flow]);
    if (!live()) return;
    if (!Object.hasOwn(flows, route.flow)) {
      const exists = await options.flows.exists(route.flow);
      if (live())
        view.set({
          kind: 'missing',
          flow: route.flow,
          node: route.node,
          reason: exists === false ? 'unknown-flow' : 'unavailable',
        });
      return;
    }
    const first = entryStep(flows, route.flow, route.node);
    if (first.flow !== route.flow) await loadMore([first.flow]);
    if (!live()) return;
    const begun = start(flows, first.flow, first.node);
    if (!begun.ok) {
      const reason = begun.error.code === 'unknown-node' ? 'unknown-node' : 'unavailable';
      return view.set({ kind: 'missing', flow: route.flow, node: route.node, reason });
    }
    const asksFirst = first.flow !== route.flow || first.node !== route.node;
    const fresh: EntryState = {
      sessionId: options.newId(),
      state: begun.value,
      startedAt: now(),
      depth: 0,
      ...readStart(raw, options.onFactsDropped),
    };
    const step = current(flows, fresh.state);
    if (!step.ok) return;
    if (asksFirst) {
      notices.set(fresh.sessionId, { kind: 'asks-first' });
      // The address names the step on screen, not the one that could not be answered yet.
      own(() => history.go(routeOf(step.value), fresh, true));
    } else own(() => history.setState(fresh));
    show(fresh, step.value);
    save(recordOf(fresh, step.value.status, now()));
  }

  function go(entry: EntryState, state: EngineState, replace = false, notice?: SessionNotice) {
    const step = current(flows, state);
    if (!step.ok) return;
    // Said on the step that had to come first, not after it; Undo is offered until the next step.
    const said = notices.get(entry.sessionId)?.kind;
    if (said === 'asks-first' || said === 'undo') notices.delete(entry.sessionId);
    // A notice about another tab says more than Undo: it stays.
    if (notice && !notices.has(entry.sessionId)) notices.set(entry.sessionId, notice);
    turn++; // a step taken now wins over anything still opening
    const next: EntryState = { ...entry, state, depth: replace ? entry.depth : entry.depth + 1 };
    // Going back cuts the trail: facts read past the cut are from a branch left (kept, for proposals).
    if (entry.facts && state.trail.length < entry.state.trail.length)
      next.facts = leaveBranch(entry.facts, state.trail.length);
    // Show the next step at once; history is cheap, storage and preloading follow later.
    show(next, step.value);
    own(() => history.go(routeOf(step.value), next, replace));
    later(() => {
      save(recordOf(next, step.value.status, now()));
      void loadMore(ahead(state)).catch(() => undefined);
    });
  }

  // Going back more than one step, or to the start, offers Undo: one tap must not cost the answers given.
  function setAside(entry: EntryState, state: EngineState) {
    const answers = entry.state.trail.length - state.trail.length;
    if (answers > 0)
      go(entry, state, false, {
        kind: 'undo',
        answers,
        state: entry.state,
        ...(entry.facts ? { facts: entry.facts } : {}),
      });
  }

  return {
    view,
    start() {
      if (running) return;
      running = true;
      unsubscribe = history.subscribe(() => {
        if (!navigating) void open();
      });
      void open();
    },
    stop() {
      running = false;
      turn++;
      unsubscribe?.();
      unsubscribe = undefined;
    },
    answer(given) {
      const v = onStep();
      if (!v) return false;
      const at = now();
      const r = engineAnswer(flows, v.entry.state, given, at);
      if (r.ok) {
        go(v.entry, r.value);
        return true;
      }
      if (r.error.code !== 'unknown-flow') return false;
      // The answer leads into a flow still on its way: load it, then answer.
      const { entry } = v;
      const mine = turn;
      void loadMore(ahead(entry.state)).then(() => {
        if (!running || mine !== turn) return;
        const again = engineAnswer(flows, entry.state, given, at);
        if (again.ok) go(entry, again.value);
      });
      return true;
    },
    back() {
      const v = onStep();
      if (!v || v.entry.state.trail.length < 2) return;
      if (v.entry.depth > 0) history.back();
      else go(v.entry, engineBack(v.entry.state), true);
    },
    jumpTo(index) {
      const v = onStep();
      if (v) setAside(v.entry, backTo(v.entry.state, index));
    },
    restart() {
      const v = onStep();
      if (v) setAside(v.entry, engineRestart(v.entry.state));
    },
    undo() {
      const v = onStep();
      const notice = v && notices.get(v.entry.sessionId);
      if (v && notice?.kind === 'undo') {
        // The facts as they were before, none from a branch left, and those read since kept on top.
        const since = Object.entries(v.entry.facts ?? {}).filter(
          ([name, fact]) => !fact.left && notice.facts?.[name as keyof KnownFacts] !== fact,
        );
        const facts = { ...notice.facts, ...Object.fromEntries(since) } as KnownFacts;
        const { facts: _cut, ...entry } = v.entry;
        go(Object.keys(facts).length ? { ...entry, facts } : entry, notice.state);
      }
    },
    addFacts(given) {
      const v = onStep();
      // Checked as stored facts are: whatever hands them over, only facts that pass their rules are kept.
      const facts = readFacts(given, options.onFactsDropped);
      if (!v || !facts) return;
      // Each fact keeps the step it was read at, so the ticket can leave out a branch gone back out of.
      const at = readAt(facts, v.entry.state.trail.length - 1);
      const entry: EntryState = { ...v.entry, facts: { ...v.entry.facts, ...at } };
      show(entry, v.step);
      own(() => history.setState(entry));
      later(() => save(recordOf(entry, v.step.status, now())));
    },
    saveAgain() {
      const v = onStep();
      if (!v || !deleted.has(v.entry.sessionId)) return;
      const id = v.entry.sessionId;
      deleted.delete(id);
      notices.delete(id);
      memory.setRevision(id, 0);
      show(v.entry, v.step);
      save(recordOf(v.entry, v.step.status, now()));
    },
    async openOther() {
      const v = onStep();
      const notice = v && notices.get(v.entry.sessionId);
      if (notice?.kind !== 'copied') return;
      const record = await store.get(notice.from);
      if (!record || !running) return;
      memory.move(notice.from);
      const last = record.state.trail[record.state.trail.length - 1]!;
      history.go({ name: 'flow', flow: last.flow, node: last.node }, entryOf(record), false);
    },
  };
}
