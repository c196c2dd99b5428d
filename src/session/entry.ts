/**
 * What a browser history entry of a flow step carries: the whole engine state and the session it belongs
 * to. Back, Forward and a reload all restore a step from this.
 */
import { parseState } from '../engine/engine.ts';
import type { EngineState, Status } from '../engine/engine.ts';
import type { SessionRecord } from './record.ts';

export interface EntryState {
  /** The id of the saved session. */
  sessionId: string;
  /** The engine state at this step. */
  state: EngineState;
  /** The error code the session started from, if any. */
  code?: string;
  /** When the session started (ms since epoch). */
  startedAt: number;
  /** How many entries this tab pushed for the session before this one: Back can use the browser's Back above 0. */
  depth: number;
}

/** What a history entry that opens a flow from a code page carries. */
export interface StartState {
  code: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Reads the entry state a history entry carries, if it is one of ours (also as the previous version wrote it). */
export function readEntry(raw: unknown): EntryState | undefined {
  if (!isObject(raw)) return undefined;
  // Entries written before the fields were renamed: { sid, s, t0, depth, code? }.
  const sessionId = raw.sessionId ?? raw.sid;
  const startedAt = raw.startedAt ?? raw.t0;
  const { depth, code } = raw;
  if (typeof sessionId !== 'string' || typeof startedAt !== 'number' || typeof depth !== 'number')
    return undefined;
  const parsed = parseState(raw.state ?? raw.s);
  if (!parsed.ok) return undefined;
  return {
    sessionId,
    state: parsed.value,
    startedAt,
    depth,
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** The code a history entry of a code page's Start carries, if any. */
export function readStartCode(raw: unknown): string | undefined {
  return isObject(raw) && typeof raw.code === 'string' ? raw.code : undefined;
}

/** The history entry that resumes a saved session at its current step. */
export function entryOf(record: SessionRecord): EntryState {
  return {
    sessionId: record.id,
    state: record.state,
    startedAt: record.startedAt,
    depth: 0,
    ...(record.code ? { code: record.code } : {}),
  };
}

/** The record to save for a step. */
export function recordOf(entry: EntryState, status: Status, now: number): SessionRecord {
  return {
    schema: 2,
    id: entry.sessionId,
    flow: entry.state.trail[0]!.flow,
    state: entry.state,
    status,
    startedAt: entry.startedAt,
    updatedAt: now,
    ...(entry.code ? { code: entry.code } : {}),
  };
}
