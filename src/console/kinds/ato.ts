/**
 * slmgr.vbs results that are one message: /ato (activated, or an error), the success messages of the
 * options that change one setting (/ipk, /skms, /ckms, /atp, /rilc, /rearm…: `succeeded`), and their errors.
 * An error is read in every form it is pasted in: as printed, copied from the Windows Script Host dialog
 * (one line: title, product, error), wrapped in Markdown, as "0x…: message", with a localized label
 * (Ошибка:, Fehler:, Erreur :, 错误:…); its message is rejoined across console wraps.
 */
import { commandHit } from '../commands.ts';
import { Sink, first, hexCode, last, leadingCode, unmark } from '../text.ts';
import { SLMGR_DONE } from '../types.ts';
import type { Draft, Finished, Hit, Line, OutputKind, SlmgrDone } from '../types.ts';
import { slmgrOption } from './slmgr-command.ts';

// The labels slmgr's error line has in the languages Windows prints it in ("Error: 0x…").
const LABEL =
  'Error|Ошибка|Помилка|Fehler|Erreur ?|Errore|Erro|Błąd|Chyba|Hiba|Fout|Fejl|Feil|Fel|Virhe|Hata|错误|錯誤|エラー|오류';
// The label at the start of a row. English and Russian take any text after "Error:", as before; the
// others, and a label ended by a period (a translated page's "Ошибка. 0x…"), only a code, so a
// localized word followed by a colon in other text opens nothing. Labels are matched as Windows
// capitalizes them: a lowercase "error:" is some other program's.
const LABELLED = new RegExp(`^(${LABEL})\\s?([:.])\\s?(.*)$`);
// The label inside a row (the dialog copied as one line): a failure HRESULT must follow.
// Case counts: the dialog writes "Error:", while w32tm's sample rows read ", error: 0x…" and are w32tm's.
const INLINE = new RegExp(
  `(?:^|[\\s.,;:!?)\\]"'“”«„])(?:${LABEL})\\s?:\\s?(0[xX][89a-fA-F][0-9a-fA-F]{7})(?![0-9a-zA-Z])`,
);
// "0xC004F038: The Software Licensing Service reported …": a failure HRESULT, then a sentence.
const CODE_FIRST = /^(0x[89a-f][0-9a-f]{7}):\s{1,4}(\p{L}.{0,2000})$/iu;
// slmgr's hint for a code it has no text for, in any language: the code is the one slui shows.
const SLUI = /\bslui(?:\.exe)? 0x2a (0x[0-9a-f]{1,8})(?![0-9a-z])/i;
// "Activating <product> (<activation id>) ...": the product's name before the activation ID (or the
// placeholder Microsoft's articles print in its place, "(\<kms-client-product-key>)").
// Russian Windows starts the row with "Активация" (Microsoft's ru-RU article on Azure activation quotes it).
const ACTIVATING =
  /(?:\bActivating|(?:^|\s)Активация) (Windows.{1,150}?) \((?:[0-9a-f]{8}-[0-9a-f-]{4,27}|\\?<[^<>()]{1,40}>)\)/i;
// The result on the activating row itself (a page that joined the two rows), in English or in Russian.
const ACTIVATED =
  /^(?:Activating .{1,400}\bProduct activated successfully|Активация Windows.{1,400}\sАктивация выполнена успешно)\.?$/i;
// Russian Windows' result row alone, as the same article quotes it. Other Russian programs word a success the
// same way: alone it only continues an /ato output (its command line or its activating row), never opens one.
const ACTIVATED_RU = /^Активация выполнена успешно\.?$/i;

