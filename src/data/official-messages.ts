/**
 * The English message text Microsoft gives a code: every Software Licensing code of slerror.h
 * (sl-messages.json, made by src/cli/sl-messages.ts) and the Windows network errors met while activating
 * (win32-messages.json). Imported only by the unknown-code page, so the tables ride in its lazy chunk.
 */
import slTable from './sl-messages.json';
import win32Table from './win32-messages.json';

/** One message: the code's symbolic name, its English text, and the id of the source that gives it. */
export interface OfficialMessage {
  name: string;
  text: string;
  source: string;
}

// JSON arrays type as string[]; the tables' shape is checked by tests/unit/code-kind.test.ts.
const SL: { source: string; messages: Record<string, string[]> } = slTable;
const WIN32: { messages: Record<string, string[][]> } = win32Table;

/** The messages Microsoft gives a canonical code: none, one, or one per library that defines it. */
export function officialMessages(code: string): OfficialMessage[] {
  const sl = Object.hasOwn(SL.messages, code) ? SL.messages[code] : undefined;
  if (sl) return [{ name: sl[0] ?? '', text: sl[1] ?? '', source: SL.source }];
  const win32 = Object.hasOwn(WIN32.messages, code) ? WIN32.messages[code] : undefined;
  return (win32 ?? []).map(([name = '', text = '', source = '']) => ({ name, text, source }));
}
