import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProductCode, packGuid, unpackGuid } from '../../src/tools/product-code.ts';
import { checkProductKey, CYRILLIC_LOOKALIKES, DASH_LOOKALIKES } from '../../src/tools/product-key.ts';
import {
  findKeys,
  hasProductKey,
  KEY_ALPHABET,
  KEY_REMOVED,
  keySpans,
  maskKey,
  maskKeysIn,
  replaceProductKeys,
} from '../../src/redact/key-in-text.ts';

const MAX = 100_000;
const CANONICAL_KEY = /^[BCDFGHJKMPQRTVWXY2346789N]{5}(?:-[BCDFGHJKMPQRTVWXY2346789N]{5}){4}$/;
const CANONICAL_CODE = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;
const FORMAT_ONLY = new Set(['groups', 'dash-lookalike', 'spaces']);

// Characters that break naive text handling: controls, bidi overrides, joiners, marks, lone surrogates, emoji.
const tricky = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u200B',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202E',
  '\u2066',
  '\uFEFF',
  '\u0301',
  '\uFE0F',
  '\uD800',
  '\uDFFF',
  '\u00A0',
  '\u3000',
  '\r\n',
  'שלום',
  'مرحبا',
  '👨‍👩‍👧',
  '🏳️‍🌈',
  '🇷🇺',
  '👍🏽',
  ...Object.keys(DASH_LOOKALIKES),
  '-',
  ' ',
  'N',
  'n',
  'O',
  '0',
);
const keyish = fc.constantFrom(...KEY_ALPHABET, ...KEY_ALPHABET.toLowerCase(), '-', ' ');

/** Any text: printable graphemes of every script, raw code points, and the tricky characters mixed in. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.oneof(tricky, keyish), maxLength: 60 }),
  fc.string({ unit: fc.oneof(keyish, keyish, tricky), minLength: 20, maxLength: 40 }),
);

/** Large inputs, up to 100 KB, in few runs: the tools must stay quick and never throw. */
const hugeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: MAX / 4, size: 'max' }),
  fc.string({ unit: 'binary', maxLength: MAX / 2, size: 'max' }),
  fc.string({ unit: fc.oneof(tricky, keyish), maxLength: MAX / 4, size: 'max' }),
);

/** A valid key: 25 characters of the alphabet with at most one N, in canonical form. */
const validKey = fc
  .array(fc.constantFrom(...KEY_ALPHABET.replace('N', '')), { minLength: 25, maxLength: 25 })
  .chain((chars) =>
    fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }).map((n) => {
      if (n !== undefined) chars[n] = 'N';
      const s = chars.join('');
      return [0, 5, 10, 15, 20].map((i) => s.slice(i, i + 5)).join('-');
    }),
  );

/** The same key as people paste it: any case, look-alike dashes or spaces (or nothing) between groups, spaces around. */
const mangled = (key: string, glued = true) =>
  fc
    .record({
      seps: fc.array(
        fc.constantFrom('-', ' ', ' - ', '\u00A0', ...(glued ? [''] : []), ...Object.keys(DASH_LOOKALIKES)),
        {
          minLength: 4,
          maxLength: 4,
        },
      ),
      lower: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
      before: fc.constantFrom('', ' ', '\t', '\u200B'),
      after: fc.constantFrom('', ' ', '\r\n', '\uFEFF'),
    })
    .map(({ seps, lower, before, after }) => {
      const chars = key.replaceAll('-', '').split('');
      const groups = [0, 5, 10, 15, 20].map((i) =>
        chars
          .slice(i, i + 5)
          .map((c, j) => (lower[i + j] ? c.toLowerCase() : c))
          .join(''),
      );
      return before + groups.reduce((acc, g, i) => acc + seps[i - 1]! + g) + after;
    });

