/** Turns the results into the Markdown report and checks the targets. */
import { failed, value } from './results.ts';
import type { Outcome, Results, Side, Target } from './results.ts';
import type { ReaderRun } from './reader-bench.ts';
import type { KeysField } from './keys.ts';
import type { Part } from './trace.ts';

const KIB = 1024;
type Better = 'higher' | 'lower';

interface RowTarget {
  text: string;
  /** Met or not from the app's figure, the floor's and the peer's; null when a figure it needs is missing. */
  test: (app: number, floor: number | undefined, peer: number | undefined) => boolean | null;
}

interface Row {
  label: string;
  unit: 'score' | 'ms' | 'KiB' | 'shift';
  better: Better;
  cell: (side: Side) => number | string | undefined;
  targets?: RowTarget[];
}

/** A value for a table cell: a number, "failed: …", or "—" when the row does not apply. */
function pick<T extends object>(o: Outcome<T> | undefined, f: (v: T) => number): number | string {
  if (o === undefined) return '—';
  if (failed(o)) return o.error.startsWith('not run') ? o.error : `failed: ${short(o.error)}`;
  return f(o as T);
}

function short(s: string): string {
  return s.length > 90 ? `${s.slice(0, 87)}…` : s;
}

function fmt(v: number, unit: Row['unit']): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (unit === 'KiB') return `${(v / KIB).toFixed(1)} KiB`;
  if (unit === 'score') return String(Math.round(v));
  if (unit === 'shift') return v.toFixed(3);
  return v < 100 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`;
}

/** The app's step work against the peer's: at most this share of it. */
const PEER_SHARE = 0.5;
/** The app's step work against the step floor's (the same markup, no framework): at most this many times it. */
const STEP_FLOOR_RATIO = 1.25;

function rows(r: Results): Row[] {
  const lh = (k: 'score' | 'fcp' | 'lcp' | 'tbt' | 'cls' | 'bytes') => (s: Side) =>
    pick(r.lighthouse[s], (v) => v[k]);
  const lat = (k: 'median' | 'p95') => (s: Side) =>
    s === 'floor' ? undefined : pick(r.latency[s], (v) => v[k]);
  const work = (k: 'median' | 'p95') => (s: Side) => pick(r.stepWork[s] ?? notMeasured, (v) => v[k]);
  const init = (k: 'js' | 'css', c: 'gzip' | 'brotli') => (s: Side) => pick(r.initial[s], (v) => v[k][c]);
  const pre = (c: 'raw' | 'gzip') => (s: Side) =>
    s === 'peer' ? undefined : pick(r.precache[s], (v) => v[c]);
  const cpu = `${r.settings.cpuThrottle}× CPU`;
  const halfPeer: RowTarget = {
    text: `≤ ${PEER_SHARE} × peer`,
    test: (a, _f, p) => (p === undefined ? null : a <= p * PEER_SHARE),
  };
  const nearFloor: RowTarget = {
    text: `≤ ${STEP_FLOOR_RATIO} × step floor`,
    test: (a, f) => (f === undefined ? null : a <= f * STEP_FLOOR_RATIO),
  };
  const atMostPeer: RowTarget = {
    text: '≤ peer',
    test: (a, _f, p) => (p === undefined ? null : a <= p),
  };
  return [
    {
      label: `Lighthouse performance (median of ${r.settings.lighthouseRuns})`,
      unit: 'score',
      better: 'higher',
      cell: lh('score'),
      targets: [{ text: '= 100', test: (a) => a >= 100 }],
    },
    { label: 'First Contentful Paint', unit: 'ms', better: 'lower', cell: lh('fcp') },
    {
      label: 'Largest Contentful Paint',
      unit: 'ms',
      better: 'lower',
      cell: lh('lcp'),
      targets: [{ text: '≤ 1.05 × floor', test: (a, f) => (f === undefined ? null : a <= f * 1.05) }],
    },
    {
      label: 'Total Blocking Time',
      unit: 'ms',
      better: 'lower',
      cell: lh('tbt'),
      // An absolute few ms is below this machine's noise: the blank page's own TBT in the same run is the bar.
      targets: [{ text: '≤ floor', test: (a, f) => (f === undefined ? null : a <= f) }],
    },
    {
      label: 'Cumulative Layout Shift',
      unit: 'shift',
      better: 'lower',
      cell: lh('cls'),
      targets: [{ text: '= 0', test: (a) => a === 0 }],
    },
    { label: 'Total byte weight', unit: 'KiB', better: 'lower', cell: lh('bytes') },
    {
      label: `Step main-thread work median (${cpu})`,
      unit: 'ms',
      better: 'lower',
      cell: work('median'),
      targets: [nearFloor, halfPeer],
    },
    {
      label: `Step main-thread work p95 (${cpu})`,
      unit: 'ms',
      better: 'lower',
      cell: work('p95'),
      targets: [nearFloor, halfPeer],
    },
    {
      label: `Step latency, two frames, median (${cpu})`,
      unit: 'ms',
      better: 'lower',
      cell: lat('median'),
      targets: [atMostPeer],
    },
    {
      label: `Step latency, two frames, p95 (${cpu})`,
      unit: 'ms',
      better: 'lower',
      cell: lat('p95'),
      targets: [atMostPeer],
    },
    {
      label: 'Offline cold start (median)',
      unit: 'ms',
      better: 'lower',
      cell: (s) => (s === 'app' ? pick(r.offline, (v) => v.median) : undefined),
      targets: [{ text: '< 500 ms', test: (a) => a < 500 }],
    },
    { label: 'Initial JS gzip', unit: 'KiB', better: 'lower', cell: init('js', 'gzip') },
    { label: 'Initial JS brotli', unit: 'KiB', better: 'lower', cell: init('js', 'brotli') },
    { label: 'Initial CSS gzip', unit: 'KiB', better: 'lower', cell: init('css', 'gzip') },
    { label: 'Initial CSS brotli', unit: 'KiB', better: 'lower', cell: init('css', 'brotli') },
    { label: 'Precache raw', unit: 'KiB', better: 'lower', cell: pre('raw') },
    { label: 'Precache gzip', unit: 'KiB', better: 'lower', cell: pre('gzip') },
  ];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const show = (v: number | string | undefined, unit: Row['unit']) =>
  v === undefined ? '—' : isNum(v) ? fmt(v, unit) : String(v);

function isBetter(a: number, b: number, better: Better): boolean {
  return better === 'higher' ? a >= b : a <= b;
}

function versus(a: number, b: number, unit: Row['unit']): string {
  if (unit === 'score') return `${a - b >= 0 ? '+' : ''}${Math.round(a - b)}`;
  const d = a - b;
  const delta =
    unit === 'KiB'
      ? `${(d / KIB).toFixed(1)} KiB`
      : unit === 'shift'
        ? d.toFixed(3)
        : `${d.toFixed(d < 100 && d > -100 ? 1 : 0)} ms`;
  return `${d >= 0 ? '+' : ''}${delta} (×${b === 0 ? (a === 0 ? '1.00' : '∞') : (a / b).toFixed(2)})`;
}

function targetMet(
  t: RowTarget,
  a: number | string | undefined,
  f: number | string | undefined,
  p: number | string | undefined,
): boolean | null {
  if (!isNum(a)) return null;
  return t.test(a, isNum(f) ? f : undefined, isNum(p) ? p : undefined);
}

/** The targets the results miss (a figure that is missing misses none): each fails `npm run bench`. */
export function missedTargets(r: Results): Target[] {
  return targets(r).filter((t) => t.met === false);
}

/** Evaluates the targets against the results (null when a figure is missing). */
export function targets(r: Results): Target[] {
  const out: Target[] = [];
  const notBetter: string[] = [];
  let compared = 0;
  for (const row of rows(r)) {
    const a = row.cell('app');
    const p = row.cell('peer');
    const f = row.cell('floor');
    for (const t of row.targets ?? [])
      out.push({
        target: `${row.label} ${t.text}`,
        met: targetMet(t, a, f, p),
        detail: isNum(a)
          ? `app ${fmt(a, row.unit)}${isNum(f) ? `, floor ${fmt(f, row.unit)}` : ''}${isNum(p) ? `, peer ${fmt(p, row.unit)}` : ''}`
          : 'no figure',
      });
    if (isNum(a) && isNum(p)) {
      compared++;
      if (!isBetter(a, p, row.better)) notBetter.push(row.label);
    }
  }
  out.push(...readerTargets(r), ...historyTargets(r), ...keysTargets(r), ...photoTargets(r));
  out.push({
    target: 'Better than the SurveyJS peer on every row (a tie counts as met)',
    met: compared === 0 ? null : notBetter.length === 0,
    detail:
      compared === 0
        ? 'no row compared'
        : notBetter.length
          ? `not on: ${notBetter.join(', ')}`
          : `all ${compared} rows`,
  });
  return out;
}

/** Photos: facts from clean screenshots and from photos, at least these shares; a read within this time. */
const PHOTO_CLEAN_SHARE = 0.95;
const PHOTO_PHOTO_SHARE = 0.85;
const PHOTO_READ_MS = 5000;
/** The page's heap after the reads, above before them, at most this (MB): the recognizer's memory is given back. */
// What a picture may leave in the page's heap, read after read: the reader's code and the message table load
// once, with the first, and stay as the app's other code does.
const PHOTO_HEAP_GROWTH_MB = 0.5;

const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : 'n/a');

function photoTargets(r: Results): Target[] {
  const p = value(r.photos ?? notMeasured);
  if (!p) {
    const detail = r.photos && failed(r.photos) ? `no figure: ${short(r.photos.error)}` : 'no figure';
    return [{ target: 'Photos of the screen: facts, time and memory', met: null, detail }];
  }
  const sum = (d: 'clean' | 'photo') => {
    const cs = p.conditions.filter((c) => c.condition.endsWith(` ${d}`));
    return {
      right: cs.reduce((a, c) => a + c.right, 0),
      facts: cs.reduce((a, c) => a + c.facts, 0),
      wrong: cs.reduce((a, c) => a + c.wrong, 0),
    };
  };
  const clean = sum('clean');
  const photo = sum('photo');
  const unshown = p.scores.reduce((a, s) => a + s.unshown, 0);
  const slowest = Math.max(...p.timings.map((t) => Math.max(...t.ms)));
  // Growth from the first read's heap to the heap after the last read and the reader closed.
  const growth = Math.max(
    ...p.timings.map((t) => t.heapAfterMb - (t.heapAfterEachMb?.[0] ?? t.heapBeforeMb)),
  );
  const workers = p.timings.reduce((a, t) => a + t.workersAfter, 0);
  return [
    {
      target: `Facts read from clean screenshots ≥ ${PHOTO_CLEAN_SHARE * 100}% of the text's`,
      met: clean.facts ? clean.right / clean.facts >= PHOTO_CLEAN_SHARE : null,
      detail: `${clean.right} of ${clean.facts} (${pct(clean.right, clean.facts)}), ${clean.wrong} with a wrong value`,
    },
    {
      target: `Facts read from photos ≥ ${PHOTO_PHOTO_SHARE * 100}% of the text's`,
      met: photo.facts ? photo.right / photo.facts >= PHOTO_PHOTO_SHARE : null,
      detail: `${photo.right} of ${photo.facts} (${pct(photo.right, photo.facts)}), ${photo.wrong} with a wrong value`,
    },
    {
      target: 'Every fact read from a picture comes with its recognized line shown',
      met: unshown === 0,
      detail: unshown ? `${unshown} facts without their line` : `all, over ${p.images} pictures`,
    },
    {
      target: `A photo read in under ${PHOTO_READ_MS / 1000} s (${p.cpuThrottle}× CPU, every read)`,
      met: slowest < PHOTO_READ_MS,
      detail: p.timings.map((t) => `${t.image}: ${t.ms.map(ms).join(', ')}`).join('; '),
    },
    {
      target: `The recognizer's memory given back after a read (no worker left, the page's heap no more than ${PHOTO_HEAP_GROWTH_MB} MB above the first read's after the next and the reader closed)`,
      met: workers === 0 && growth <= PHOTO_HEAP_GROWTH_MB,
      detail: `${workers} workers left; heap ${p.timings.map((t) => [t.heapBeforeMb, ...(t.heapAfterEachMb ?? []), t.heapAfterMb].join(' → ') + ' MB').join('; ')}`,
    },
  ];
}

