/**
 * MSI ProductCode / PackageCode check: a GUID in braces, uppercase, {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}.
 * Also reads the packed form Windows Installer names its registry keys with, and fixes look-alike dashes and
 * Cyrillic letters that look like the hexadecimal A, B, C and E.
 */
import { CYRILLIC_LOOKALIKES, DASH_LOOKALIKES } from '../redact/key-in-text.ts';
import type { Lookalike } from '../redact/key-in-text.ts';
import { randomUuid } from '../uuid.ts';

export type CodeProblemKind =
  | 'empty'
  | 'not-guid'
  | 'no-braces'
  | 'lowercase'
  | 'whitespace'
  | 'other-form'
  | 'dash-lookalike'
  | 'cyrillic'
  | 'packed';

export interface CodeCheck {
  ok: boolean;
  problems: CodeProblemKind[];
  /** The valid braced uppercase form whenever the input is a GUID in any form (for a packed GUID: unpacked). */
  corrected: string | null;
  /** 'dash-lookalike': the distinct dashes found, and how many. */
  dashes?: { chars: string[]; count: number };
  /** 'cyrillic': each distinct Cyrillic letter and the Latin one it looks like. */
  lookalikes?: Lookalike[];
  /**
   * 'packed' from 32 bare digits: the same digits read as a code merely written without hyphens. Nothing in
   * the digits tells the two apart; only where they were copied from does.
   */
  plainReading?: string;
}

const HYPHENATED = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const PLAIN = /^[0-9A-Fa-f]{32}$/;
const URN = /^urn:uuid:/i;
// A registry path as regedit's "Copy Key Name" gives it, e.g. Computer\HKEY_CLASSES_ROOT\Installer\Products\….
const REGISTRY_PATH = /^(?:Computer\\)?HK(?:EY_[A-Z_]+|LM|CR|CU|U|CC)\\/i;
// Whitespace and invisible format characters (BOM, zero-width space) that ride along with copied text.
const INVISIBLE = /^[\s\p{Cf}]$/u;
// The longest accepted form is "urn:uuid:" + 36 characters; anything longer is not a GUID.
const MAX_CORE = 48;
// A registry path to a packed GUID is far shorter; the cap keeps the split cheap on any input.
const MAX_PATH = 400;

/** Removes surrounding whitespace by walking code points, which stays linear where a /\s+$/ regex would not. */
function trimInvisible(input: string): string {
  const cps = Array.from(input);
  let start = 0;
  let end = cps.length;
  while (start < end && INVISIBLE.test(cps[start]!)) start++;
  while (end > start && INVISIBLE.test(cps[end - 1]!)) end--;
  return cps.slice(start, end).join('');
}

