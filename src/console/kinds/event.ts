/**
 * Software Protection events (12288, 12289, 12290, 12293, 8198, 8200, 8208, 8229, 1058…) as copied from
 * Event Viewer, printed by wevtutil, listed by Get-WinEvent / Get-EventLog | Format-List, quoted in
 * Markdown, or their message text alone when it is unmistakable. The messages are read in English and in
 * Russian (sppsvc.exe's ru-RU message table: "Сведения:" where English says "Info:").
 */
import { Sink, first, formatList, hexCode, hostPort, isIp, uint, unmark } from '../text.ts';
import { LICENSE_STATUSES } from '../fact-rules.ts';
import { factValue } from '../fact-rules.ts';
import type { Draft, Finished, Hit, Line, OutputKind, Section } from '../types.ts';

const LABELS = new Map<string, { key: string; start: boolean }>([
  ['log name', { key: 'logName', start: true }],
  ['source', { key: 'source', start: false }],
  ['date', { key: 'date', start: false }],
  ['event id', { key: 'eventId', start: true }],
  ['task category', { key: 'task', start: false }],
  ['task', { key: 'task', start: false }],
  ['level', { key: 'level', start: false }],
  ['opcode', { key: 'opcode', start: false }],
  ['keywords', { key: 'keywords', start: false }],
  ['keyword', { key: 'keywords', start: false }],
  ['user', { key: 'user', start: false }],
  ['user name', { key: 'userName', start: false }],
  ['computer', { key: 'computer', start: false }],
  ['description', { key: 'description', start: false }],
  ['info', { key: 'info', start: false }],
  // The Russian messages' "Info:".
  ['сведения', { key: 'info', start: false }],
]);

// Get-WinEvent and Get-EventLog property names (Format-List). TimeCreated begins each Get-WinEvent record.
const FL_NAMES = new Map<string, string>([
  ['TimeCreated', 'created'],
  ['TimeGenerated', 'date'],
  ['TimeWritten', 'date'],
  ['ProviderName', 'source'],
  ['Source', 'source'],
  ['Id', 'eventId'],
  ['EventID', 'eventId'],
  ['InstanceId', 'instanceId'],
  ['Message', 'description'],
  ['LogName', 'logName'],
  ['LevelDisplayName', 'level'],
  ['EntryType', 'level'],
  ['RecordId', 'record'],
  ['Index', 'record'],
  ['MachineName', 'computer'],
  ['ReplacementStrings', 'replacement'],
  ['Category', 'task'],
  ['CategoryNumber', 'taskNumber'],
  ['UserName', 'userName'],
]);

// The Info CSV starts with the HRESULT in hex.
const CSV = /^(0x[0-9a-f]{1,8})\s{0,4},/i;

// The Software Protection providers, so a lone "Source:" of another program opens no section.
const SPP_SOURCE = /Security-SPP|Software Protection|Security-Licensing|Key Management Service/i;

// 12288's and 12289's messages, English and Russian: they tell the Info layout when no Event ID was pasted.
const REQUEST =
  /^(?:The client has sent an activation request to the key management service (?:machine|computer)|Клиент отправил запрос на активацию компьютеру службы управления ключами)\.?$/i;
const RESPONSE =
  /^(?:The client has processed an activation response from the key management service (?:machine|computer)|Клиент обработал ответ на активацию от компьютера службы управления ключами)\.?$/i;

// Message texts that are Software Protection's alone: each opens an event even without its header, and
// where its template belongs to one event only, names that event when no Event ID was pasted
// (Get-WinEvent | Format-List TimeCreated,Message prints none).
const BODIES: ReadonlyArray<readonly [RegExp, number?]> = [
  [REQUEST, 12288],
  [RESPONSE, 12289],
  [/^An activation request has been processed\.?$/i, 12290],
  // Microsoft's own copy of 12293 spells it "Managment".
  [/^Publishing the Key Manage?ment Service \(KMS\) to DNS in the \S{1,255} domain failed\.?$/i, 12293],
  [
    /^License Activation \(slui\.exe\) failed with the following error code:(?:\s{0,4}hr ?= ?0x[0-9a-f]{1,8})?$/i,
    8198,
  ],
  [/^License acquisition failure details\.?$/i],
  [/^Acquisition of genuine ticket failed \(hr ?= ?0x[0-9a-f]{1,8}\)/i],
  // The same messages on Russian Windows.
  [/^Запрос на активацию обработан\.?$/i, 12290],
  [/^Не удалось опубликовать службу управления ключами \(KMS\) в DNS для домена \S{1,255}\.?$/i, 12293],
  [
    /^Сбой активации лицензий \(slui\.exe\) со следующим кодом ошибки:(?:\s{0,4}hr ?= ?0x[0-9a-f]{1,8})?$/i,
    8198,
  ],
  [/^Подробности об ошибке при получении лицензии\.?$/i],
  [/^Сбой при загрузке билета подлинности \(hr ?= ?0x[0-9a-f]{1,8}\)/i],
];
const isBody = (t: string): boolean => BODIES.some(([re]) => re.test(t));

