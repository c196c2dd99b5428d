/**
 * w32tm: /query /status (English labels only: on other display languages the labels and values are
 * translated, and such a block is left unread rather than guessed) and /stripchart samples.
 */
import { option } from './commands.ts';
import { Sink, first, hexCode, isHost, leadingUint } from './text.ts';
import type { Draft, Family, Finished, Hit, Line } from './types.ts';

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
]);

// Stratum reads the same in German ("Stratum:"), and Source is also an event label: neither may
// open a section alone, so a translated block never becomes a half-read English one.
const NOT_STARTERS = new Set(['stratum', 'source']);

/** What a line can be in w32tm /query /status output. */
export function statusLine(line: Line): Hit | null {
  const m = /^([A-Za-z ]{1,40}[A-Za-z]):\s{0,20}(.{0,300})$/.exec(line.norm);
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

/** w32tm /query /status, English only. */
export const W32TM_STATUS: Family = { id: 'w32tm-status', finish: finishStatus };

const OFFSET = '([+-]\\d{1,9}[.,]\\d{1,9})s';
const TIME = '(\\d{1,2}:\\d{2}:\\d{2}),?';
const SAMPLE = new RegExp(`^${TIME}\\s{1,10}${OFFSET}$`);
const SAMPLE_FULL = new RegExp(
  `^${TIME}\\s{1,10}d:${OFFSET}\\s{1,10}o:${OFFSET}(?:\\s{1,10}\\[[^\\]]{0,120}\\])?$`,
);
const SAMPLE_ERROR = /^(\d{1,2}:\d{2}:\d{2}),?\s{1,10}error: (0x[0-9a-f]{1,8})$/i;

function hit(key: string, value: string, repeat = false): Hit {
  return { family: 'stripchart', key, value, start: true, repeat };
}

/** What a line can be in w32tm /stripchart output. */
export function stripchartLine(line: Line): Hit | null {
  const t = line.norm;
  let m: RegExpExecArray | null;
  if ((m = /^Tracking (\S{1,255}) \[[^\]]{1,300}\]\.?$/.exec(t))) return hit('tracking', m[1]!);
  if (/^Collecting \d{1,6} samples\.?$/.test(t)) return hit('collecting', t);
  if (/^The current time is .{1,100}$/.test(t)) return hit('now', t);
  // With /dataonly a sample is "hh:mm:ss, +00.0349344s"; without, "d:… o:…" and a graph; use o:.
  if ((m = SAMPLE.exec(t))) return hit('sample', m[2]!, true);
  if ((m = SAMPLE_FULL.exec(t))) return hit('sample', m[3]!, true);
  if ((m = SAMPLE_ERROR.exec(t))) return hit('sampleError', m[2]!, true);
  return null;
}

function finishStripchart(draft: Draft): Finished {
  const e = draft.entries;
  const s = new Sink('w32tm-stripchart');
  const tracking = first(e, 'tracking');
  const cmd = first(e, 'command');
  const computer = cmd ? option(cmd.value, ['computer']) : undefined;
  if (tracking && isHost(tracking.value)) s.put('target', tracking.value, tracking);
  else if (computer && isHost(computer)) s.put('target', computer, cmd);
  const samples = e.filter((x) => x.key === 'sample');
  const good = samples[samples.length - 1];
  // Comma-decimal locales print +00,0206779s.
  if (good) s.put('offsetSeconds', Number(good.value.replace(',', '.')), good);
  else {
    const bad = e.filter((x) => x.key === 'sampleError').pop();
    s.put('errorCode', bad ? hexCode(bad.value) : undefined, bad);
  }
  return s.out;
}

/** w32tm /stripchart samples. */
export const STRIPCHART: Family = { id: 'stripchart', finish: finishStripchart };