describe('checkProductKey properties', () => {
  it('never throws; ok exactly when there is no problem; a problem otherwise', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = checkProductKey(s);
        expect(r.ok).toBe(r.problems.length === 0);
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('copes with 100 KB of any script', () => {
    fc.assert(
      fc.property(hugeText, (s) => {
        const r = checkProductKey(s);
        expect(r.ok || r.problems.length > 0).toBe(true);
        expect(typeof maskKey(s)).toBe('string');
        expect(Array.isArray(findKeys(s))).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it('ok means the input is already the suggested, canonical key, but for lowercase, which is only noted', () => {
    // Any text alone is almost never a valid key: valid keys, some in lower case, are mixed in, so ok happens.
    const lowered = validKey.chain((key) =>
      fc
        .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
        .map((lower) => Array.from(key, (c, i) => (lower[i] ? c.toLowerCase() : c)).join('')),
    );
    let okSeen = 0;
    let lowerSeen = 0;
    fc.assert(
      fc.property(fc.oneof(anyText, validKey, lowered), (s) => {
        const r = checkProductKey(s);
        if (r.ok) {
          okSeen++;
          if (s !== s.toUpperCase()) lowerSeen++;
          expect(r.suggested).toBe(s.toUpperCase());
          expect(s.toUpperCase()).toMatch(CANONICAL_KEY);
          expect(r.notes.length > 0).toBe(s !== s.toUpperCase());
        }
      }),
      { numRuns: 600 },
    );
    // The body above ran on ok inputs, upper and lower case, not only on the rest.
    expect(okSeen).toBeGreaterThan(50);
    expect(lowerSeen).toBeGreaterThan(10);
  });

  it('a suggestion exists exactly when 25 key characters were found', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = checkProductKey(s);
        const length = r.problems.some((p) => p.kind === 'length' || p.kind === 'empty');
        expect(r.suggested === null).toBe(length);
      }),
      { numRuns: 1000 },
    );
  });

  it('when every character is valid, the suggested key re-checks ok', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = checkProductKey(s);
        if (r.suggested === null || r.problems.some((p) => p.kind === 'invalid-char')) return;
        const again = checkProductKey(r.suggested);
        expect(again.suggested).toBe(r.suggested);
        expect(again.problems.every((p) => p.kind === 'multiple-n')).toBe(true);
        if (!r.problems.some((p) => p.kind === 'multiple-n')) expect(again.ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('invalid-char positions are ascending and within the key characters', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = checkProductKey(s);
        const invalid = r.problems.find((p) => p.kind === 'invalid-char');
        if (!invalid) return;
        const positions = invalid.positions ?? [];
        expect(invalid.chars?.length).toBeGreaterThan(0);
        expect(positions.length).toBeGreaterThanOrEqual(invalid.chars!.length);
        positions.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(1);
          if (i > 0) expect(p).toBeGreaterThan(positions[i - 1]!);
        });
        const length = r.problems.find((p) => p.kind === 'length')?.count ?? 25;
        expect(positions.at(-1)).toBeLessThanOrEqual(length);
      }),
      { numRuns: 1000 },
    );
  });

  it('valid keys pass; pasted variants of them get the key back with formatting problems only', () => {
    fc.assert(
      fc.property(
        validKey.chain((key) => fc.tuple(fc.constant(key), mangled(key))),
        ([key, pasted]) => {
          expect(checkProductKey(key)).toEqual({ ok: true, problems: [], notes: [], suggested: key });
          const r = checkProductKey(pasted);
          expect(r.suggested).toBe(key);
          for (const p of r.problems) expect(FORMAT_ONLY.has(p.kind)).toBe(true);
          expect(r.ok).toBe(pasted.toUpperCase() === key);
          expect(r.notes.length > 0).toBe(pasted !== pasted.toUpperCase());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('maskKey shows only the last five characters of a key', () => {
    fc.assert(
      fc.property(
        validKey.chain((key) => fc.tuple(fc.constant(key), mangled(key))),
        ([key, pasted]) => {
          expect(maskKey(pasted)).toBe(`XXXXX-XXXXX-XXXXX-XXXXX-${key.slice(-5)}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('findKeys finds a pasted key inside any text, and only returns pieces of the text', () => {
    fc.assert(
      fc.property(
        anyText,
        validKey.chain((key) => fc.tuple(fc.constant(key), mangled(key, false))),
        anyText,
        (before, [key, pasted], after) => {
          // A line of its own: a five-character word right before a key on the same line is ambiguous.
          const text = `${before}\n${pasted.trim()}\n${after}`;
          const found = findKeys(text);
          for (const f of found) {
            expect(text.includes(f)).toBe(true);
            expect(checkProductKey(f).suggested).not.toBeNull();
          }
          expect(found.map((f) => checkProductKey(f).suggested)).toContain(key);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// Cyrillic letters standing for the Latin letters of the key alphabet (and their lowercase, read as capitals).
const CYRILLIC_FOR = new Map<string, string[]>();
for (const [cyr, latin] of Object.entries(CYRILLIC_LOOKALIKES)) {
  const upper = latin.toUpperCase();
  if (KEY_ALPHABET.includes(upper)) CYRILLIC_FOR.set(upper, [...(CYRILLIC_FOR.get(upper) ?? []), cyr]);
}

describe('Cyrillic look-alikes in keys', () => {
  it('a valid key with Cyrillic look-alikes swapped in is named and corrected back', () => {
    fc.assert(
      fc.property(
        validKey.chain((key) =>
          fc.tuple(
            fc.constant(key),
            fc.array(fc.nat(), { minLength: key.length, maxLength: key.length }),
            fc.array(fc.boolean(), { minLength: key.length, maxLength: key.length }),
          ),
        ),
        ([key, picks, swap]) => {
          let swapped = 0;
          const typed = Array.from(key, (c, i) => {
            const options = CYRILLIC_FOR.get(c);
            if (!options || !swap[i]) return c;
            swapped++;
            return options[picks[i]! % options.length]!;
          }).join('');
          const r = checkProductKey(typed);
          expect(r.suggested).toBe(key);
          const kinds = r.problems.map((p) => p.kind);
          expect(kinds).toEqual(swapped ? ['cyrillic'] : []);
          if (swapped) {
            const p = r.problems[0]!;
            expect(p.count).toBe(swapped);
            for (const { char, latin } of p.lookalikes!) {
              expect(typed).toContain(char);
              expect(CYRILLIC_LOOKALIKES[char]).toBe(latin);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 20_000);
});

// The one detector and masker that storage, transcripts, the home search and the key checker share.
describe('the key detector (key-in-text)', () => {
  const strip = (text: string) => replaceProductKeys(text, () => KEY_REMOVED);
  const MASKED = /^XXXXX-XXXXX-XXXXX-XXXXX-[A-Z0-9]{5}$/;

  it('finds a key pasted on its own line in any text; stripped, no key is left; masked, only masked keys are', () => {
    fc.assert(
      fc.property(
        anyText,
        validKey.chain((key) => fc.tuple(fc.constant(key), mangled(key, false))),
        anyText,
        (before, [key, pasted], after) => {
          const text = `${before}\n${pasted.trim()}\n${after}`;
          expect(findKeys(text).map((f) => checkProductKey(f).suggested)).toContain(key);
          expect(hasProductKey(text)).toBe(true);
          const stripped = strip(text);
          expect(hasProductKey(stripped)).toBe(false);
          expect(stripped).toContain(KEY_REMOVED);
          const masked = maskKeysIn(text);
          expect(masked).toContain(maskKey(key));
          for (const k of findKeys(masked)) expect(k).toMatch(MASKED);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds 25 key characters typed without separators when they hold a digit', () => {
    fc.assert(
      fc.property(validKey, fc.boolean(), (key, lower) => {
        const glued = key.replaceAll('-', '');
        const typed = lower ? glued.toLowerCase() : glued;
        expect(hasProductKey(`key ${typed} failed`)).toBe(/[0-9]/.test(glued));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with itself on any text: spans are in order and inside the text, and stripping leaves no key', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const spans = keySpans(s);
        expect(hasProductKey(s)).toBe(spans.length > 0);
        let at = 0;
        for (const { start, end } of spans) {
          expect(start).toBeGreaterThanOrEqual(at);
          expect(end).toBeLessThanOrEqual(s.length);
          at = end;
        }
        if (!spans.length) expect(replaceProductKeys(s, () => '!')).toBe(s);
        expect(hasProductKey(strip(s))).toBe(false);
        // Masking twice changes nothing more.
        expect(maskKeysIn(maskKeysIn(s))).toBe(maskKeysIn(s));
      }),
      { numRuns: 1000 },
    );
  });
});

// How long these take is the benchmark's business; here they must give the right answer.
describe('adversarial 100 KB inputs', () => {
  // Inputs that make backtracking regexes or per-character rescans quadratic; all at 100 KB.
  const adversarial = [
    ' '.repeat(MAX - 1) + 'x',
    '\u200B'.repeat(MAX),
    '-'.repeat(MAX),
    'ABCDE '.repeat(MAX / 6),
    'ABCDE   -   '.repeat(MAX / 12),
    'BCDF2-'.repeat(MAX / 6),
    'ABCD '.repeat(MAX / 5),
    'e\u0301'.repeat(MAX / 2),
    '👨‍👩‍👧'.repeat(MAX / 8),
    '\u202Eשלום '.repeat(MAX / 6),
  ];

  it('are no key and no GUID, and the key search finds only real five-by-five runs in them', () => {
    for (const s of adversarial) {
      expect(checkProductKey(s).ok).toBe(false);
      expect(checkProductCode(s).corrected).toBeNull();
      const masked = maskKey(s);
      // Everything but the last five characters (as a person counts them) is masked.
      const shown = [...new Intl.Segmenter().segment(masked.replace(/[X-]/g, ''))];
      expect(shown.length).toBeLessThanOrEqual(5);
      const keys = findKeys(s);
      for (const k of keys) expect(s).toContain(k);
      if (s.startsWith('BCDF2-')) expect(keys.length).toBe(Math.floor(MAX / 6 / 5));
      else expect(keys).toEqual([]);
    }
  }, 30_000);
});

describe('checkProductCode properties', () => {
  it('never throws; ok exactly when there is no problem', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = checkProductCode(s);
        expect(r.ok).toBe(r.problems.length === 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('copes with 100 KB of any script', () => {
    fc.assert(
      fc.property(hugeText, (s) => {
        const r = checkProductCode(s);
        expect(r.ok || r.problems.length > 0).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it('a correction is always the canonical form, checks ok, and ok inputs are already it', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = checkProductCode(s);
        expect(r.corrected === null).toBe(r.problems.includes('not-guid') || r.problems.includes('empty'));
        if (r.corrected !== null) {
          expect(r.corrected).toMatch(CANONICAL_CODE);
          expect(checkProductCode(r.corrected).ok).toBe(true);
        }
        if (r.ok) expect(s).toBe(r.corrected);
      }),
      { numRuns: 1000 },
    );
  });

  it('any GUID in any common form is corrected to the same braced uppercase code, 32 bare digits unpacked', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.constantFrom('{x}', 'x', '(x)', 'urn:uuid:x', 'plain', '{plain}'),
        fc.boolean(),
        fc.constantFrom('', ' ', '\t', '\n', '\u00A0'),
        (uuid, form, upper, pad) => {
          const u = upper ? uuid.toUpperCase() : uuid.toLowerCase();
          const body = form.includes('plain')
            ? form.replace('plain', u.replaceAll('-', ''))
            : form.replace('x', u);
          const r = checkProductCode(pad + body + pad);
          // 32 bare digits are read as packed, as the registry has them; the plain reading is still given.
          if (form === 'plain') {
            expect(r.corrected).toBe(unpackGuid(u.replaceAll('-', '')));
            expect(r.plainReading).toBe(`{${uuid.toUpperCase()}}`);
          } else expect(r.corrected).toBe(`{${uuid.toUpperCase()}}`);
          expect(r.ok).toBe(form === '{x}' && pad === '' && u === uuid.toUpperCase());
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('packed GUIDs', () => {
  const hex32 = fc.string({
    unit: fc.constantFrom(...'0123456789abcdefABCDEF'),
    minLength: 32,
    maxLength: 32,
  });

  it('packing undoes unpacking for any 32 hexadecimal digits', () => {
    fc.assert(
      fc.property(hex32, (x) => {
        const code = unpackGuid(x);
        expect(code).toMatch(CANONICAL_CODE);
        expect(packGuid(code!)).toBe(x.toUpperCase());
      }),
      { numRuns: 500 },
    );
  });

  it('unpacking undoes packing for any GUID, and the checker unpacks what was packed', () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        const code = `{${uuid.toUpperCase()}}`;
        const packed = packGuid(uuid)!;
        expect(packed).toMatch(/^[0-9A-F]{32}$/);
        expect(unpackGuid(packed)).toBe(code);
        const r = checkProductCode(packed);
        expect(r.problems).toEqual(['packed']);
        expect(r.corrected).toBe(code);
      }),
      { numRuns: 500 },
    );
  });
});
