/**
 * What a browser history entry of a flow step carries: the whole engine state and the session it belongs
 * to. Back, Forward and a reload all restore a step from this.
 */
import type { EngineState, Status } from '../flow/engine.ts';
import type { KnownFacts } from '../flow/facts.ts';
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
  /** What the session knows from pasted console output. */
  facts?: KnownFacts;
  /** The saved revision this entry was opened from (resuming a saved session). */
  rev?: number;
}

/** What a history entry that opens a flow carries from the screen before: the code, facts read from output. */
export interface StartState {
  code?: string;
  facts?: KnownFacts;
}

/** The history entry that resumes a saved session at its current step. */
export function entryOf(record: SessionRecord): EntryState {
  return {
    sessionId: record.id,
    state: record.state,
    startedAt: record.startedAt,
    depth: 0,
    ...(record.code ? { code: record.code } : {}),
    ...(record.facts ? { facts: record.facts } : {}),
    ...(record.rev !== undefined ? { rev: record.rev } : {}),
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
    ...(entry.facts ? { facts: entry.facts } : {}),
  };
}