/** The photos tables: facts by condition and each picture, and the timed reads. */
function photosTable(r: Results): string {
  const p = value(r.photos ?? notMeasured);
  if (!p) return `Photos: ${r.photos && failed(r.photos) ? `failed: ${r.photos.error}` : 'not measured'}`;
  const lines = [
    '| Condition | Pictures | Facts right | Wrong | Wrong on a line not marked Check |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...p.conditions.map(
      (c) =>
        `| ${c.condition} | ${c.images} | ${c.right} of ${c.facts} (${pct(c.right, c.facts)}) | ${c.wrong} | ${c.wrongUnmarked} |`,
    ),
    '',
    '| Picture | Facts right | Wrong (the value read) | Node, 1× |',
    '| --- | ---: | --- | ---: |',
    ...p.scores.map(
      (s) =>
        `| ${s.image} | ${s.right} of ${s.facts} | ${s.wrong.map((w) => `${w.fact} ${w.got.replace(/\|/g, '\\|').slice(0, 60)}${w.doubtful ? ' (marked)' : ''}`).join('; ') || '—'} | ${ms(s.nodeMs)} |`,
    ),
    '',
    `| Timed picture (${p.cpuThrottle}× CPU) | Language | Reads (choose → lines) | CPU share held | Workers left | Page heap: before → after each read → closed |`,
    '| --- | --- | --- | ---: | ---: | --- |',
    ...p.timings.map(
      (t) =>
        `| ${t.image} | ${t.language} | ${t.ms.map(ms).join(', ')} | ${Math.round(t.cpuShare * 100)}% | ${t.workersAfter} | ${[t.heapBeforeMb, ...(t.heapAfterEachMb ?? []), t.heapAfterMb].join(' → ')} MB |`,
    ),
  ];
  return lines.join('\n');
}

