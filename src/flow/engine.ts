/**
 * The flow engine: pure functions of (flows, state, answer) → state. No DOM,
 * no UI, no storage: the state is plain JSON that can be saved and restored.
 */
import type { Command, Flow, FlowNode, Text } from '../flow-format/schema.ts';

// Kept apart so the first screen can preload linked flows without the whole engine.
export { linkedFlows } from './links.ts';

/** An answer: 'yes' | 'no' | a choice value | a number | 'fixed' | 'failing'. */
export type Answer = string | number;

/** One visited step; the last step of a trail is the current one. */
export interface Step {
  flow: string;
  node: string;
  answer?: Answer;
  /** When the answer was given (ms since epoch), if the caller passed a time. */
  at?: number;
}

/** The whole engine state: serializable as it is. */
export interface EngineState {
  v: 1;
  trail: Step[];
}

export type FlowMap = Readonly<Record<string, Flow | undefined>>;

export type EngineErrorCode =
  | 'unknown-flow'
  | 'unknown-node'
  | 'invalid-answer'
  | 'finished'
  | 'link-loop'
  | 'bad-state'
  | 'changed-flow';

export interface EngineError {
  code: EngineErrorCode;
  message: string;
  /** For a restore that failed: the 1-based step of the saved trail where it failed. */
  step?: number;
}

/** A value, or the reason there is none. */
export type Result<T = EngineState> = { ok: true; value: T } | { ok: false; error: EngineError };

/** Where a session stands; one definition for the engine, the stored record and the labels. */
export const STATUSES = ['active', 'resolved', 'escalated'] as const;
export type Status = (typeof STATUSES)[number];

export interface CurrentStep {
  flowId: string;
  flow: Flow;
  node: Exclude<FlowNode, { kind: 'link' }>;
  status: Status;
}

const MAX_LINK_HOPS = 32;

const fail = (code: EngineErrorCode, message: string, step?: number): { ok: false; error: EngineError } => ({
  ok: false,
  error: step === undefined ? { code, message } : { code, message, step },
});

// Flows are immutable data: index each one once, so a lookup costs the same in 10 nodes or 100,000.
const indexes = new WeakMap<Flow, Map<string, FlowNode>>();

/** Finds a node of a flow by id (the first, if ids repeat). */
export function findNode(flow: Flow, id: string): FlowNode | undefined {
  let index = indexes.get(flow);
  if (!index) {
    index = new Map();
    for (const n of flow.nodes) if (!index.has(n.id)) index.set(n.id, n);
    indexes.set(flow, index);
  }
  return index.get(id);
}

/** Resolves a flow/node pair, following link nodes, to the first visible node. */
export function resolve(flows: FlowMap, flowId: string, nodeId?: string): Result<Step> {
  let f = flowId;
  let n = nodeId;
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    const flow = Object.hasOwn(flows, f) ? flows[f] : undefined;
    if (!flow) return fail('unknown-flow', `no flow "${f}"`);
    const id = n ?? flow.start;
    const node = findNode(flow, id);
    if (!node) return fail('unknown-node', `flow "${f}" has no node "${id}"`);
    if (node.kind !== 'link') return { ok: true, value: { flow: f, node: id } };
    f = node.flow;
    n = node.node;
  }
  return fail('link-loop', `links from "${flowId}" go round in a loop`);
}

/** Starts a session at a flow's start, or at a given node (deep links, catalog entries). */
export function start(flows: FlowMap, flowId: string, nodeId?: string): Result {
  const first = resolve(flows, flowId, nodeId);
  return first.ok ? { ok: true, value: { v: 1, trail: [first.value] } } : first;
}

/**
 * Where a session opened at a step must begin: the step itself, or, when the step routes on an earlier
 * answer no fresh session has (a count whose threshold depends on what is being activated), the step that
 * asks it, so a shared link never routes on an answer it was not given.
 */
export function entryStep(flows: FlowMap, flowId: string, nodeId?: string): { flow: string; node?: string } {
  const flow = Object.hasOwn(flows, flowId) ? flows[flowId] : undefined;
  const node = flow && nodeId !== undefined ? findNode(flow, nodeId) : undefined;
  const when = node?.kind === 'number' ? node.routes.find((r) => r.when)?.when : undefined;
  return when
    ? { flow: when.flow ?? flowId, node: when.node }
    : { flow: flowId, ...(nodeId ? { node: nodeId } : {}) };
}

/** Tells the current step, or why it cannot be shown. */
export function current(flows: FlowMap, state: EngineState): Result<CurrentStep> {
  const last = state.trail[state.trail.length - 1];
  if (!last) return fail('bad-state', 'the session has no steps');
  const flow = Object.hasOwn(flows, last.flow) ? flows[last.flow] : undefined;
  if (!flow) return fail('unknown-flow', `no flow "${last.flow}"`);
  const node = findNode(flow, last.node);
  if (!node) return fail('unknown-node', `flow "${last.flow}" has no node "${last.node}"`);
  if (node.kind === 'link') return fail('bad-state', `"${last.node}" is a link, not a step`);
  return { ok: true, value: { flowId: last.flow, flow, node, status: statusOf(node, last) } };
}

