/**
 * slmgr.vbs /ato output: the activation result, or an error with its code and message (as printed, or
 * copied from the Windows Script Host dialog), rejoined across console wraps.
 */
import { commandHit } from '../commands.ts';
import { Sink, hexCode, last, leadingCode } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';
import { slmgrOption } from './slmgr-command.ts';

// What a line can be in slmgr /ato output: the activating line, success, or an error.
function atoLine(line: Line): Hit | null {
  const t = line.norm;
  // "Activating <product> (<activation id>) ..." — often cut by the 80-column wrap.
  if (/^Activating .{0,300}(?:edition|\(R\)|\(TM\)|Office)/i.test(t)) {
    return { family: 'ato', key: 'activating', value: t, start: true, wrap: true };
  }
  if (/^Product activated successfully\.?$/i.test(t)) {
    return { family: 'ato', key: 'activated', value: t, start: true };
  }
  const err = /^(?:Error|Ошибка): ?(.*)$/.exec(t);
  if (err) return { family: 'ato', key: 'error', value: err[1]!.trim(), start: true, wrap: true };
  const occurred = /^Error (0x[0-9a-f]{1,8}) occurred (.{1,300})$/i.exec(t);
  if (occurred) {
    return { family: 'ato', key: 'error', value: `${occurred[1]} ${occurred[2]}`, start: true, wrap: true };
  }
  const slui =
    /^On a computer running Microsoft Windows non-core edition, run 'slui\.exe 0x2a (0x[0-9a-f]{1,8})' to display the error text\.?$/i.exec(
      t,
    );
  if (slui) return { family: 'ato', key: 'slui', value: slui[1]!, start: true };
  return null;
}

function finishAto(draft: Draft): Finished {
  const err = last(draft.entries, 'error');
  const slui = last(draft.entries, 'slui');
  const s = new Sink(err || slui ? 'slmgr-error' : 'slmgr-ato');
  if (err) {
    const code = leadingCode(err.value);
    s.put('errorCode', code?.code, err);
    const message = code ? code.rest.trim() : err.value;
    s.put('message', message || undefined, err);
  }
  if (!s.out.facts.errorCode && slui) s.put('errorCode', hexCode(slui.value), slui);
  const ok = last(draft.entries, 'activated');
  s.put('activated', ok ? true : undefined, ok);
  return s.out;
}

/** slmgr /ato: the activation result or its error (also an slmgr error copied from its dialog). */
export const ATO: OutputKind = {
  id: 'ato',
  sections: ['slmgr-ato', 'slmgr-error'],
  facts: ['errorCode', 'message', 'activated'],
  command: (text) => (slmgrOption(text) === 'ato' ? commandHit('ato', text) : null),
  line: atoLine,
  finish: finishAto,
};