/** History's actions: click to painted, median of the repetitions, and the longest task, worst of them. */
const HISTORY_PAINT_MS = 200;
const HISTORY_TASK_MS = 50;
/** A keystroke in a field against one in a plain input with no script, median and p95. */
const KEY_CONTROL_RATIO = 1.15;
const notMeasured = { error: 'not measured' };
const ms = (v: number) => fmt(v, 'ms');
const CONTROL = /^Control/;
const parts = (ps: readonly Part[]) =>
  ps.length ? ps.map((p) => `${p.what} ${ms(p.ms)}`).join(', ') : 'nothing the trace could name';

const READER_GROWTH = 1.5;

/** "1 KB", "100 KB", "1 MB": decimal, as the reader's sizes are. */
function size(bytes: number): string {
  return bytes >= 1e6 ? `${+(bytes / 1e6).toFixed(2)} MB` : `${+(bytes / 1e3).toFixed(1)} KB`;
}

/** µs/KB against the size before, for each pair of sizes measured one after the other. */
function readerGrowth(runs: ReaderRun[]): { from: number; to: number; ratio: number }[] {
  const out: { from: number; to: number; ratio: number }[] = [];
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1]!, runs[i]!];
    if (a.usPerKB && b.usPerKB) out.push({ from: a.size, to: b.size, ratio: b.usPerKB / a.usPerKB });
  }
  return out;
}

/** The reader's check: from one size to the next, µs/KB grows at most ×1.5 (linear stays near ×1.0). */
function readerTargets(r: Results): Target[] {
  const rd = value(r.reader);
  const target = `Output reader linear in the pasted text's size: µs/KB (CPU) at most ×${READER_GROWTH} the size before's, at ${list(r.settings.readerSizes.map(size))}`;
  if (!rd)
    return [
      { target, met: null, detail: failed(r.reader) ? `no figure: ${short(r.reader.error)}` : 'no figure' },
    ];
  const growth = readerGrowth(rd.runs);
  const over = growth.filter((g) => g.ratio > READER_GROWTH);
  const timedOut = rd.runs.filter((x) => x.error && !x.error.startsWith('not run'));
  return [
    {
      target,
      met: over.length || timedOut.length ? false : growth.length ? true : null,
      detail:
        rd.runs
          .map(
            (x) => `${size(x.size)} ${x.usPerKB ? `${x.usPerKB.toFixed(1)} µs/KB` : short(x.error ?? '?')}`,
          )
          .join(', ') +
        (over.length
          ? `; super-linear: ${over.map((g) => `${size(g.from)} → ${size(g.to)} ×${g.ratio.toFixed(2)}`).join(', ')}`
          : ''),
    },
  ];
}