const reverse = (s: string) => Array.from(s).reverse().join('');
const braced = (h: string) =>
  `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;

/**
 * Windows Installer's packing of a GUID's 32 digits, which is its own inverse: the first three groups
 * (8, 4, 4 digits) reversed digit by digit, and each pair of digits in the last two groups swapped.
 * {ABCDEFGH-1234-IJKL-5678-MNPQRSTUVWXY} packs to HGFEDCBA4321LKJI6587NMQPSRUTWVYX, as Revenera (Flexera,
 * InstallShield's maker) documents it in "Converting a Regular GUID to a Compressed GUID"
 * (https://flexerasoftware.my.site.com/revenera/s/article/converting-a-regular-guid-to-a-compressed-guid,
 * formerly Q105971). Checked against real pairs: the product code {90120000-00B0-0409-0000-0000000FF1CE} of
 * the Office 2007 "Save as PDF" add-in is the key HKEY_CLASSES_ROOT\Installer\Products\000021090B0090400000000000F01FEC,
 * and Office 2010 Professional Plus {90140000-0011-0000-0000-0000000FF1CE} is …\Products\00004109110000000000000000F01FEC.
 */
function shuffle(hex: string): string {
  let pairs = '';
  for (let i = 16; i < 32; i += 2) pairs += hex[i + 1]! + hex[i]!;
  return reverse(hex.slice(0, 8)) + reverse(hex.slice(8, 12)) + reverse(hex.slice(12, 16)) + pairs;
}

/** Unpacks a GUID as Windows Installer names its registry keys (32 hex digits) into the braced uppercase code; null if it is not 32 hex digits. */
export function unpackGuid(packed: string): string | null {
  if (typeof packed !== 'string' || !PLAIN.test(packed)) return null;
  return braced(shuffle(packed.toUpperCase()));
}

/** Packs a product or package code (with or without braces) into the 32 hex digits of its registry key name; null if it is not a GUID. */
export function packGuid(code: string): string | null {
  if (typeof code !== 'string') return null;
  const body = code.startsWith('{') && code.endsWith('}') ? code.slice(1, -1) : code;
  if (!HYPHENATED.test(body)) return null;
  return shuffle(body.replaceAll('-', '').toUpperCase());
}

/** Reads look-alike dashes as hyphens and Cyrillic look-alikes as Latin letters, counting both. */
function normalize(core: string) {
  const dashes = new Set<string>();
  let dashCount = 0;
  const cyrillic = new Map<string, string>();
  let out = '';
  for (const c of core) {
    if (Object.hasOwn(DASH_LOOKALIKES, c)) {
      dashes.add(c);
      dashCount++;
      out += '-';
    } else if (Object.hasOwn(CYRILLIC_LOOKALIKES, c)) {
      cyrillic.set(c, CYRILLIC_LOOKALIKES[c]!);
      out += CYRILLIC_LOOKALIKES[c]!;
    } else out += c;
  }
  return { text: out, dashes, dashCount, cyrillic };
}

/** Checks an MSI product or package code and gives the corrected form; never throws. */
export function checkProductCode(input: string): CodeCheck {
  const raw = typeof input === 'string' ? input : '';
  const core = trimInvisible(raw);
  if (core === '') return { ok: false, problems: ['empty'], corrected: null };
  const notGuid: CodeCheck = { ok: false, problems: ['not-guid'], corrected: null };

  const found: CodeProblemKind[] = [];
  if (core !== raw) found.push('whitespace');

  // A registry key copied from regedit: the packed GUID is one of its parts, and certainly packed.
  if (core.length <= MAX_PATH && REGISTRY_PATH.test(core)) {
    const part = core.split('\\').find((p) => PLAIN.test(p));
    if (!part) return notGuid;
    return { ok: false, problems: [...found, 'packed'], corrected: unpackGuid(part) };
  }
  if (core.length > MAX_CORE) return notGuid;

  const { text, dashes, dashCount, cyrillic } = normalize(core);
  let body = text;
  let form: 'braces' | 'bare' | 'other' = 'bare';
  if (URN.test(body)) {
    body = body.slice('urn:uuid:'.length);
    form = 'other';
  } else if (body.startsWith('{') && body.endsWith('}')) {
    body = body.slice(1, -1);
    form = 'braces';
  } else if (body.startsWith('(') && body.endsWith(')')) {
    body = body.slice(1, -1);
    form = 'other';
  }

  const extra: Omit<CodeCheck, 'ok' | 'problems' | 'corrected'> = {};
  if (dashes.size) {
    found.push('dash-lookalike');
    extra.dashes = { chars: [...dashes], count: dashCount };
  }
  if (cyrillic.size) {
    found.push('cyrillic');
    extra.lookalikes = [...cyrillic].map(([char, latin]) => ({ char, latin }));
  }

  if (PLAIN.test(body) && form === 'bare') {
    // 32 bare digits are how Windows Installer's registry keys name a code: read them as packed, never
    // as the code itself, and say what they would be if they were the code without hyphens.
    const problems: CodeProblemKind[] = [...found, 'packed'];
    return {
      ok: false,
      problems,
      corrected: unpackGuid(body),
      ...extra,
      plainReading: braced(body.toUpperCase()),
    };
  }

  let hex: string;
  if (HYPHENATED.test(body)) hex = body.replaceAll('-', '');
  else if (PLAIN.test(body)) {
    hex = body;
    form = 'other';
  } else return notGuid;

  const problems = found;
  if (form === 'bare') problems.push('no-braces');
  if (form === 'other') problems.push('other-form');
  if (/[a-f]/.test(hex)) problems.push('lowercase');
  return { ok: problems.length === 0, problems, corrected: braced(hex.toUpperCase()), ...extra };
}

/** Makes a new product or package code: a random GUID, uppercase, in braces. */
export function newProductCode(random: () => string = randomUuid): string {
  return `{${random().toUpperCase()}}`;
}
