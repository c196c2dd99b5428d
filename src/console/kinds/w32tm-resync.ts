/**
 * w32tm /resync output: "Sending resync command to …", then "The command completed successfully." or "The
 * computer did not resync because …" (no time data, a change too big). Russian Windows prints w32tm.exe's
 * ru-RU strings: "Отправка команды синхронизации на …", "Команда выполнена успешно.", "Синхронизация не
 * выполнена, так как …".
 */
import { commandHit } from '../commands.ts';
import { Sink, first } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

function hit(key: string, value: string, start: boolean): Hit {
  return { family: 'w32tm-resync', key, value, start };
}

// What a line can be in w32tm /resync output.
function resyncLine(line: Line): Hit | null {
  const t = line.norm;
  if (/^(?:Sending resync command to|Отправка команды синхронизации на) \S.{0,255}$/.test(t))
    return hit('sending', t, true);
  if (/^(?:The computer did not resync because|Синхронизация не выполнена, так как) .{1,300}$/.test(t))
    return hit('failed', t, true);
  // Many commands print it: it belongs to a resync only under "Sending resync command".
  if (t === 'The command completed successfully.' || t === 'Команда выполнена успешно.')
    return hit('done', t, false);
  return null;
}

function finishResync(draft: Draft): Finished {
  const s = new Sink('w32tm-resync');
  const failed = first(draft.entries, 'failed');
  const done = first(draft.entries, 'done');
  s.put('resynced', failed ? false : done ? true : undefined, failed ?? done);
  return s.out;
}

/** w32tm /resync. */
export const W32TM_RESYNC: OutputKind = {
  id: 'w32tm-resync',
  sections: ['w32tm-resync'],
  facts: ['resynced'],
  command: (text) =>
    /^w32tm(?:\.exe)?\s/i.test(text) && /[-/]resync\b/i.test(text) ? commandHit('w32tm-resync', text) : null,
  line: resyncLine,
  finish: finishResync,
};