// slmgr.vbs's success messages, as its string table words them (L_MsgInstalledPKey, L_MsgKmsNameSet…),
// each with the option that prints it. English only: no Russian Windows capture of them was found.
const DONE: ReadonlyArray<readonly [RegExp, SlmgrDone]> = [
  [/^Installed product key .{1,80} successfully\.?$/i, 'ipk'],
  [/^Uninstalled product key successfully\.?$/i, 'upk'],
  [/^Product key from registry cleared successfully\.?$/i, 'cpky'],
  [/^Confirmation ID for product \S{1,80} deposited successfully\.?$/i, 'atp'],
  [/^License file .{1,300} installed successfully\.?$/i, 'ilc'],
  [/^License files re-installed successfully\.?$/i, 'rilc'],
  [/^Volume activation type set successfully\.?$/i, 'act-type'],
  [/^Key Management Service machine name set to \S{1,300} successfully\.?$/i, 'skms'],
  [/^Key Management Service machine name cleared successfully\.?$/i, 'ckms'],
  [/^Key Management Service lookup domain set to \S{1,300} successfully\.?$/i, 'skms-domain'],
  [/^Key Management Service lookup domain cleared successfully\.?$/i, 'ckms-domain'],
  [/^KMS port set to \d{1,5} successfully\.?$/i, 'sprt'],
  [/^Volume activation interval set to \d{1,10} minutes successfully\.?$/i, 'sai'],
  [/^Volume renewal interval set to \d{1,10} minutes successfully\.?$/i, 'sri'],
  [/^KMS priority set to Normal\.?$/i, 'spri'],
  [/^KMS priority set to Low\.?$/i, 'cpri'],
];
// Messages other programs print too: they count only after the command that prints them (or, for
// /rearm, beside its own second line). "Product activated successfully." after an AD activation command
// activated the forest's activation object, not this Windows.
const SHARED: Readonly<Partial<Record<string, readonly SlmgrDone[]>>> = {
  'command completed': ['rearm', 'rearm-app', 'rearm-sku'],
  'operation completed': ['del-ao'],
  activated: ['ad-activation-online', 'ad-activation-apply-cid'],
};

// What a line can be in these results: the activating line, success, an error in any of its forms.
/** An error row: it opens the section, and its message may go on, wrapped, on the rows under it. */
const errorHit = (value: string): Hit => ({
  family: 'ato',
  key: 'error',
  value,
  start: true,
  wrap: true,
  sentence: true,
});

