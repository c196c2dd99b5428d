/**
 * w32tm /stripchart output: the target and the clock offset of its last good sample, or its error. Russian
 * Windows prints w32tm.exe's ru-RU strings for the header ("Отслеживание …", "Сбор образцов …", "Текущее
 * время - …") and "ошибка" where English prints "error".
 */
import { commandHit, option } from '../commands.ts';
import { Sink, first, hexCode, isHost } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

const OFFSET = '([+-]\\d{1,9}[.,]\\d{1,9})s';
const TIME = '(\\d{1,2}:\\d{2}:\\d{2}),?';
const SAMPLE = new RegExp(`^${TIME}\\s{1,10}${OFFSET}$`);
const SAMPLE_FULL = new RegExp(
  `^${TIME}\\s{1,10}d:${OFFSET}\\s{1,10}o:${OFFSET}(?:\\s{1,10}\\[[^\\]]{0,120}\\])?$`,
);
const SAMPLE_ERROR = /^(\d{1,2}:\d{2}:\d{2}),?\s{1,10}(?:error|ошибка): (0x[0-9a-f]{1,8})$/i;

function hit(key: string, value: string, repeat = false): Hit {
  return { family: 'w32tm-stripchart', key, value, start: true, repeat };
}

// What a line can be in w32tm /stripchart output.
function stripchartLine(line: Line): Hit | null {
  const t = line.norm;
  let m: RegExpExecArray | null;
  if ((m = /^(?:Tracking|Отслеживание) (\S{1,255}) \[[^\]]{1,300}\]\.?$/.exec(t)))
    return hit('tracking', m[1]!);
  if (/^(?:Collecting \d{1,6} samples|Сбор образцов \d{1,6})\.?$/.test(t)) return hit('collecting', t);
  if (/^(?:The current time is|Текущее время -) .{1,100}$/.test(t)) return hit('now', t);
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
export const W32TM_STRIPCHART: OutputKind = {
  id: 'w32tm-stripchart',
  sections: ['w32tm-stripchart'],
  facts: ['target', 'offsetSeconds', 'errorCode'],
  command: (text) =>
    /^w32tm(?:\.exe)?\s/i.test(text) && /[-/]stripchart\b/i.test(text)
      ? commandHit('w32tm-stripchart', text)
      : null,
  line: stripchartLine,
  finish: finishStripchart,
};