// A code where an event's text gives one: "hr=0x…", "(hr=0x…)", "Error Code:0x…", "Error code: 0x…",
// "Reason:0x…", Russian "Код ошибки = 0x…", after a word boundary so a GUID or a longer hex run is never
// read as one.
const CODE_IN_TEXT =
  /(?:^|[\s(.,;])(?:hr|error code|reason|код ошибки) ?[:=] ?(0x[0-9a-f]{1,8})(?![0-9a-z])/i;
// A row that is a code alone (12293's Info) or a code and its name ("0x80072338: DNS_ERROR_…").
const CODE_ROW = /^(0x[0-9a-f]{1,8})(?::\s{1,4}\S.{0,300})?$/i;

// The entries whose values are message text, and the ones after which unclaimed rows are message text.
const TEXT_KEYS = new Set(['info', 'text', 'csv', 'description', 'body']);
const OPENS_TEXT = ['description', 'info', 'eventId', 'body'];

// Get-WinEvent's error when nothing matches the filter (Windows PowerShell puts a space before the colon,
// PowerShell 7 none), and the rows of the error record under it.
const NO_EVENTS = /^Get-WinEvent ?: No events were found that match the specified selection criteria\.?$/;
const RECORD = /^(?:At line:\d{1,6} char:\d{1,6}|\+ .{0,2000}|\+)$/;

// What a line can be in an event copy: Event Viewer's labels, wevtutil's header, Format-List properties,
// a message text that is an event's alone.
function eventLine(line: Line): Hit | null {
  const t = unmark(line.norm);
  if (t.length < 3) return null;
  if (NO_EVENTS.test(t)) return { family: 'event', key: 'none', value: t, start: true };
  // One message per event: a second one in the same section opens the next event.
  if (isBody(t)) return { family: 'event', key: 'body', value: t, start: true };
  // Inside an event, a code row belongs to it (the explanation under 12293's Info); elsewhere it is slmgr's.
  if (CODE_ROW.test(t)) return { family: 'event', key: 'text', value: t, start: false, repeat: true };
  if (/^Event\[\d{1,6}\]:$/.test(t)) return { family: 'event', key: 'wevtutil', value: '', start: true };
  const fl = formatList(t);
  if (fl) {
    const key = FL_NAMES.get(fl.name);
    if (!key) return null;
    // A Message that is one of the bodies is that body; TimeCreated begins each Get-WinEvent record.
    if (key === 'description' && isBody(fl.value))
      return { family: 'event', key: 'body', value: fl.value, start: true };
    const start =
      key === 'source'
        ? SPP_SOURCE.test(fl.value)
        : key === 'eventId' || key === 'logName' || key === 'created';
    // TimeCreated heads each record of Format-List TimeCreated,…: it never joins the record above it, whose
    // own time it is not (a record that lists it after its message, as fl * does, loses its time instead).
    return { family: 'event', key, value: fl.value, start, ...(key === 'created' ? { first: true } : {}) };
  }
  const m = /^([A-Za-zЁА-яё ]{2,20}):(?:\s{1,40}(.{0,2000}))?$/.exec(t);
  const label = m ? LABELS.get(m[1]!.toLowerCase()) : undefined;
  if (!m || !label) return null;
  const value = (m[2] ?? '').trim();
  const start = label.key === 'source' ? SPP_SOURCE.test(value) : label.start;
  const key = label.key === 'info' && CSV.test(value) ? 'csv' : label.key;
  return { family: 'event', key, value, start };
}

function finishEvent(draft: Draft): Finished {
  const e = draft.entries;
  const s = new Sink('event');
  const none = first(e, 'none');
  if (none) {
    s.put('noEvents', true, none);
    return s.out;
  }
  const time = first(e, 'created') ?? first(e, 'date');
  if (time?.value) s.out.time = time.value;
  const id = first(e, 'eventId');
  const instance = first(e, 'instanceId');
  const bodyEntry = first(e, 'body');
  const named = bodyEntry ? BODIES.find(([re]) => re.test(bodyEntry.value))?.[1] : undefined;
  // Get-EventLog's InstanceId carries the event's qualifiers above its ID (0x40003002 for 12290).
  const fromInstance = uint(instance?.value);
  const eventId =
    uint(id?.value) ?? (fromInstance === undefined ? undefined : fromInstance % 0x10000) ?? named;
  s.put('eventId', eventId, id ?? instance ?? bodyEntry);
  const source = first(e, 'source');
  s.put('source', source?.value || undefined, source);

  // The Info CSV: on the "Info:" line itself, or the first text row that starts with a hex HRESULT.
  type Row = { text: string; line: Line };
  const rows: Row[] = [];
  for (const x of e) {
    if (TEXT_KEYS.has(x.key)) {
      if (x.value) rows.push({ text: x.value, line: x.line });
      for (const more of x.more) rows.push({ text: more, line: x.line });
    }
  }
  // Which Info layout: the Event ID says, else the message text does.
  const body = first(e, 'body')?.value ?? '';
  const request = eventId === 12288 || (eventId === undefined && REQUEST.test(body));
  const response = eventId === 12289 || (eventId === undefined && RESPONSE.test(body));
  const csv = rows.find((r) => CSV.test(r.text));
  if (csv) {
    const fields = csv.text.split(',').map((f) => f.trim());
    s.put('errorCode', hexCode(fields[0]!), csv.line);
    // 12288 (client request) names the KMS host as host:port in its third field.
    const hp = fields[2] !== undefined ? hostPort(fields[2], true) : undefined;
    if (hp?.port !== undefined) {
      s.put('kmsHost', hp.host, csv.line);
      s.put('kmsPort', hp.port, csv.line);
    }
    // 12288: HRESULT, flags, host:port, CMID, time, VM, license state (0…6), minutes, activation ID, N.
    const state = uint(fields[6]);
    if (request && fields.length >= 8 && state !== undefined)
      s.put('licenseStatus', LICENSE_STATUSES[state], csv.line); // 12288's Info numbers them as CIM does
    // 12289 (client response): HRESULT, flags, fBound, unused, KMS current count, intervals, time.
    if (response) s.put('currentCount', uint(fields[4]), csv.line);
    // 12290 (on the host): HRESULT, minimum count, client name, client CMID, client time…
    if (eventId === 12290) {
      s.put('kmsClient', fields[2], csv.line);
      s.put('clientCmid', fields[3], csv.line);
    }
  } else {
    // The first code the text gives: a row that is one (12293's Info), or hr=, Error Code:, Reason:.
    for (const r of rows) {
      const code = CODE_ROW.exec(unmark(r.text))?.[1] ?? CODE_IN_TEXT.exec(r.text)?.[1];
      if (code) {
        s.put('errorCode', hexCode(code), r.line);
        break;
      }
    }
  }
  return s.out;
}

/**
 * Whether the 12290 events read together show one CMID sent by two machines (clones the host counts as one),
 * put on the event that proves it. A machine is its first DNS label: PC042 and PC042.corp.contoso.com are one.
 * Yes only where the names take turns under one CMID (A, B, A in the list's order): a machine renamed or joined
 * to a domain sends its CMID under an old name, then a new one, but never back and forth. No only where at
 * least two machines were read, each with a CMID of its own, and every event gave its name and CMID.
 */
function sharedCmid(sections: Section[]): void {
  const requests = sections.filter((x) => x.kind === 'event' && x.facts.eventId === 12290);
  if (requests.length < 2) return;
  // For each CMID: the machines it came from, in the order listed, and how often the machine changed.
  const byCmid = new Map<string, { last: string; names: Set<string>; turns: number }>();
  let complete = true;
  for (const r of requests) {
    const { kmsClient: name, clientCmid: cmid } = r.facts;
    if (name === undefined || cmid === undefined) {
      complete = false;
      continue;
    }
    const machine = machineOf(name);
    const seen = byCmid.get(cmid.toLowerCase());
    if (!seen) {
      byCmid.set(cmid.toLowerCase(), { last: machine, names: new Set([machine]), turns: 0 });
      continue;
    }
    if (seen.last !== machine) seen.turns++;
    seen.last = machine;
    seen.names.add(machine);
    // Two turns: back to a name already left, which a rename cannot do.
    if (seen.turns >= 2) {
      put(r, true);
      return;
    }
  }
  const machines = new Set([...byCmid.values()].flatMap((c) => [...c.names]));
  const own = [...byCmid.values()].every((c) => c.names.size === 1);
  if (complete && own && machines.size >= 2) put(requests[requests.length - 1]!, false);
}

// A client as one machine: its first DNS label, ignoring case (an address stays whole).
function machineOf(name: string): string {
  const n = name.toLowerCase();
  return isIp(n) ? n : n.split('.')[0]!;
}

// The fact goes on a section whose CSV row proves it (the row with the repeated CMID, or the last one read).
function put(section: Section, value: boolean): void {
  const kept = factValue('sharedCmid', value);
  const line = section.lines.clientCmid;
  if (kept === undefined || line === undefined) return;
  section.facts.sharedCmid = kept;
  section.lines.sharedCmid = line;
}

/** Software Protection events; no command line of its own (the copies come from Event Viewer too). */
export const EVENT: OutputKind = {
  id: 'event',
  sections: ['event'],
  facts: [
    'eventId',
    'source',
    'errorCode',
    'kmsHost',
    'kmsPort',
    'currentCount',
    'licenseStatus',
    'noEvents',
    'kmsClient',
    'clientCmid',
    'sharedCmid',
  ],
  line: eventLine,
  // Message text after the Event ID, "Description:", "Info:" or a message's first line (and Format-List
  // continuation rows), up to the CSV.
  free: (draft, line) => {
    if (draft.keys.has('none'))
      return RECORD.test(line.norm)
        ? { family: 'event', key: 'record', value: '', start: false, repeat: true }
        : null;
    if (draft.keys.has('csv') || !OPENS_TEXT.some((k) => draft.keys.has(k))) return null;
    const t = unmark(line.norm);
    // Rows after an "hr=" row still belong to the message (8198's command-line arguments).
    const key = CSV.test(t) ? 'csv' : 'text';
    return { family: 'event', key, value: t, start: false, repeat: key === 'text' };
  },
  finish: finishEvent,
  across: (sections, times) => {
    sharedCmid(sections);
    newestAnswers(sections, times);
  },
};

/**
 * Events pasted together, in the order of the times they print: where two give the same fact, the newer one's
 * stands and the older one's is dropped, whatever order the list came in (Get-WinEvent's newest first,
 * -Oldest, two runs one after the other). An event left with nothing of its own is set aside as older. A run
 * is consecutive events; times that cannot be put in one order (a day and a month that could be either) leave
 * it as pasted, and so does a run where no event prints a time. A host's 12290s are left as they are: each is
 * another client's.
 */
function newestAnswers(sections: Section[], times: readonly (string | undefined)[]): void {
  let run: number[] = [];
  let timeless = false;
  const flush = () => {
    const events = run.map((i) => sections[i]!);
    const timed = run.filter((i) => times[i] !== undefined).length;
    // An event with no time among timed ones: its place is unknown, so a fact they give differently is
    // dropped from them all rather than left to the order they were pasted in. With no time at all, the
    // order pasted is all there is.
    if (timeless && timed) dropDiffering(events);
    else if (!timeless && run.length > 1)
      newestOf(
        events,
        run.map((i) => times[i]!),
      );
    run = [];
    timeless = false;
  };
  for (const [i, section] of sections.entries()) {
    if (section.kind !== 'event') flush();
    else if (section.facts.eventId === 12290) continue;
    else {
      if (times[i] === undefined) timeless = true;
      run.push(i);
    }
  }
  flush();
}

/** Drops from every event each fact two of them give with different values. */
function dropDiffering(events: readonly Section[]): void {
  const seen = new Map<string, string>();
  const differ = new Set<string>();
  for (const event of events)
    for (const [name, value] of Object.entries(event.facts)) {
      const v = JSON.stringify(value);
      if (seen.has(name) && seen.get(name) !== v) differ.add(name);
      seen.set(name, v);
    }
  for (const event of events) for (const name of differ) dropFact(event, name);
}

/** Takes a fact, and the line it came from, out of a section. */
function dropFact(section: Section, name: string): void {
  delete (section.facts as Record<string, unknown>)[name];
  delete (section.lines as Record<string, unknown>)[name];
}

function newestOf(events: Section[], times: string[]): void {
  const keys = timeKeys(times);
  if (!keys) return;
  // Events of the same time are put in the order the rest of the list runs in (newest first, as Get-WinEvent,
  // wevtutil /rd:true and Event Viewer list them, or oldest first); where the list says neither, a fact they
  // give differently is dropped from them all.
  let down = false;
  let up = false;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i]! < keys[i - 1]!) down = true;
    if (keys[i]! > keys[i - 1]!) up = true;
  }
  const direction = down && !up ? -1 : up && !down ? 1 : 0;
  // How event i stands against j: above 0 when it is the newer, 0 when the list cannot tell.
  const cmp = (i: number, j: number) => Math.sign(keys[i]! - keys[j]!) || direction * Math.sign(i - j);
  const order = events.map((_, i) => i).sort((a, b) => cmp(b, a));
  // The newest event that gave each fact so far, and its value.
  const given = new Map<string, { at: number; value: string }>();
  const tied = new Set<string>();
  for (const i of order) {
    for (const [name, fact] of Object.entries(events[i]!.facts)) {
      const value = JSON.stringify(fact);
      const newer = given.get(name);
      if (newer === undefined) given.set(name, { at: i, value });
      else if (cmp(newer.at, i) > 0) dropFact(events[i]!, name);
      else if (newer.value !== value) tied.add(name);
    }
  }
  for (const event of events) {
    for (const name of tied) dropFact(event, name);
    if (Object.keys(event.facts).length === 0) event.aside = 'older';
  }
}