function statusOf(node: FlowNode, step: Step): Status {
  if (node.kind !== 'outcome') return 'active';
  if (node.result === 'escalate') return 'escalated';
  return step.answer === 'fixed' ? 'resolved' : 'active';
}

/** The command a node gives the user to run, if any. */
export function commandOf(node: FlowNode): Command | undefined {
  return node.kind === 'action' || node.kind === 'outcome' ? node.command : undefined;
}

/** The answers a node accepts: a list, or 'number' for a whole number in range. */
export function answersFor(node: FlowNode): readonly string[] | 'number' {
  switch (node.kind) {
    case 'yesno':
    case 'action':
      return ['yes', 'no'];
    case 'choice':
      return node.choices.map((c) => c.value);
    case 'number':
      return 'number';
    case 'outcome':
      return node.result === 'resolved' ? ['fixed', 'failing'] : [];
    case 'link':
      return [];
  }
}

/** The latest answer given at a node earlier in the trail. */
export function earlierAnswer(trail: readonly Step[], flow: string, node: string): Answer | undefined {
  for (let i = trail.length - 1; i >= 0; i--) {
    const s = trail[i]!;
    if (s.flow === flow && s.node === node && s.answer !== undefined) return s.answer;
  }
  return undefined;
}

/** The id of the node an answer leads to, within the same flow, or an error. */
export function nextNodeId(
  flowId: string,
  node: FlowNode,
  answer: Answer,
  trail: readonly Step[],
): Result<string> {
  const bad = (why: string) => fail('invalid-answer', `"${String(answer)}" ${why} at "${node.id}"`);
  switch (node.kind) {
    case 'yesno':
    case 'action':
      if (answer === 'yes') return { ok: true, value: node.yes };
      if (answer === 'no') return { ok: true, value: node.no };
      return bad('is not yes or no');
    case 'choice': {
      const choice = node.choices.find((c) => c.value === answer);
      return choice ? { ok: true, value: choice.next } : bad('is not one of the choices');
    }
    case 'number': {
      if (typeof answer !== 'number' || !Number.isInteger(answer)) return bad('is not a whole number');
      const min = node.min ?? 0;
      if (answer < min) return bad(`is below ${min}`);
      if (node.max !== undefined && answer > node.max) return bad(`is above ${node.max}`);
      const route = node.routes.find((r) => {
        if (!r.when) return true;
        const earlier = earlierAnswer(trail, r.when.flow ?? flowId, r.when.node);
        return earlier !== undefined && r.when.answer.includes(String(earlier));
      });
      const range = route?.ranges.find(
        (r) => answer >= (r.min ?? min) && (r.max === undefined || answer <= r.max),
      );
      return range ? { ok: true, value: range.next } : bad('falls in no range');
    }
    case 'outcome':
      if (node.result === 'resolved' && answer === 'failing' && node.failed)
        return { ok: true, value: node.failed };
      return bad('does not lead on');
    case 'link':
      return bad('cannot answer a link');
  }
}

/**
 * Why the session is back at a step it has seen before, when the answer that brought it here leads back
 * on purpose: the "returns" text of the node answered (or of the link that answer went through).
 */
export function returnNote(flows: FlowMap, state: EngineState): Text | undefined {
  const { trail } = state;
  const here = trail[trail.length - 1];
  const prev = trail[trail.length - 2];
  if (!here || !prev || prev.answer === undefined) return undefined;
  if (!trail.slice(0, -1).some((s) => s.flow === here.flow && s.node === here.node)) return undefined;
  const flow = Object.hasOwn(flows, prev.flow) ? flows[prev.flow] : undefined;
  const node = flow && findNode(flow, prev.node);
  if (!node) return undefined;
  const next = nextNodeId(prev.flow, node, prev.answer, trail.slice(0, -2));
  const via = next.ok && flow ? findNode(flow, next.value) : undefined;
  return (via?.kind === 'link' ? via.returns : undefined) ?? node.returns;
}

/** Takes an answer at the current step and moves to the next one. */
export function answer(flows: FlowMap, state: EngineState, given: Answer, at?: number): Result {
  const cur = current(flows, state);
  if (!cur.ok) return cur;
  const { flowId, node, status } = cur.value;
  if (status !== 'active') return fail('finished', `the session has ended (${status})`);
  const answered: Step = { ...state.trail[state.trail.length - 1]!, answer: given };
  if (at !== undefined) answered.at = at;
  const before = state.trail.slice(0, -1);
  if (node.kind === 'outcome' && given === 'fixed' && node.result === 'resolved')
    return { ok: true, value: { v: 1, trail: [...before, answered] } };
  const next = nextNodeId(flowId, node, given, before);
  if (!next.ok) return next;
  const target = resolve(flows, flowId, next.value);
  if (!target.ok) return target;
  return { ok: true, value: { v: 1, trail: [...before, answered, target.value] } };
}

