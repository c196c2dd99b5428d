/**
 * Software Protection events (12288, 12289, 12290, 12293, 8198…) as copied from Event Viewer,
 * printed by wevtutil, or listed by Get-WinEvent / Get-EventLog | Format-List.
 */
import { Sink, first, formatList, hexCode, hostPort, uint } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

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
]);

// Get-WinEvent and Get-EventLog property names (Format-List).
const FL_NAMES = new Map<string, string>([
  ['TimeCreated', 'date'],
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

// What a line can be in an event copy: Event Viewer's labels, wevtutil's header, Format-List properties.
function eventLine(line: Line): Hit | null {
  const t = line.norm;
  if (/^Event\[\d{1,6}\]:$/.test(t)) return { family: 'event', key: 'wevtutil', value: '', start: true };
  const fl = formatList(t);
  if (fl) {
    const key = FL_NAMES.get(fl.name);
    if (!key) return null;
    const start = key === 'source' ? SPP_SOURCE.test(fl.value) : key === 'eventId' || key === 'logName';
    return { family: 'event', key, value: fl.value, start };
  }
  const m = /^([A-Za-z ]{2,20}):(?:\s{1,40}(.{0,2000}))?$/.exec(t);
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
  const id = first(e, 'eventId');
  const instance = first(e, 'instanceId');
  const eventId = uint(id?.value) ?? uint(instance?.value);
  s.put('eventId', eventId, id ?? instance);
  const source = first(e, 'source');
  s.put('source', source?.value || undefined, source);

  // The Info CSV: on the "Info:" line itself, or the first text row that starts with a hex HRESULT.
  type Row = { text: string; line: Line };
  const rows: Row[] = [];
  for (const x of e) {
    if (x.key === 'info' || x.key === 'text' || x.key === 'csv' || x.key === 'description') {
      if (x.value) rows.push({ text: x.value, line: x.line });
      for (const more of x.more) rows.push({ text: more, line: x.line });
    }
  }
  const csv = rows.find((r) => CSV.test(r.text));
  const hr = rows.find((r) => /^hr ?= ?0x[0-9a-f]{1,8}$/i.test(r.text));
  if (csv) {
    const fields = csv.text.split(',').map((f) => f.trim());
    s.put('errorCode', hexCode(fields[0]!), csv.line);
    // 12288 (client request) names the KMS host as host:port in its third field.
    const hp = fields[2] !== undefined ? hostPort(fields[2], true) : undefined;
    if (hp?.port !== undefined) {
      s.put('kmsHost', hp.host, csv.line);
      s.put('kmsPort', hp.port, csv.line);
    }
    // 12289 (client response): HRESULT, flags, fBound, unused, KMS current count, intervals, time.
    if (eventId === 12289) s.put('currentCount', uint(fields[4]), csv.line);
  } else if (hr) {
    s.put('errorCode', hexCode(hr.text.replace(/^hr ?= ?/i, '')), hr.line);
  }
  return s.out;
}

/** Software Protection events; no command line of its own (the copies come from Event Viewer too). */
export const EVENT: OutputKind = {
  id: 'event',
  sections: ['event'],
  facts: ['eventId', 'source', 'errorCode', 'kmsHost', 'kmsPort', 'currentCount'],
  line: eventLine,
  // Message text under "Description:" / "Info:" (and Format-List continuation rows), up to the CSV.
  free: (draft, line) => {
    if (draft.keys.has('csv') || !(draft.keys.has('description') || draft.keys.has('info'))) return null;
    const key = CSV.test(line.norm) || /^hr ?= ?0x[0-9a-f]{1,8}$/i.test(line.norm) ? 'csv' : 'text';
    return { family: 'event', key, value: line.norm, start: false, repeat: key === 'text' };
  },
  finish: finishEvent,
};