// A printed time: year first (2025-10-23 09:58:11, wevtutil's 2025-10-23T09:58:11.123Z), or day and month
// before the year (23.10.2025 9:58:11; 10/23/2025 9:58:11 AM, which may be either way round).
// Either may end in fractions of a second and AM/PM (en-CA: 2025-10-23 1:05:11 p.m., a narrow no-break space before it).
const YEAR_FIRST =
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?[\s\u202f]{0,2}([AP]\.?M\.?)?/i;
const YEAR_LAST =
  /^(\d{1,2})([-./])(\d{1,2})[-./](\d{4}),?\s{1,3}(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?[\s\u202f]{0,2}([AP]\.?M\.?)?/i;

/** Sortable numbers for the times, or undefined when they cannot be put in one order. */
function timeKeys(times: readonly string[]): number[] | undefined {
  const readings = (['ymd', 'dmy', 'mdy'] as const)
    .map((way) => times.map((t) => timeKey(t.trim(), way)))
    .filter((keys): keys is number[] => keys.every((k) => k !== undefined));
  if (!readings.length) return undefined;
  // Every way the times can be read must put them in the same order, ties included.
  const [first, ...others] = readings;
  const byFirst = first!.map((_, i) => i).sort((a, b) => first![a]! - first![b]!);
  for (const keys of others)
    for (let j = 1; j < byFirst.length; j++) {
      const [a, b] = [byFirst[j - 1]!, byFirst[j]!];
      if (Math.sign(first![b]! - first![a]!) !== Math.sign(keys[b]! - keys[a]!)) return undefined;
    }
  return first;
}

function timeKey(t: string, way: 'ymd' | 'dmy' | 'mdy'): number | undefined {
  let y: number, mo: number, d: number, clock: (string | undefined)[];
  if (way === 'ymd') {
    const m = YEAR_FIRST.exec(t);
    if (!m) return undefined;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    clock = m.slice(4);
  } else {
    const m = YEAR_LAST.exec(t);
    // Dots are always day first (23.10.2025).
    if (!m || (m[2] === '.' && way === 'mdy')) return undefined;
    const [a, b] = [Number(m[1]), Number(m[3])];
    [d, mo] = way === 'dmy' ? [a, b] : [b, a];
    y = Number(m[4]);
    clock = m.slice(5);
  }
  // Hours, minutes, seconds, fraction, AM/PM.
  const [hh, mm, ss, frac, half] = clock;
  let h = Number(hh);
  const [mi, sec] = [Number(mm), Number(ss ?? '0')];
  const ampm = half?.[0]?.toUpperCase();
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ampm === 'P' ? 12 : 0);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return undefined;
  // Milliseconds on one clock, the fraction kept (wevtutil prints seven digits): a double holds it to the µs.
  return Date.UTC(y, mo - 1, d, h, mi, sec) + Number(`0.${frac ?? '0'}`) * 1000;
}
