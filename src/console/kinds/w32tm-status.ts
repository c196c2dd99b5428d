/**
 * w32tm /query /status output, English and Russian labels: on other display languages the labels and values
 * are translated, and such a block is left unread rather than guessed. The Russian labels are w32tm.exe's own
 * ru-RU strings (its string table in the Windows 11 24H2 language pack); the source names it prints ("Local
 * CMOS Clock", "Free-running System Clock") are not in that table and stay English.
 */
import { commandHit } from '../commands.ts';
import { Sink, first, leadingUint } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

const STATUS_LABELS = new Map<string, string>([
  ['leap indicator', 'leap'],
  ['stratum', 'stratum'],
  ['precision', 'precision'],
  ['root delay', 'rootDelay'],
  ['root dispersion', 'rootDispersion'],
  ['referenceid', 'referenceId'],
  ['last successful sync time', 'lastSync'],
  ['source', 'source'],
  ['poll interval', 'pollInterval'],
  ['phase offset', 'phaseOffset'],
  ['clockrate', 'clockRate'],
  ['state machine', 'stateMachine'],
  ['time source flags', 'sourceFlags'],
  ['server role', 'serverRole'],
  ['last sync error', 'lastSyncError'],
  ['time since last good sync time', 'sinceLastSync'],
  // Russian Windows.
  ['индикатор помех', 'leap'],
  ['страта', 'stratum'],
  ['точность', 'precision'],
  ['задержка корня', 'rootDelay'],
  ['дисперсия корня', 'rootDispersion'],
  ['идентификатор опорного времени', 'referenceId'],
  ['время последней успешной синхронизации', 'lastSync'],
  ['источник', 'source'],
  ['интервал опроса', 'pollInterval'],
  ['смещение фазы', 'phaseOffset'],
  ['тактовая частота', 'clockRate'],
  ['конечный автомат', 'stateMachine'],
  ['флаги источника времени', 'sourceFlags'],
  ['роль сервера', 'serverRole'],
  ['последняя ошибка синхронизации', 'lastSyncError'],
  ['время, прошедшее с момента последней удачной синхронизации', 'sinceLastSync'],
]);

// Stratum reads the same in German ("Stratum:"), and Source ("Источник:" in Russian) is also an event
// label: neither may open a section alone, so a translated block never becomes a half-read English one.
const NOT_STARTERS = new Set(['stratum', 'source']);

// What a line can be in w32tm /query /status output.
function statusLine(line: Line): Hit | null {
  const m = /^([A-Za-zЁА-яё, ]{1,70}[A-Za-zЁА-яё]):\s{0,20}(.{0,300})$/.exec(line.norm);
  const key = m ? STATUS_LABELS.get(m[1]!.trim().toLowerCase()) : undefined;
  if (!m || !key) return null;
  return { family: 'w32tm-status', key, value: m[2]!.trim(), start: !NOT_STARTERS.has(key) };
}

function finishStatus(draft: Draft): Finished {
  const e = draft.entries;
  const s = new Sink('w32tm-status');
  const leap = first(e, 'leap');
  s.put('leapIndicator', leap ? leadingUint(leap.value) : undefined, leap);
  const stratum = first(e, 'stratum');
  s.put('stratum', stratum ? leadingUint(stratum.value) : undefined, stratum);
  const sync = first(e, 'lastSync');
  s.put('lastSync', sync?.value || undefined, sync);
  const source = first(e, 'source');
  s.put('timeSource', source?.value || undefined, source);
  return s.out;
}

/** w32tm /query /status, English and Russian. */
export const W32TM_STATUS: OutputKind = {
  id: 'w32tm-status',
  sections: ['w32tm-status'],
  facts: ['leapIndicator', 'stratum', 'lastSync', 'timeSource'],
  // "w32tm /query /status", not /stripchart (which its own kind reads).
  command: (text) =>
    /^w32tm(?:\.exe)?\s/i.test(text) &&
    !/[-/]stripchart\b/i.test(text) &&
    /[-/]query\b/i.test(text) &&
    /[-/]status\b/i.test(text)
      ? commandHit('w32tm-status', text)
      : null,
  line: statusLine,
  finish: finishStatus,
};
