/**
 * reg query output: key lines (`HKEY_LOCAL_MACHINE\…`), value rows (`    Name    REG_TYPE    Data`) and the
 * error reg prints when the key or value is not there, in English or Russian. Only the values the activation
 * steps ask about become facts; a value name is read only under the key it belongs to, when the output
 * names that key or the value's name and data say it alone ("Enabled" is every other key's value too).
 * reg add and reg delete print one line: "The operation completed successfully." or an error.
 */
import { commandHit } from '../commands.ts';
import { Sink } from '../text.ts';
import type { Draft, Entry, Finished, Hit, Line, OutputKind } from '../types.ts';

const KEY =
  /^(HKEY_(?:LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG)(?:\\[^\\]{1,255}){0,40})\\?$/;
// Four spaces between the columns (a tab on older Windows); data may be empty.
const ROW = /^(.{1,255}?)(?: {4}|\t)(REG_[A-Z_]{2,40})(?:(?: {4}|\t)(.{0,2000}))?$/;
// English; Russian as Microsoft's Russian articles and the Russian scripts that test for it quote it
// (with and without "в реестре", the label in capitals or not).
// The last line of a search (/f): how many keys, values and data matched.
const END = /^End of search: (\d{1,7}) match\(es\) found\.?$/;
// An Uninstall subkey named by a GUID alone: an MSI product code (Inno's "{…}_is1" is none).
const PRODUCT_KEY = /\\Uninstall\\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;
const MISSING = [
  /^ERROR: The system was unable to find the specified registry key or value\.?$/,
  /^ОШИБКА: Не удается найти указанный раздел или параметр (?:в реестре|реестра)\.?$/i,
];

// Where each value lives: the key path's end, lowercase.
const SPP = '\\microsoft\\windows nt\\currentversion\\softwareprotectionplatform';
const W32TIME_PARAMETERS = '\\services\\w32time\\parameters';
const NTP_CLIENT = '\\services\\w32time\\timeproviders\\ntpclient';
const W32TIME_CONFIG = '\\services\\w32time\\config';
// reg add's (and delete's) own result: Windows' wording of success, or an error after the command.
const DONE = /^The operation completed successfully\.?$/;
const FAILED = /^ERROR: \S.{0,300}$/i;
const TIME_TYPES = ['NT5DS', 'NTP', 'NoSync', 'AllSync'] as const;

function hit(key: string, value: string): Hit {
  return { family: 'reg', key, value, start: true, repeat: true };
}

// What a line can be in reg query output.
function regLine(line: Line): Hit | null {
  const t = line.norm;
  let m: RegExpExecArray | null;
  if ((m = KEY.exec(t))) return hit('key', m[1]!);
  if ((m = ROW.exec(t))) return hit('row', t);
  if (MISSING.some((re) => re.test(t))) return hit('missing', t);
  if ((m = END.exec(t))) return hit('end', m[1]!);
  // Many programs print these: they are reg's only after a reg add or reg delete command line.
  if (DONE.test(t)) return { family: 'reg', key: 'done', value: t, start: false };
  if (FAILED.test(t)) return { family: 'reg', key: 'failed', value: t, start: false };
  return null;
}

// A DWORD as reg prints it (0x1); undefined for any other shape.
function dword(type: string, data: string): number | undefined {
  const m = type === 'REG_DWORD' ? /^0x([0-9a-f]{1,8})$/i.exec(data) : null;
  return m ? parseInt(m[1]!, 16) : undefined;
}

function finishReg(draft: Draft): Finished {
  const s = new Sink('reg');
  let key: string | undefined;
  const under = (end: string) => key === undefined || key.toLowerCase().endsWith(end);
  const products = new Set<string>();
  let firstProduct: Entry | undefined;
  const phase: number[] = [];
  let phaseEntry: Entry | undefined;
  for (const e of draft.entries as Entry[]) {
    if (e.key === 'key') key = e.value;
    if (e.key === 'key' && PRODUCT_KEY.test(e.value)) {
      products.add(e.value.toLowerCase());
      firstProduct ??= e;
    }
    if (e.key === 'missing') s.put('registryNotFound', true, e);
    if (e.key === 'done' && draft.hint === 'change') s.put('regChanged', true, e);
    if (e.key === 'failed' && draft.hint === 'change') s.put('regChanged', false, e);
    if (e.key !== 'row') continue;
    const [, rawName, type, rawData] = ROW.exec(e.value)!;
    const name = rawName!.trim().toLowerCase();
    const data = (rawData ?? '').trim();
    if (name === 'skiprearm' && under(SPP)) s.put('skipRearm', dword(type!, data), e);
    if (name === 'disablednspublishing' && under(SPP)) {
      const v = dword(type!, data);
      // Any value other than 0 turns publishing off, not only 1.
      s.put('dnsPublishing', v === undefined ? undefined : v === 0, e);
    }
    if (name === 'keymanagementservicename' && type === 'REG_SZ' && under(SPP)) {
      s.put('kmsHost', data, e);
      if (s.out.facts.kmsHost !== undefined) s.put('kmsHostFrom', 'registered', e);
    }
    if (name === 'type' && type === 'REG_SZ' && under(W32TIME_PARAMETERS))
      s.put(
        'timeType',
        TIME_TYPES.find((x) => x.toLowerCase() === data.toLowerCase()),
        e,
      );
    // Both limits, forward and back: which way the clock is off, the output does not say.
    if (/^max(?:pos|neg)phasecorrection$/.test(name) && under(W32TIME_CONFIG)) {
      const v = dword(type!, data);
      if (v !== undefined) phase.push(v);
      phaseEntry ??= e;
    }
    // "Enabled" names a value under many keys: only NtpClient's, and only where the key line says so.
    if (name === 'enabled' && key !== undefined && under(NTP_CLIENT)) {
      const v = dword(type!, data);
      s.put('ntpClientEnabled', v === 1 ? true : v === 0 ? false : undefined, e);
    }
  }
  // A count of none only where the search's last line shows it ended: a cut paste proves nothing missing.
  const end = draft.entries.find((e) => e.key === 'end');
  if (phase.length === 2) s.put('maxPhaseCorrection', Math.min(...phase), phaseEntry);
  if (products.size > 0) s.put('productCodeKeys', products.size, firstProduct);
  // A search elsewhere (W32Time\Config /f) that found no product code is no count of them.
  else if (end && !draft.entries.some((e) => e.key === 'key' && !/\\Uninstall\b/i.test(e.value)))
    s.put('productCodeKeys', 0, end);
  return s.out;
}

/** reg query output. */
export const REG: OutputKind = {
  id: 'reg',
  sections: ['reg'],
  facts: [
    'skipRearm',
    'dnsPublishing',
    'kmsHost',
    'kmsHostFrom',
    'timeType',
    'ntpClientEnabled',
    'registryNotFound',
    'productCodeKeys',
    'regChanged',
    'maxPhaseCorrection',
  ],
  command: (text) =>
    /^reg(?:\.exe)?\s+query\s/i.test(text)
      ? commandHit('reg', text)
      : /^reg(?:\.exe)?\s+(?:add|delete)\s/i.test(text)
        ? commandHit('reg', text, 'change')
        : null,
  line: regLine,
  finish: finishReg,
};