function atoLine(line: Line): Hit | null {
  // The message box's furniture, when it was copied with its frame, and a Markdown code fence.
  if (/^(?:-{27}|Windows Script Host|```[a-z]{0,20})$/i.test(line.norm)) {
    return { family: 'ato', key: 'frame', value: '', start: false, noise: true };
  }
  const t = unmark(line.norm);
  if (t.length < 3) return null;
  if (ACTIVATED.test(t)) return { family: 'ato', key: 'activated', value: t, start: true, first: true };
  // "Activating <product> (<activation id>) ..." — often cut by the 80-column wrap.
  if (/^(?:Activating|Активация) .{0,300}(?:edition|\(R\)|\(TM\)|Office)/i.test(t) && !INLINE.test(t)) {
    return { family: 'ato', key: 'activating', value: t, start: true, wrap: true, first: true };
  }
  if (/^Product activated successfully\.?$/i.test(t)) {
    return { family: 'ato', key: 'activated', value: t, start: true };
  }
  if (ACTIVATED_RU.test(t)) return { family: 'ato', key: 'activated', value: t, start: false };
  // A success is the first line its command prints (/rilc's follows its progress line): a later one is another run's.
  for (const [re, option] of DONE)
    if (re.test(t))
      return { family: 'ato', key: 'done', value: option, start: true, first: option !== 'rilc' };
  // The lines that go with a success: /rilc's progress line, /rearm's restart notice, a KMS host setting's.
  if (/^Re-installing license files \.{3}$/i.test(t))
    return { family: 'ato', key: 'reinstalling', value: t, start: true, first: true };
  if (/^Command completed successfully\.?$/i.test(t))
    return { family: 'ato', key: 'command completed', value: t, start: true, first: true };
  if (/^Operation completed successfully\.?$/i.test(t))
    return { family: 'ato', key: 'operation completed', value: t, start: true, first: true };
  if (/^Please restart the system for the changes to take effect\.?$/i.test(t))
    return { family: 'ato', key: 'restart', value: t, start: true };
  if (/^Warning: a KMS reboot is needed for this setting to take effect\.?$/i.test(t))
    return { family: 'ato', key: 'reboot', value: t, start: false };
  const err = LABELLED.exec(t);
  if (err) {
    const value = err[3]!.trim();
    const anyText = err[2] === ':' && /^(?:Error|Ошибка)$/.test(err[1]!);
    if (anyText || /^0x[0-9a-f]{1,8}(?![0-9a-z])/i.test(value)) {
      return errorHit(value);
    }
  }
  const occurred = /^Error (0x[0-9a-f]{1,8}) occurred (.{1,300})$/i.exec(t);
  if (occurred) {
    return errorHit(`${occurred[1]} ${occurred[2]}`);
  }
  const first = CODE_FIRST.exec(t);
  if (first) return errorHit(`${first[1]} ${first[2]}`);
  const inline = INLINE.exec(t);
  if (inline) {
    // The code and all that follows it on the row.
    const value = t.slice(inline.index + inline[0].length - inline[1]!.length);
    return errorHit(value);
  }
  const slui = SLUI.exec(t);
  if (slui) return { family: 'ato', key: 'slui', value: slui[1]!, start: true };
  return null;
}

// The success a draft shows: a message of its own, or a shared one its command (or /rearm's notice) vouches for.
function success(draft: Draft): { option: SlmgrDone; entry: Draft['entries'][number] } | undefined {
  const done = last(draft.entries, 'done');
  if (done) return { option: done.value as SlmgrDone, entry: done };
  const command = first(draft.entries, 'command');
  const option = command ? slmgrOption(command.value) : undefined;
  for (const [key, options] of Object.entries(SHARED)) {
    const entry = last(draft.entries, key);
    if (!entry || !options) continue;
    const ran = options.find((o) => o === option);
    if (ran) return { option: ran, entry };
    if (key === 'command completed' && last(draft.entries, 'restart')) return { option: 'rearm', entry };
  }
  return undefined;
}

function finishAto(draft: Draft): Finished {
  const err = last(draft.entries, 'error');
  const slui = last(draft.entries, 'slui');
  const done = err || slui ? undefined : success(draft);
  const s = new Sink(err || slui ? 'slmgr-error' : done ? 'slmgr-done' : 'slmgr-ato');
  s.put('succeeded', done?.option, done?.entry);
  if (err) {
    const code = leadingCode(err.value);
    s.put('errorCode', code?.code, err);
    // The text after the code, without the colon or dash some pages put between ("0xC004F074 : le …").
    const message = code ? code.rest.replace(/^[:\u2013\u2014-]\s*/, '').trim() : err.value;
    s.put('message', message || undefined, err);
  }
  if (!s.out.facts.errorCode && slui) s.put('errorCode', hexCode(slui.value), slui);
  const ok = done?.entry.key === 'activated' ? undefined : last(draft.entries, 'activated');
  s.put('activated', ok ? true : undefined, ok);
  // The product: from the activating line, else from the one line that holds it and the result too.
  for (const entry of [last(draft.entries, 'activating'), err, ok]) {
    // The activating row's value is rejoined across a wrap; the others hold the name on their first row.
    const named = entry
      ? ACTIVATING.exec(entry.key === 'activating' ? entry.value : unmark(entry.line.norm))
      : null;
    if (named) {
      s.put('name', named[1]!.trim(), entry);
      break;
    }
  }
  return s.out;
}

/** slmgr /ato and the one-message options (/ipk, /skms, /atp, /rearm…): the result or the error (also as copied from its dialog). */
export const ATO: OutputKind = {
  id: 'ato',
  sections: ['slmgr-ato', 'slmgr-done', 'slmgr-error'],
  facts: ['errorCode', 'message', 'activated', 'succeeded', 'name'],
  command: (text) => {
    const option = slmgrOption(text);
    return option === 'ato' || (SLMGR_DONE as readonly string[]).includes(option ?? '')
      ? commandHit('ato', text)
      : null;
  },
  line: atoLine,
  finish: finishAto,
};