/** Goes back one step (the previous answer is cleared); at the first step, stays. */
export function back(state: EngineState): EngineState {
  return backTo(state, state.trail.length - 2);
}

/** Goes back to the step at `index` of the trail, clearing its answer. */
export function backTo(state: EngineState, index: number): EngineState {
  if (state.trail.length === 0) return state;
  const i = Math.max(0, Math.min(index, state.trail.length - 1));
  const { flow, node } = state.trail[i]!;
  return { v: 1, trail: [...state.trail.slice(0, i), { flow, node }] };
}

/** Starts again from the first step of the session. */
export function restart(state: EngineState): EngineState {
  return backTo(state, 0);
}

/** Serializes a state to a JSON string. */
export function serialize(state: EngineState): string {
  return JSON.stringify(state);
}

/** Checks that a value has the shape of a state, without looking at any flow. */
export function parseState(raw: unknown): Result {
  const value = typeof raw === 'string' ? safeParse(raw) : raw;
  if (!isRecord(value)) return fail('bad-state', 'a saved state must be an object');
  if (value.v !== 1) return fail('bad-state', `unknown state version ${JSON.stringify(value.v) ?? 'none'}`);
  if (!Array.isArray(value.trail) || value.trail.length === 0)
    return fail('bad-state', 'a saved state needs a non-empty trail');
  const trail: Step[] = [];
  for (const [i, s] of value.trail.entries()) {
    if (!isRecord(s) || typeof s.flow !== 'string' || typeof s.node !== 'string')
      return fail('bad-state', `step ${i + 1} has no flow and node`);
    const step: Step = { flow: s.flow, node: s.node };
    if (s.answer !== undefined) {
      if (typeof s.answer !== 'string' && !(typeof s.answer === 'number' && Number.isFinite(s.answer)))
        return fail('bad-state', `step ${i + 1} has an answer that is neither text nor a number`);
      step.answer = s.answer;
    } else if (i < value.trail.length - 1) return fail('bad-state', `step ${i + 1} has no answer`);
    if (s.at !== undefined) {
      // A time Date can hold: a larger one is damage, and would make date formatting throw.
      if (typeof s.at !== 'number' || !(Math.abs(s.at) <= 8.64e15))
        return fail('bad-state', `step ${i + 1} has a bad time`);
      step.at = s.at;
    }
    trail.push(step);
  }
  return { ok: true, value: { v: 1, trail } };
}

/**
 * Restores a saved state against the flows as they are now: every answer is
 * replayed, so a flow that changed since the state was saved is reported,
 * never silently mapped onto different steps. A failure keeps its kind:
 * `unknown-flow` (a flow of the trail is not loaded or no longer exists),
 * `unknown-node` (a node of the trail is gone), `changed-flow` (an answer now
 * leads elsewhere, or is no longer accepted), `bad-state` (not a state at all),
 * with the 1-based `step` of the saved trail where it happened.
 */
export function restore(flows: FlowMap, raw: unknown): Result {
  const parsed = parseState(raw);
  if (!parsed.ok) return parsed;
  const { trail } = parsed.value;
  const first = trail[0]!;
  const head = resolve(flows, first.flow, first.node);
  if (!head.ok) {
    const code = head.error.code === 'link-loop' ? 'changed-flow' : head.error.code;
    return fail(code, `step 1: ${head.error.message}`, 1);
  }
  if (head.value.flow !== first.flow || head.value.node !== first.node)
    return fail('changed-flow', `step 1 ("${first.node}") is no longer a step`, 1);
  let state: EngineState = { v: 1, trail: [{ flow: first.flow, node: first.node }] };
  for (let i = 0; i < trail.length; i++) {
    const step = trail[i]!;
    if (step.answer === undefined) break;
    const next = answer(flows, state, step.answer, step.at);
    if (!next.ok) {
      const { code, message } = next.error;
      const kind = code === 'unknown-flow' || code === 'unknown-node' ? code : 'changed-flow';
      return fail(kind, `step ${i + 1} ("${step.node}"): ${message}`, i + 1);
    }
    state = next.value;
    const expected = trail[i + 1];
    const got = state.trail[state.trail.length - 1]!;
    if (expected && (expected.flow !== got.flow || expected.node !== got.node))
      return fail(
        'changed-flow',
        `step ${i + 2}: the flow now leads to "${got.flow}/${got.node}", not "${expected.flow}/${expected.node}"`,
        i + 2,
      );
    if (!expected && state.trail.length > trail.length)
      return fail('changed-flow', `step ${i + 1} ("${step.node}") no longer ends the session`, i + 1);
  }
  return { ok: true, value: state };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
