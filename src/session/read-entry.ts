/**
 * Reading what a browser history entry carries, as the previous version may have written it: checked,
 * never trusted. Only the session runner needs this, so it stays out of the first screen.
 */
import { parseState } from '../flow/engine.ts';
import type { EntryState, StartState } from './entry.ts';
import { readFacts } from './record.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * Reads the entry state a history entry carries, if it is one of ours (also as the previous version wrote
 * it). Its facts are checked by their rules; `dropped` is told when some failed and were left out.
 */
export function readEntry(raw: unknown, dropped?: () => void): EntryState | undefined {
  if (!isObject(raw)) return undefined;
  // Entries written before the fields were renamed: { sid, s, t0, depth, code? }.
  const sessionId = raw.sessionId ?? raw.sid;
  const startedAt = raw.startedAt ?? raw.t0;
  const { depth, code, rev } = raw;
  if (typeof sessionId !== 'string' || typeof startedAt !== 'number' || typeof depth !== 'number')
    return undefined;
  const parsed = parseState(raw.state ?? raw.s);
  if (!parsed.ok) return undefined;
  const facts = readFacts(raw.facts, dropped);
  return {
    sessionId,
    state: parsed.value,
    startedAt,
    depth,
    ...(typeof code === 'string' ? { code } : {}),
    ...(facts ? { facts } : {}),
    ...(Number.isSafeInteger(rev) && (rev as number) >= 0 ? { rev: rev as number } : {}),
  };
}

/** What a history entry that starts a flow carries (a code page's code, facts from pasted output, checked). */
export function readStart(raw: unknown, dropped?: () => void): StartState {
  if (!isObject(raw)) return {};
  const facts = readFacts(raw.facts, dropped);
  return { ...(typeof raw.code === 'string' ? { code: raw.code } : {}), ...(facts ? { facts } : {}) };
}