/** Two targets per History action: click to painted (median) and its longest main-thread task (worst run). */
function historyTargets(r: Results): Target[] {
  const h = value(r.history);
  const name = `History at ${r.settings.historySessions.toLocaleString('en-US')} sessions`;
  if (!h)
    return [
      {
        target: `${name}: every action painted ≤ ${HISTORY_PAINT_MS} ms after the click, longest task ≤ ${HISTORY_TASK_MS} ms (${r.settings.cpuThrottle}× CPU)`,
        met: null,
        detail: failed(r.history) ? `no figure: ${short(r.history.error)}` : 'no figure',
      },
    ];
  return h.actions.flatMap((a) => [
    {
      target: `${name}, ${a.action}: click → painted ≤ ${HISTORY_PAINT_MS} ms, median of ${h.reps} (${h.cpuThrottle}× CPU)`,
      met: a.ms.median <= HISTORY_PAINT_MS,
      detail: `median ${ms(a.ms.median)}, max ${ms(a.ms.max)}`,
    },
    {
      target: `${name}, ${a.action}: longest task ≤ ${HISTORY_TASK_MS} ms of main-thread work (${h.cpuThrottle}× CPU)`,
      met: a.longestCpu.max <= HISTORY_TASK_MS,
      detail: `worst of ${h.reps} ${ms(a.longestCpu.max)} CPU (wall ${ms(a.longest.max)}), median ${ms(a.longestCpu.median)}`,
    },
  ]);
}

/** One target per field: main-thread time per keystroke, median and p95, at most 1.15 × a plain input's. */
/** The control a field is measured against: the plain input holding its text (older results: the one control). */
function controlOf(fields: readonly KeysField[], field: string): KeysField | undefined {
  return fields.find((f) => f.for === field) ?? fields.find((f) => CONTROL.test(f.field) && !f.for);
}

function keysTargets(r: Results): Target[] {
  const k = value(r.keys);
  const control = k?.fields.find((f) => CONTROL.test(f.field));
  if (!k || !control)
    return [
      {
        target: `Keystroke cost ≤ ${KEY_CONTROL_RATIO} × a plain input's, median and p95 (${r.settings.cpuThrottle}× CPU)`,
        met: null,
        detail: failed(r.keys) ? `no figure: ${short(r.keys.error)}` : 'no figure',
      },
    ];
  return k.fields
    .filter((f) => !CONTROL.test(f.field))
    .map((f) => {
      const c = controlOf(k.fields, f.field) ?? control;
      return {
        target: `Keystroke in ${f.field} (${f.cap} characters) ≤ ${KEY_CONTROL_RATIO} × a plain input's with the same text, median and p95 (${k.cpuThrottle}× CPU)`,
        met: keyMet(f, c),
        detail: `median ${ms(f.median)}, p95 ${ms(f.p95)}, max ${ms(f.max)} CPU; a plain input with no script and ${c.cap} characters: median ${ms(c.median)}, p95 ${ms(c.p95)}`,
      };
    });
}

function keyMet(f: { median: number; p95: number }, control: { median: number; p95: number }): boolean {
  return f.median <= control.median * KEY_CONTROL_RATIO && f.p95 <= control.p95 * KEY_CONTROL_RATIO;
}

