/**
 * The saved form of a troubleshooting session: its format, the checks a stored value must pass, and the
 * upgrade of records written by older versions. Plain data and functions: storage and the runner share it.
 */
import { STATUSES, parseState } from '../flow/engine.ts';
import type { EngineState, Status } from '../flow/engine.ts';
import { factLine, factValue } from '../console/fact-rules.ts';
import type { KnownFact, KnownFacts } from '../flow/facts.ts';
import type { FactName } from '../console/types.ts';
import { stripKeys, stripKeysDeep } from '../redact/key-in-text.ts';

export const SESSION_SCHEMA = 2;

/**
 * How a guarded save ended. 'changed': another tab saved a newer revision first, so nothing was written;
 * 'deleted': the session was deleted after this tab saved it; 'failed': the record was refused.
 */
export type SaveResult = 'saved' | 'changed' | 'deleted' | 'failed';

export interface SessionRecord {
  schema: 2;
  /** crypto.randomUUID() */
  id: string;
  /** The canonical error code the session started from, e.g. "0xC004F074". */
  code?: string;
  /** The flow the session started in. */
  flow: string;
  /** The engine trail; each answered step has `at` (ms). */
  state: EngineState;
  status: Status;
  startedAt: number;
  updatedAt: number;
  /** Set when the flows changed under the session: it is read-only, for this reason. */
  stale?: string;
  /** What the session knows from pasted console output, each fact with its line. */
  facts?: KnownFacts;
  /** How many guarded saves the session has had: a tab saves only over the revision it has seen. */
  rev?: number;
  /** What the user calls the session for the ticket: a machine name or a ticket number. */
  label?: string;
  /** The user's note on a step, keyed by the step's index in the trail. */
  notes?: Record<number, string>;
}

/**
 * The revision a guarded save over `base` writes. It stops at the largest safe integer, where a record stays
 * readable and writable (each save over it is then taken, as without the guard), instead of stepping past it.
 */
export function nextRevision(base: number): number {
  return Math.min(base + 1, Number.MAX_SAFE_INTEGER);
}

/** The longest label a record keeps. */
export const LABEL_MAX = 200;
/** The longest note on a step a record keeps. */
export const NOTE_MAX = 1000;

// Typed text: a string of at most `max` characters with something in it; anything else is not kept.
const isNote = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length <= max && v.trim() !== '';

/** Checks stored notes: one string per step of the trail (by index); anything else is dropped. */
export function readNotes(raw: unknown, steps: number): Record<number, string> | undefined {
  if (!isObject(raw)) return undefined;
  const out: Record<number, string> = {};
  for (const [key, note] of Object.entries(raw)) {
    // Only canonical indexes ("3", not "03" or "3.0") of steps the trail has.
    const index = Number(key);
    if (String(index) !== key || !Number.isSafeInteger(index) || index < 0 || index >= steps) continue;
    if (isNote(note, NOTE_MAX)) out[index] = note;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Checks stored facts by the rules facts read from output and typed ones pass (fact-rules.ts): a stored
 * value was written by this app or by any other script of the same origin. A fact that fails is dropped,
 * and `dropped` is told (once per call), so the user can be.
 */
export function readFacts(raw: unknown, dropped?: () => void): KnownFacts | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) {
    dropped?.();
    return undefined;
  }
  const out: KnownFacts = {};
  let lost = false;
  for (const [name, fact] of Object.entries(raw)) {
    const value = isObject(fact) ? factValue(name as FactName, fact.value) : undefined;
    const line = isObject(fact) ? factLine(fact.line) : undefined;
    if (!isObject(fact) || value === undefined || line === undefined) {
      lost = true;
      continue;
    }
    // Where it was read is an extra: a damaged step or mark is dropped, never the fact.
    const step = fact.step;
    out[name as FactName] = {
      value,
      line,
      ...(Number.isSafeInteger(step) && (step as number) >= 0 ? { step: step as number } : {}),
      ...(fact.left === true ? { left: true as const } : {}),
    };
  }
  if (lost) dropped?.();
  return Object.keys(out).length ? out : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// A time Date can hold (±8.64e15 ms): anything else is damage, and would make date formatting throw.
const isTime = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) <= 8.64e15;
const isStatus = (v: unknown): v is Status => (STATUSES as readonly unknown[]).includes(v);

/**
 * Checks a stored value against the record format (the trail through the engine's parseState); returns a
 * clean copy. `dropped` is told when facts failed their rules and were left out (see readFacts).
 */
export function validateRecord(raw: unknown, dropped?: () => void): SessionRecord | undefined {
  if (!isObject(raw) || raw.schema !== SESSION_SCHEMA) return undefined;
  const { id, code, flow, status, startedAt, updatedAt, stale, rev } = raw;
  if (typeof id !== 'string' || id === '' || typeof flow !== 'string' || flow === '') return undefined;
  if (!isStatus(status) || !isTime(startedAt) || !isTime(updatedAt)) return undefined;
  if (code !== undefined && typeof code !== 'string') return undefined;
  if (stale !== undefined && typeof stale !== 'string') return undefined;
  if (rev !== undefined && !(Number.isSafeInteger(rev) && (rev as number) >= 0)) return undefined;
  const parsed = parseState(raw.state);
  if (!parsed.ok) return undefined;
  const facts = readFacts(raw.facts, dropped);
  // The user's own words are extras: a malformed label or note is dropped, never the session.
  const label = isNote(raw.label, LABEL_MAX) ? raw.label : undefined;
  const notes = readNotes(raw.notes, parsed.value.trail.length);
  return {
    schema: SESSION_SCHEMA,
    id,
    ...(code !== undefined ? { code } : {}),
    flow,
    state: parsed.value,
    status,
    startedAt,
    updatedAt,
    ...(stale !== undefined ? { stale } : {}),
    ...(facts ? { facts } : {}),
    ...(rev !== undefined ? { rev: rev as number } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(notes ? { notes } : {}),
  };
}

/** Brings a stored record of any known schema to the current one: version 1 is converted, version 2 validated. */
export function upgradeRecord(raw: unknown): SessionRecord | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.schema !== undefined) return validateRecord(raw);
  // Version 1: { id, flowId, steps: [{ node, answer?, time? }], done, started, code? }, one flow per record.
  const { id, flowId, steps, done, started, code } = raw;
  if (typeof flowId !== 'string' || !Array.isArray(steps) || typeof done !== 'boolean' || !isTime(started))
    return undefined;
  const trail: unknown[] = steps.map((s: unknown) =>
    isObject(s)
      ? {
          flow: flowId,
          node: s.node,
          ...(s.answer !== undefined ? { answer: s.answer } : {}),
          ...(s.time !== undefined ? { at: s.time } : {}),
        }
      : s,
  );
  let updatedAt = started;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s: unknown = steps[i];
    if (isObject(s) && isTime(s.time)) {
      updatedAt = s.time;
      break;
    }
  }
  return validateRecord({
    schema: SESSION_SCHEMA,
    id,
    ...(code !== undefined && code !== null ? { code } : {}),
    flow: flowId,
    state: { v: 1, trail },
    status: done ? 'resolved' : 'active',
    startedAt: started,
    updatedAt,
  });
}

/** Facts with product keys taken out of their lines and values of any type (a pasted line can hold one). */
export function factsWithoutKeys(facts: KnownFacts): KnownFacts {
  const out: KnownFacts = {};
  for (const [name, fact] of Object.entries(facts) as Array<[FactName, KnownFact]>)
    out[name] = {
      ...fact,
      value: stripKeysDeep(fact.value),
      line: stripKeys(fact.line),
    };
  return out;
}
