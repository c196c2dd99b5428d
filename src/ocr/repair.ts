/**
 * The usual misreadings of console text put right only where the value's shape says what it must be:
 * an IPv4 address has only digits, a 0x code only hex digits (and, where a letter has two readings, is a
 * code the app knows), a GUID lower-case hex, a host name no space after its dots, an SRV name its
 * underscores, a licence channel or Office licence its underscores, a known row its label and colon
 * (labels.ts), a Latin abbreviation in brackets its Latin letters. Anything else is left as it was
 * recognized, for the technician to correct.
 */

import { repairLabel } from './labels.ts';

/** One correction: what was read and what it was taken to be. */
export interface Repair {
  from: string;
  to: string;
}

// Look-alikes of digits in a place that can hold only digits.
const DIGIT: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  I: '1',
  l: '1',
  '|': '1',
  i: '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
};
const DIGITISH = '0-9OoDQIl|iSsBZ';
// A dotted quad with look-alikes, a comma for a dot and stray spaces after its dots; not inside a longer token.
const QUAD = new RegExp(
  `(?<![\\p{L}\\d_.,])([${DIGITISH}]{1,3})[.,] ?([${DIGITISH}]{1,3})[.,] ?([${DIGITISH}]{1,3})[.,] ?([${DIGITISH}]{1,3})(?=$|[^\\p{L}\\d_.,]|[.,](?:$|\\s))`,
  'gu',
);
// 0x and eight hex digits, with O for 0 and a × or a space where the x is.
// Russian models read its letters as Cyrillic look-alikes (0хС004F074); a doubled 0 or O before the x is one.
const HEX_CODE = /(?<![\p{L}\d_])[0OoО]?[0OoО][xX×хХ] ?([0-9A-Fa-fOoОАВСЕаевс]{8})(?![\p{L}\d_])/gu;
// What each letter among a code's hex digits can stand for. Some have more than one reading, all hex: an O is
// a 0, a D or a blurred C, a Russian model's Е an E or an F, its В a B or an 8. Those are decided only when
// exactly one of the readings is a code the app knows; otherwise the code stays as read.
const HEX_WAYS: Record<string, readonly string[]> = {
  O: ['0', 'D', 'C'],
  o: ['0', 'D', 'C'],
  О: ['0', 'D', 'C'],
  о: ['0', 'D', 'C'],
  Е: ['E', 'F'],
  е: ['E', 'F'],
  В: ['B', '8'],
  в: ['B', '8'],
  А: ['A'],
  а: ['A'],
  С: ['C'],
  с: ['C'],
};
// More readings than this and the code is left as read: too many ways to be sure of one.
const MAX_WAYS = 16;

/** Every reading of a code's hex digits, upper case. */
function readings(hex: string): string[] {
  let out = [''];
  for (const c of hex) {
    const ways = HEX_WAYS[c] ?? [c.toUpperCase()];
    out = out.flatMap((o) => ways.map((w) => o + w));
    if (out.length > MAX_WAYS) return [];
  }
  return out;
}
// The KMS record's name, the only SRV name read here: its underscores are dropped or read as other marks,
// its dot as a comma, its c as an e, its l as an i or a 1.
const VLMCS = /(?<![\w])[_~“”"'‘’-]?v[il1|]m[ce]s ?[.,] ?_?tcp(?![\w])/gi;
// A host name read with spaces beside its dots: lower-case labels only, three or more of them.
const SPACED_HOST = /(?<![\w.-])([a-z0-9_][a-z0-9_-]*)((?: ?\. ?[a-z0-9_][a-z0-9_-]*){2,})(?![\w-])/g;

// A service and protocol label of any SRV name (_vlmcs._tcp, _ldap._tcp): the protocol's underscore dropped
// or read as a dot, a space beside the dot.
const SRV_PROTO = /(?<![\w.])(_[A-Za-z0-9-]+) ?[.,] ?(?:[._] ?)?(tcp|udp)(?=\.|\s|$)/g;
// A host name whose first label has capitals ("DCNAME. company.com"): the rest lower case, two labels or more.
const CAPITAL_HOST =
  /(?<![\w.-])([A-Z0-9][A-Za-z0-9-]*) ?\. ?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+)(?![\w-])/g;
// A licence channel, capitals and digits joined by underscores, read with spaces for them ("VOLUME KMSCLIENT
// channel"); O among digits is a 0 there ("WIN1O").
const CHANNEL = /, ([A-Z][A-Z0-9]*(?:[ _][A-Z0-9][A-Z0-9-]*)+) channel\b/g;
// An Office licence's name joined by underscores ("…2019VL_KMS_Client_AE edition"): only these parts follow
// one, so a space before one of them was an underscore.
const OFFICE_PART =
  'KMS|Client|MAK|AE|Retail|Grace|Trial|Bypass|Subscription\\d?|OEM|DM|SLP|Perpetual|PrepidBypass';
const OFFICE_SKU = new RegExp(`\\b([0O]ffice[0-9lIO|]{2}\\w*?)((?:[ _](?:${OFFICE_PART}))+) edition\\b`, 'g');
// The Office versions a licence's name carries (Office14…, Office19…); OfficeO365… is a name of its own.
const OFFICE_VERSION = /^(?:14|15|16|19|21|24)$/;
// slmgr prints the registered mark against the name: "Windows (R)" is Windows(R). Not other names: the
// Script Host's banner is "Microsoft (R) Windows Script Host".
const MARK = /\b(Windows|Server) \((R)\)/g;
// A lone © where only a number can be ("weight = ©", "обработать © файлов"); not a banner's (c) read as ©.
const LONE_ZERO = /(?<=(?:[=:]|обработано|обработать|processed|processing) {1,4})©(?= |$)/g;