/** The History table: each action's time to the result and its longest main-thread task. */
function historyTable(r: Results): string {
  const h = value(r.history);
  if (!h) return `History: failed: ${failed(r.history) ? r.history.error : 'not measured'}`;
  const both = (x: { median: number; max: number }) => `${ms(x.median)} / ${ms(x.max)}`;
  const lines = [
    `| Action | Click → painted (median / max) | Longest task, CPU (median / max) | Longest task, wall (median / max) | Main thread busy until painted (median) | Tasks > 50 ms (max) | CPU share | Target |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const a of h.actions)
    lines.push(
      `| ${a.action} | ${both(a.ms)} | ${both(a.longestCpu)} | ${both(a.longest)} | ${ms(a.busyUntilShown.median)} | ${Math.max(...a.samples.map((s) => s.longTasks))} | ${Math.round(a.cpuShare * 100)}% | ≤ ${HISTORY_PAINT_MS} ms ${mark(a.ms.median <= HISTORY_PAINT_MS)}, task ≤ ${HISTORY_TASK_MS} ms ${mark(a.longestCpu.max <= HISTORY_TASK_MS)} |`,
    );
  lines.push(
    '',
    ...h.actions.map(
      (a) =>
        `- ${a.action}: the longest task of the worst run went on ${parts(a.worst)}; click → painted in the slowest run went on ${parts(a.slowest)}.`,
    ),
  );
  return lines.join('\n');
}

/** The keystroke table: main-thread time per keystroke in each field, and the plain-input control. */
function keysTable(r: Results): string {
  const k = value(r.keys);
  if (!k) return `Keystrokes: failed: ${failed(r.keys) ? r.keys.error : 'not measured'}`;
  const lines = [
    '| Field | Text | Keystrokes | CPU median | CPU p95 | CPU max | Wall median | Wall p95 | CPU share | Median over its control | Target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const f of k.fields) {
    const isControl = CONTROL.test(f.field);
    const control = isControl ? undefined : controlOf(k.fields, f.field);
    const over = control && !isControl ? versus(f.median, control.median, 'ms') : '—';
    const target =
      isControl || !control ? '' : `≤ ${KEY_CONTROL_RATIO} × control ${mark(keyMet(f, control))}`;
    lines.push(
      `| ${f.field} | ${f.cap.toLocaleString('en-US')} chars | ${f.keystrokes} | ${ms(f.median)} | ${ms(f.p95)} | ${ms(f.max)} | ${ms(f.wallMedian)} | ${ms(f.wallP95)} | ${Math.round(f.cpuShare * 100)}% | ${over} | ${target} |`,
    );
  }
  lines.push(
    '',
    ...k.fields.map(
      (f) =>
        `- ${f.field}: an average keystroke went on ${parts(f.average)}; the costliest on ${parts(f.worst)} (wall time).`,
    ),
  );
  return lines.join('\n');
}

const mark = (met: boolean | null) => (met === null ? '?' : met ? '✓' : '✗');

/** The main comparison table. */
function mainTable(r: Results): string {
  const lines = [
    '| Metric | App | SurveyJS peer | Ratio (app/peer) | Floor | App vs floor | Target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows(r)) {
    const a = row.cell('app');
    const p = row.cell('peer');
    const f = row.cell('floor');
    const ratio =
      isNum(a) && isNum(p)
        ? `${p === 0 ? (a === 0 ? '1.00' : '∞') : (a / p).toFixed(2)} ${isBetter(a, p, row.better) ? '✓' : '✗'}`
        : '—';
    const vsFloor = isNum(a) && isNum(f) ? versus(a, f, row.unit) : '—';
    const target = (row.targets ?? []).map((t) => `${t.text} ${mark(targetMet(t, a, f, p))}`).join('; ');
    lines.push(
      `| ${row.label} | ${show(a, row.unit)} | ${show(p, row.unit)} | ${ratio} | ${show(f, row.unit)} | ${vsFloor} | ${target} |`,
    );
  }
  return lines.join('\n');
}

function kib(n: number): string {
  return `${(n / KIB).toFixed(2)} KiB`;
}

/** The per-flow and per-language byte table. */
function bytesTable(r: Results): string {
  const b = value(r.bytes);
  if (!b) return `Bytes: failed: ${failed(r.bytes) ? r.bytes.error : 'not measured'}`;
  const lines = ['| Chunk | File | Raw | gzip | brotli |', '| --- | --- | ---: | ---: | ---: |'];
  for (const [id, s] of Object.entries(b.flows))
    lines.push(
      `| ${id === 'catalog' ? 'catalog (error codes)' : `flow ${id}`} | ${s.file} | ${kib(s.raw)} | ${kib(s.gzip)} | ${kib(s.brotli)} |`,
    );
  for (const [lng, s] of Object.entries(b.languages))
    lines.push(
      `| language ${lng} (${s.note}) | ${s.files.join(', ')} | ${kib(s.raw)} | ${kib(s.gzip)} | ${kib(s.brotli)} |`,
    );
  lines.push(
    `| precache (${b.precache.count} URLs${b.precache.missing.length ? `, ${b.precache.missing.length} missing` : ''}) | sw.js | ${kib(b.precache.raw)} | ${kib(b.precache.gzip)} | — |`,
  );
  return lines.join('\n');
}

/** The lookup line. */
function lookupLine(r: Results): string {
  const l = value(r.lookup);
  if (!l) return `Lookup: failed: ${failed(r.lookup) ? r.lookup.error : 'not measured'}`;
  const forms = Object.entries(l.byForm).sort((x, y) => y[1].meanUs - x[1].meanUs);
  const slowest = forms[0];
  const unmatched = forms
    .filter(([f, s]) => f !== 'unknown code' && s.matched < s.count)
    .map(([f, s]) => `${f} ${s.count - s.matched}`);
  return (
    `Lookup: mean ${l.meanUs.toFixed(1)} µs, p95 ${l.p95Us.toFixed(1)} µs per lookup over ${l.inputs.toLocaleString('en-US')} inputs ` +
    `(${l.codes} catalog codes × ${forms.length} forms, Node ${process.version})` +
    (slowest
      ? `; slowest form: ${slowest[0]} (mean ${slowest[1].meanUs.toFixed(1)} µs, p95 ${slowest[1].p95Us.toFixed(1)} µs)`
      : '') +
    (unmatched.length
      ? `; inputs that found nothing: ${unmatched.join(', ')}`
      : '; every known-code input found its code')
  );
}

/** The scale table: checker and engine time, time per node (growth vs the size before) and peak memory. */
function scaleTable(r: Results): string {
  if (failed(r.scale)) return `Scale: failed: ${r.scale.error}`;
  const runs = r.scale;
  const lines = [
    '| Nodes | Checker time | Checker µs/node (growth) | Checker peak heap | Engine: 1,000 answers | Engine µs/answer (growth) | Engine peak heap |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const sizes = [...new Set(runs.map((x) => x.size))];
  const prev: Record<string, number | undefined> = {};
  for (const size of sizes) {
    const cells: string[] = [size.toLocaleString('en-US')];
    for (const mode of ['check', 'engine'] as const) {
      const run = runs.find((x) => x.size === size && x.mode === mode);
      if (!run || run.ms === undefined) {
        const why = run?.error ?? 'not run';
        cells.push(why.startsWith('not run') ? why : `failed: ${short(why)}`, '—', '—');
        prev[mode] = undefined;
        continue;
      }
      const per = run.usPerNode!;
      const growth = prev[mode] ? ` (×${(per / prev[mode]!).toFixed(2)})` : '';
      prev[mode] = per;
      cells.push(
        run.ms < 1000 ? `${run.ms.toFixed(0)} ms` : `${(run.ms / 1000).toFixed(2)} s`,
        `${per.toFixed(1)}${growth}`,
        `${run.heapPeakMB!.toFixed(1)} MB`,
      );
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The output reader table: time per read and µs/KB at each size, growth against the size before, peak heap. */
function readerTable(r: Results): string {
  const rd = value(r.reader);
  if (!rd) return `Output reader: failed: ${failed(r.reader) ? r.reader.error : 'not measured'}`;
  const lines = [
    '| Pasted text | Bytes (lines) | Read, median (fastest) | µs/KB, CPU (growth) | µs/KB, wall | Peak heap | Sections, unread lines |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let prev: number | undefined;
  for (const x of rd.runs) {
    if (x.usPerKB === undefined || x.error) {
      const why = x.error ?? 'not run';
      lines.push(
        `| ${size(x.size)} | — | ${why.startsWith('not run') ? why : `failed: ${short(why)}`} | — | — | — | — |`,
      );
      prev = undefined;
      continue;
    }
    const ratio = prev ? x.usPerKB / prev : undefined;
    const growth = ratio === undefined ? '' : ` (×${ratio.toFixed(2)}${ratio > READER_GROWTH ? ' ⚠' : ''})`;
    prev = x.usPerKB;
    const t = (v: number) => (v < 10 ? `${v.toFixed(2)} ms` : fmt(v, 'ms'));
    lines.push(
      `| ${size(x.size)} | ${x.bytes!.toLocaleString('en-US')} (${x.lines!.toLocaleString('en-US')}) | ${t(x.msMedian!)} (${t(x.msMin!)}) | ${x.usPerKB.toFixed(1)}${growth} | ${x.wallUsPerKB!.toFixed(1)} | ${x.heapPeakMB!.toFixed(1)} MB | ${x.sections!.toLocaleString('en-US')}, ${x.unread} |`,
    );
  }
  const ok = rd.runs.filter((x) => x.cpuMsMedian && x.bytes);
  const [first, last] = [ok[0], ok[ok.length - 1]];
  const over = readerGrowth(rd.runs).filter((g) => g.ratio > READER_GROWTH);
  lines.push(
    '',
    `A linear reader keeps µs/KB about flat from one size to the next (×1.0; a fixed cost per read makes the smallest size dearer per KB); a reader whose work grows with the square of the text would show about ×10 from one size to the next here.` +
      (first && last && last !== first
        ? ` From ${size(first.size)} to ${size(last.size)} the time per read grows as about n^${(Math.log(last.cpuMsMedian! / first.cpuMsMedian!) / Math.log(last.bytes! / first.bytes!)).toFixed(2)}.`
        : '') +
      (over.length
        ? ` ⚠ Super-linear: ${over.map((g) => `${size(g.from)} → ${size(g.to)} ×${g.ratio.toFixed(2)}`).join(', ')}.`
        : ''),
  );
  return lines.join('\n');
}

const CATEGORIES = ['script', 'style', 'layout', 'paint', 'GC', 'other'] as const;

/** The step work table: main-thread CPU time per tapped step, app, peer and step floor, and what it went on. */
function stepWorkTable(r: Results): string {
  const lines = [
    `| Page | Steps | CPU median | CPU p95 | CPU max | Wall median | CPU share | Tasks | ${CATEGORIES.map((c) => `${c[0]!.toUpperCase()}${c.slice(1)}`).join(' | ')} |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ${CATEGORIES.map(() => '---:').join(' | ')} |`,
  ];
  const notes: string[] = [];
  for (const side of ['app', 'peer', 'floor'] as const) {
    const name = { app: 'App', peer: 'SurveyJS peer', floor: 'Step floor (no framework)' }[side];
    const w = r.stepWork[side] ?? notMeasured;
    if (failed(w)) {
      const why = w.error.startsWith('not run') ? w.error : `failed: ${short(w.error)}`;
      lines.push(`| ${name} | ${why} |${' — |'.repeat(6 + CATEGORIES.length)}`);
      continue;
    }
    const cat = (c: (typeof CATEGORIES)[number]) => {
      const x = w.byCategory.find((b) => b.what === c);
      return x ? `${ms(x.ms)} (${Math.round(x.share * 100)}%)` : '—';
    };
    lines.push(
      `| ${name} | ${w.steps} | ${ms(w.median)} | ${ms(w.p95)} | ${ms(w.max)} | ${ms(w.wallMedian)} | ${Math.round(w.cpuShare * 100)}% | ${w.tasksMedian} | ${CATEGORIES.map(cat).join(' | ')} |`,
    );
    const kinds = Object.entries(w.byKind)
      .map(([k, v]) => `${k} ${ms(v.median)} (p95 ${ms(v.p95)}, n=${v.count})`)
      .join(', ');
    notes.push(
      `- ${name}: by kind of step ${kinds}. JS per step by script file (V8's samples, wall): ${parts(w.scripts)}. The costliest step (${ms(w.max)} CPU) went on ${parts(w.worst)}.`,
    );
  }
  return [...lines, '', ...notes].join('\n');
}

