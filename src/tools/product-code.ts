/** MSI ProductCode / PackageCode check: a GUID in braces, uppercase, {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}. */
import { randomUuid } from '../uuid.ts';

export type CodeProblemKind = 'empty' | 'not-guid' | 'no-braces' | 'lowercase' | 'whitespace' | 'other-form';

export interface CodeCheck {
  ok: boolean;
  problems: CodeProblemKind[];
  /** The valid braced uppercase form whenever the input is a GUID in any form. */
  corrected: string | null;
}

const HYPHENATED = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const PLAIN = /^[0-9A-Fa-f]{32}$/;
const URN = /^urn:uuid:/i;
// Whitespace and invisible format characters (BOM, zero-width space) that ride along with copied text.
const INVISIBLE = /^[\s\p{Cf}]$/u;
// The longest accepted form is "urn:uuid:" + 36 characters; anything longer is not a GUID.
const MAX_CORE = 48;

/** Removes surrounding whitespace by walking code points, which stays linear where a /\s+$/ regex would not. */
function trimInvisible(input: string): string {
  const cps = Array.from(input);
  let start = 0;
  let end = cps.length;
  while (start < end && INVISIBLE.test(cps[start]!)) start++;
  while (end > start && INVISIBLE.test(cps[end - 1]!)) end--;
  return cps.slice(start, end).join('');
}

/** Checks an MSI product or package code and gives the corrected form; never throws. */
export function checkProductCode(input: string): CodeCheck {
  const raw = typeof input === 'string' ? input : '';
  const core = trimInvisible(raw);
  if (core === '') return { ok: false, problems: ['empty'], corrected: null };
  const notGuid: CodeCheck = { ok: false, problems: ['not-guid'], corrected: null };
  if (core.length > MAX_CORE) return notGuid;

  let body = core;
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

  let hex: string;
  if (HYPHENATED.test(body)) hex = body.replaceAll('-', '');
  else if (PLAIN.test(body)) {
    hex = body;
    form = 'other';
  } else return notGuid;

  const problems: CodeProblemKind[] = [];
  if (core !== raw) problems.push('whitespace');
  if (form === 'bare') problems.push('no-braces');
  if (form === 'other') problems.push('other-form');
  if (/[a-f]/.test(hex)) problems.push('lowercase');
  const h = hex.toUpperCase();
  const corrected = `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
  return { ok: problems.length === 0, problems, corrected };
}

/** Makes a new product or package code: a random GUID, uppercase, in braces. */
export function newProductCode(random: () => string = randomUuid): string {
  return `{${random().toUpperCase()}}`;
}