// A GUID as slmgr and ospp print one (a CMID, an activation ID): lower-case hex, so a capital O is a 0 (a D
// would be d) and l, I are 1. A small o stays: it is as likely an a, c or e. One with capital hex letters stays
// as read: its O may be a D.
const GUID =
  /(?<![\w-])([0-9a-fOlI]{8}-[0-9a-fOlI]{4}-[0-9a-fOlI]{4}-[0-9a-fOlI]{4}-[0-9a-fOlI]{12})(?![\w-])/g;
// w32tm's leap indicator 0, whose note says so ("Leap Indicator: O(no warning)").
const NUMBER_NOTE = /(?<=: )[OoD](?=\((?:no warning|нет предупреждения|нет предупреждений)\))/g;
// A zero that starts a Cyrillic word in brackets is its О ("(0сновной)"); not "= 0мсек", a number and its unit.
const CYRILLIC_O = /(?<=\()0(?=[а-яё]{2})/gu;

// A Latin abbreviation Windows puts in brackets in its activation messages, Russian ones too ("службой
// управления ключами (KMS)"), read in Cyrillic look-alikes or with a digit for a letter ("(КМ5)"). Only
// these become Latin: a Russian abbreviation in brackets ("(ОС)") is the text's own.
const BRACKETED = /(?<=\()[A-ZА-Я0-9]{3,4}(?=\))/gu;
const ABBREVIATIONS = new Set(['KMS', 'MAK', 'DNS', 'OEM', 'SKU', 'GVLK', 'ADBA']);
// The look-alikes those names can be read in: a Cyrillic capital for its Latin twin, a digit for a letter.
const LATIN: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', О: 'O', '5': 'S', '0': 'O' };

const EDGE_STROKE = /[|lIi]/;

function digits(s: string): string {
  return [...s].map((c) => DIGIT[c] ?? c).join('');
}

/** Puts right what the line's values' shapes decide; returns the line and what was changed. */
export function repairLine(
  line: string,
  knownCode: (code: string) => boolean = () => false,
): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const note = (from: string, to: string) => {
    if (from !== to) repairs.push({ from, to });
    return to;
  };
  const label = repairLabel(line);
  if (label.to) note(label.from!, label.to);
  let text = label.text.replace(QUAD, (m: string, a: string, b: string, c: string, d: string) => {
    // A stroke at either end is as likely a cursor or a window's border as a 1: "10.0.0.5|" stays as read.
    if (EDGE_STROKE.test(m[0]!) || EDGE_STROKE.test(m[m.length - 1]!)) return m;
    // A comma for a dot, but not only commas: "10,20,30,40" is a list of numbers.
    if (!m.includes('.')) return m;
    const parts = [a, b, c, d].map(digits);
    // Only an address: four numbers of 0…255, no number with a leading zero.
    if (parts.some((p) => Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) return m;
    return note(m, parts.join('.'));
  });
  text = text.replace(HEX_CODE, (m: string, hex: string) => {
    const ways = readings(hex).map((r) => `0x${r}`);
    if (ways.length === 1) return note(m, ways[0]!);
    const known = ways.filter(knownCode);
    return known.length === 1 ? note(m, known[0]!) : m;
  });

  text = text.replace(VLMCS, (m: string) => note(m, '_vlmcs._tcp'));
  text = text.replace(SRV_PROTO, (m: string, service: string, proto: string) =>
    note(m, `${service}._${proto.toLowerCase()}`),
  );
  text = text.replace(CHANNEL, (m: string, channel: string) =>
    note(m, `, ${channel.replace(/ /g, '_').replace(/(?<=\d)O|O(?=\d)/g, '0')} channel`),
  );
  text = text.replace(OFFICE_SKU, (m: string, name: string, parts: string) => {
    const version = digits(name.slice(6, 8));
    if (!OFFICE_VERSION.test(version)) return m;
    return note(m, `Office${version}${name.slice(8)}${parts.replace(/ /g, '_')} edition`);
  });
  text = text.replace(MARK, (m: string, before: string, mark: string) => note(m, `${before}(${mark})`));
  text = text.replace(LONE_ZERO, (m: string) => note(m, '0'));
  text = text.replace(GUID, (m: string) => note(m, m.replace(/O/g, '0').replace(/[lI]/g, '1')));
  text = text.replace(NUMBER_NOTE, (m: string) => note(m, '0'));
  text = text.replace(CYRILLIC_O, (m: string) => note(m, 'О'));
  text = text.replace(BRACKETED, (m: string) => {
    const latin = [...m].map((c) => LATIN[c] ?? c).join('');
    return ABBREVIATIONS.has(latin) ? note(m, latin) : m;
  });
  text = text.replace(SPACED_HOST, (m: string, _first: string, _rest: string, at: number, all: string) => {
    if (!m.includes(' ')) return m;
    const labels = m.split(/ ?\. ?/);
    // A name has a letter; numbers with spaces between (two addresses, a version) are not one name. Nor is
    // the lower-case end of a name whose start is not ("KMS01. corp. contoso. com"): half a repair.
    if (!labels.some((l) => /[a-z]/.test(l)) || /[\w-] ?\. ?$/.test(all.slice(0, at))) return m;
    return note(m, labels.join('.'));
  });
  text = text.replace(CAPITAL_HOST, (m: string, first: string, rest: string, at: number, all: string) => {
    // The end of a sentence and a name after it ("See the log. contoso.com is…") keeps its space.
    if (
      !m.includes(' ') ||
      !/[A-Z]/.test(first) ||
      !/[a-z]/.test(rest) ||
      /[\w-] ?\. ?$/.test(all.slice(0, at))
    )
      return m;
    return note(m, `${first}.${rest}`);
  });
  return { text, repairs };
}
