/**
 * A service's state: `(Get-Service sppsvc).Status` (the state word alone), Get-Service's table, and
 * `sc query`. Read only where the output shows one service: a list of many names no single state.
 * Russian sc translates its labels ("Имя_службы:", "Состояние", "Код_выхода_Win32") and keeps the state
 * names in English ("4  RUNNING").
 */
import { commandHit } from '../commands.ts';
import { Sink } from '../text.ts';
import { SERVICE_STATES } from '../types.ts';
import type { Draft, Entry, Finished, Hit, Line, OutputKind, ServiceState } from '../types.ts';

type State = ServiceState;

// PowerShell's ServiceControllerStatus names, and sc's for the same states.
const STATES: readonly State[] = SERVICE_STATES;
const SC_STATES = new Map<string, State>(
  STATES.map((s) => [s.replace(/(?<=.)([A-Z])/g, '_$1').toUpperCase(), s]),
);
const WORD = new RegExp(`^(${STATES.join('|')})$`);
const ROW = new RegExp(`^(${STATES.join('|')})\\s{1,40}(\\S{1,80})\\s{1,40}(\\S.{0,200})$`);

function hit(key: string, value: string, start: boolean, repeat = false): Hit {
  return { family: 'service', key, value, start, repeat };
}

// What a line can be in Get-Service or sc query output.
function serviceLine(line: Line): Hit | null {
  const t = line.norm;
  let m: RegExpExecArray | null;
  if ((m = WORD.exec(t))) return hit('word', m[1]!, true, true);
  if (/^Status\s{1,20}Name\s{1,40}DisplayName$/.test(t)) return hit('header', t, true);
  if ((m = ROW.exec(t))) return hit('row', m[1]!, true, true);
  if ((m = /^(?:SERVICE_NAME|Имя_службы): (\S{1,256})$/.exec(t))) return hit('scName', m[1]!, true, true);
  // "STATE              : 4  RUNNING" (tabs on older Windows), "Состояние          : 4  RUNNING".
  if ((m = /^(?:STATE|Состояние)\s{0,30}:\s{0,4}\d\s{1,4}([A-Z_]{4,20})\b/.exec(t)))
    return hit('scState', m[1]!, false, true);
  return null;
}

function finishService(draft: Draft): Finished {
  const s = new Sink('service');
  const e = draft.entries as Entry[];
  const of = (key: string) => e.filter((x) => x.key === key);
  const words = of('word');
  const rows = of('row');
  const scStates = of('scState');
  // One service only: one state word, one table row, or one sc record.
  if (words.length === 1 && !rows.length && !scStates.length)
    s.put('serviceState', words[0]!.value as State, words[0]);
  else if (rows.length === 1 && !words.length && !scStates.length)
    s.put('serviceState', rows[0]!.value as State, rows[0]);
  else if (scStates.length === 1 && of('scName').length <= 1 && !words.length && !rows.length)
    s.put('serviceState', SC_STATES.get(scStates[0]!.value), scStates[0]);
  return s.out;
}

/** Get-Service and sc query. */
export const SERVICE: OutputKind = {
  id: 'service',
  sections: ['service'],
  facts: ['serviceState'],
  command: (text) =>
    /^\(?Get-Service\b/i.test(text) || /^sc(?:\.exe)?\s+query(?:ex)?\b/i.test(text)
      ? commandHit('service', text)
      : null,
  line: serviceLine,
  // sc's other fields (in English or Russian, as sc.exe's ru-RU strings name them) and the flags row under
  // STATE belong to the record.
  free: (_draft, line) =>
    /^(?:[A-Z][A-Z0-9_]{1,30}\s{0,30}:|DISPLAY_NAME:|\([A-Z_, ]{3,200}\)$|-{3,}\s)/.test(line.norm) ||
    /^(?:Тип|Код_выхода_Win32|Код_выхода_службы|Контрольная_точка|Ожидание|ID_процесса|Флаги|Выводимое_имя)\s{0,30}:/.test(
      line.norm,
    )
      ? hit('other', line.norm, false, true)
      : null,
  finish: finishService,
};