/** The load average around a part, as a line before its table. */
function partLine(r: Results, part: 'history' | 'keys' | 'photos'): string[] {
  const v = value(r[part] ?? notMeasured);
  if (!v) return [];
  return [
    `Load average ${v.loadAverage.start} before, ${v.loadAverage.end} after (${r.machine.cores} cores).`,
    '',
  ];
}

/** The load average around the traced walks, as a line before their table. */
function stepLoadLine(r: Results): string[] {
  const loads = (['app', 'peer', 'floor'] as const).flatMap((side) => {
    const v = value(r.stepWork[side] ?? notMeasured);
    return v ? [`${side} ${v.loadAverage.start} before, ${v.loadAverage.end} after`] : [];
  });
  return loads.length ? [`Load average: ${loads.join('; ')} (${r.machine.cores} cores).`, ''] : [];
}

/** "a", "a and b", "a, b and c". */
function list(xs: readonly string[]): string {
  return xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** The whole Markdown report. */
export function markdown(r: Results): string {
  const m = r.machine;
  const s = r.settings;
  const lat = value(r.latency.app);
  const peerLat = value(r.latency.peer);
  const off = value(r.offline);
  const out = [
    '# Benchmark: Activation Field Guide',
    '',
    `${m.date} · ${m.os} · ${m.cpu} × ${m.cores} cores · ${m.memoryGB} GB · Node ${m.node} · ${m.chromium} · load average ${m.loadAverage.start} at start, ${m.loadAverage.end ?? '?'} at end (${m.cores} cores) · run took ${Math.round(r.durationS)} s`,
    '',
    ...(r.partial
      ? [
          `Only ${list(r.partial.only)} ran in the last run (\`npm run bench -- --only ${r.partial.only.join(',')}\`, ${r.partial.machine.date} · ${r.partial.machine.os} · ${r.partial.machine.cpu} × ${r.partial.machine.cores} cores · Node ${r.partial.machine.node} · ${r.partial.machine.chromium} · load average ${r.partial.machine.loadAverage.start} at start, ${r.partial.machine.loadAverage.end ?? '?'} at end · took ${Math.round(r.partial.durationS)} s); the other figures are from the run above${(r.partial.earlier ?? []).map((e) => `, except ${list(e.only)}: run alone on ${e.date}`).join('')}.`,
          '',
        ]
      : []),
    mainTable(r),
    '',
    '## Targets',
    '',
    ...r.targets.map((t) => `- ${mark(t.met)} ${t.target}: ${t.detail}`),
    '',
    `## Step main-thread work (${s.cpuThrottle}× CPU, traced)`,
    '',
    ...stepLoadLine(r),
    stepWorkTable(r),
    '',
    '## Bytes per flow and language (app)',
    '',
    bytesTable(r),
    '',
    '## Lookup',
    '',
    lookupLine(r),
    '',
    '## Output reader (pasted console text)',
    '',
    readerTable(r),
    '',
    '## Scale (generated flows)',
    '',
    scaleTable(r),
    '',
    `## History at ${s.historySessions.toLocaleString('en-US')} sessions (${s.cpuThrottle}× CPU)`,
    '',
    ...partLine(r, 'history'),
    historyTable(r),
    '',
    `## Keystroke cost (${s.cpuThrottle}× CPU)`,
    '',
    ...partLine(r, 'keys'),
    keysTable(r),
    '',
    `## Photos of the screen`,
    '',
    ...partLine(r, 'photos'),
    photosTable(r),
    '',
    '## How the figures were taken',
    '',
    `- Lighthouse ${s.lighthouseRuns} runs per page, interleaved, performance category only, mobile defaults (simulated throttling); medians of the score, FCP, LCP, TBT, CLS and byte weight. App: home page. Pages served gzip-compressed by a local static server, ${s.lighthouseServed ?? 'HTTP/1.1'}.`,
    `- Step main-thread work: the same walk as the two-frame latency below, ${value(r.stepWork.app)?.steps ?? s.workSteps} steps per page${(s.workRounds ?? 1) > 1 ? ` in ${s.workRounds} rounds, the pages taking turns (each round in another order, so that the load drifting on a shared machine moves every page alike), each round` : ''} after ${value(r.stepWork.app)?.warmup ?? 5} warm-up steps (fewer than the ${s.steps} untraced ones: the trace is heavy), in a Chromium trace from the page load on, CPU throttled ${s.cpuThrottle}× via CDP, no service worker (its one-time install and its notice are not a step). The step floor (tests/bench/step-floor) walks the same flow with the app's step markup and stylesheet and the same engine, but swaps the question, command, answers and trail line in with plain DOM code: what a step costs the browser alone. Each step is a real tap: mouse events sent by CDP at the centre of the answer (the peer: of Next, the answer picked before, untimed), the pointer resting there first, the page idle. A step costs the main thread's CPU time (the throttler's ${s.cpuThrottle}× included, not the time other processes held the CPU) in every task from the one that handled the tap's pointerdown to the one that painted the new question (the first Paint after the question changed): input events, the handlers, the re-render, style, layout, paint, and whatever else ran in between. Kinds of work are each trace event's self time by its name, as DevTools groups them (script: event dispatch, handlers, timers, microtasks, compiling; GC apart; other: the task's own time outside named events). The trace and V8's sampler cost some time themselves.`,
    `- Step latency, two frames: flow \`${s.flow}\`${s.flowNote ? ` (${s.flowNote})` : ''}; ${lat?.steps ?? s.steps} answered steps after ${lat?.warmup ?? 5} warm-up steps, CPU throttled ${s.cpuThrottle}× via CDP; click dispatched in the page once it is idle, timed to the question change plus two animation frames; going back to the start is not timed.` +
      (lat
        ? ` App: DOM updated after ${lat.domMedian.toFixed(1)} ms median (p95 ${lat.domP95.toFixed(1)}), painted frame done after ${lat.afterPaintMedian.toFixed(1)} ms (p95 ${lat.afterPaintP95.toFixed(1)}).`
        : '') +
      (peerLat
        ? ` Peer (answer picked first, then the timed click on Next): DOM ${peerLat.domMedian.toFixed(1)} ms median (p95 ${peerLat.domP95.toFixed(1)}).`
        : ''),
    ...(['app', 'peer'] as const).map((side) => {
      const l = value(r.latency[side]);
      if (!l) return '';
      const kinds = Object.entries(l.byKind)
        .map(([k, v]) => `${k} ${v.median.toFixed(1)} ms (p95 ${v.p95.toFixed(1)}, n=${v.count})`)
        .join(', ');
      return `- Step latency, two frames, by kind of step, ${side === 'app' ? 'app' : 'peer'}: ${kinds}.`;
    }),
    `- Offline cold start: ${s.offlineRuns} new pages with the context offline after the service worker took control; navigation start to the first frame where #code-input is visible and enabled, no CPU throttling.` +
      (off
        ? ` The server drops every request meanwhile. p95 ${Math.round(off.p95)} ms; requests that reached it (dropped): ${off.requestsWhileOffline.length ? off.requestsWhileOffline.map((x) => x.replace(/^dropped /, '')).join(', ') : 'none'}.`
        : ''),
    `- History: ${s.historySessions.toLocaleString('en-US')} sessions put into IndexedDB in one readwrite transaction (the app's record format, a minute apart, after History opened once so the app created the database), the page loaded again at Home, then, with the CPU throttled ${s.cpuThrottle}× via CDP, each action clicked in the page once it is idle: the header's History link (until 50 rows), Show 50 more (100 rows), Delete on the newest row (until "The newest 100 of ${(s.historySessions - 1).toLocaleString('en-US')} sessions"), Delete all sessions (confirm shown), Delete all (until "No sessions yet"); ${s.historyReps} repetitions, seeded again each time. Click → painted: until the result is in the DOM, then requestAnimationFrame and the task after it. Tasks come from a Chromium trace (every main-thread task, not only the ones over 50 ms a 'longtask' observer sees), from the click until ${value(r.history)?.tailMs ?? 1500} ms after the result, so work the action sets off (lists and counts read again) counts too; V8's sampler in the same trace says what the longest task went on (script files without their hash, minified function names). CPU = the main thread's thread time, which includes the throttler (it spins on that thread) but not time other processes held the CPU: the targets are checked on it; wall = the clock; CPU share = CPU / wall. The trace and its sampler cost some time themselves, as a DevTools recording does.`,
    `- Keystrokes: each field filled to its cap with varied text in one (untimed) fill, then ${s.keystrokes} keystrokes through Playwright's keyboard (key events sent by CDP, as typing), Backspace and a character in turn so the text stays at its cap, ${value(r.keys)?.gapMs ?? 150} ms apart, after ${value(r.keys)?.warmup ?? 'some'} warm-up keystrokes, CPU throttled ${s.cpuThrottle}×. A keystroke costs the main thread's CPU time in every task from the one that dispatched its keydown to the next keystroke's: key events, the app's handler and re-render, style, layout, paint. Synthetic input events timed with performance.now() would leave out the browser's editing and the frame. Each field has its own control: a plain input with no script on a blank page, holding the same text and typed the same way: what the browser alone costs per keystroke in that text on this machine under the trace.`,
    `- Photos: every picture of tests/photos/set.ts (real outputs of tests/fixtures/console drawn as cmd, PowerShell and the slmgr message box show them, clean and as a phone's photo: tests/fixtures/photos/README.md) recognized in Node by the app's pipeline (prepare, tesseract.js with the app's models, repair, the console reader), its facts compared with those the reader takes from the output's text: right, missing, or wrong (another value). Timed in the built app in Chromium: Home's Paste console output, a tap on Choose an image and the picture given to the picker at once, until the first line's field is shown, ${value(r.photos ?? notMeasured)?.timings[0]?.ms.length ?? 2} reads of each in a new browser context: the first starts the recognizer (the tap starts it; its files from the local server), the next finds it running, as the app keeps it a minute after a read. The CPU is slowed ${s.cpuThrottle}× for the whole renderer process, workers included, by stopping and resuming it (SIGSTOP, SIGCONT) so that it runs 1/${s.cpuThrottle} of the time, as cpulimit does: Chromium's own throttling slows a page's main thread only. Memory: recognizer workers still running once the reader is closed (the app leaves for Home), and the page's JavaScript heap after a collection, against before the first read.`,
    `- Bytes: gzip level 9, brotli quality 11; initial = entry script, module preloads and stylesheets of index.html.`,
    `- Output reader: pasted text of ${s.readerSizes.map(size).join(', ')} (UTF-8, 1 KB = 1,000 bytes, so 1 MB is within the paste field's 1,000,000 characters) made of the ${value(r.reader)?.fixtures ?? 'real'} real console samples in tests/fixtures/console one after another (headers off, a blank line between, whole lines); each size is read as texts that start at samples spread over the whole set, as many as go through it once (one at 1 MB), so every size reads the same mix and a 1 KB text is not one sample's cost; read by readConsole in Node, each size in its own \`node --expose-gc\` process: warm-up reads, then batches of at least 10 ms for at least 1.5 s; µs/KB from the median batch's CPU time (the process's, so time other processes held the CPU is left out), the clock's beside it; growth = µs/KB against the size before; peak heap = the largest heap in use during one more read (V8's GC trace and the heap after it) above the heap before it, the text not counted.`,
    `- Scale: each size and mode in its own \`node --expose-gc\` process, time limit ${s.scaleTimeoutS} s; peak heap = the largest heap in use during the run (V8's GC trace, plus samples every 128 engine steps) above the heap before it; growth = µs/node against the size before (×1.00 = linear).`,
  ];
  return `${out.join('\n')}\n`;
}
