import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/console/kinds/index.ts';
import { MAX_UNREAD, MAX_UNREAD_CHARS, readConsole } from '../../src/console/reader.ts';
import { maskKeysIn } from '../../src/redact/key-in-text.ts';
import { parts, samples as allSamples } from '../support/console-samples.ts';

// Every sample output (real and constructed), without its two header lines.
const samples = allSamples().map((s) => parts(s.url).output);
const sampleLines = [...new Set(samples.flatMap((s) => s.split('\n')))];

// Any text at all, and real output taken apart: lines shuffled, cut anywhere, junk inserted,
// re-indented, CRLF or CR line ends, wrapped at any width.
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...sampleLines),
        fc.constantFrom('', ' ', '    ', '\t'),
        fc.constantFrom('', '  '),
      ),
      { maxLength: 40 },
    )
    .chain((rows) =>
      fc.constantFrom('\n', '\r\n', '\r', '\n\n').map((eol) => rows.map(([l, a, b]) => a + l + b).join(eol)),
    ),
  fc
    .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 30 }))
    .map(([s, a, b, junk]) => {
      const at = a % (s.length + 1);
      return s.slice(0, at) + junk + s.slice(at, at + (b % (s.length + 1)));
    }),
  fc
    .tuple(fc.constantFrom(...samples), fc.integer({ min: 8, max: 120 }))
    .map(([s, width]) => s.replace(new RegExp(`(.{${width}})`, 'g'), '$1\n')),
);

// The facts each section kind's output kind declares (src/console/kinds/).
const DECLARED = new Map(KINDS.flatMap((k) => k.sections.map((section) => [section, k.facts] as const)));

describe('reader, any input', () => {
  it('never throws; every line it names is in the input; unread is capped and trimmed; no undeclared fact', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = readConsole(text);
        // Lines are reported as pasted, but with any product key masked.
        const shown = maskKeysIn(text);
        for (const s of r.sections) {
          // A kind never yields a fact it does not declare, whatever the text.
          const declared = DECLARED.get(s.kind);
          for (const key of Object.keys(s.facts)) {
            expect(declared, `${s.kind}: ${key}`).toContain(key);
            expect(s.lines).toHaveProperty(key);
          }
          for (const line of Object.values(s.lines)) {
            expect(shown.includes(line)).toBe(true);
            expect(line).toBe(line.trim());
          }
        }
        expect(r.unread.length).toBeLessThanOrEqual(MAX_UNREAD);
        for (const line of r.unread) {
          expect(line.length).toBeGreaterThan(0);
          expect(line.length).toBeLessThanOrEqual(MAX_UNREAD_CHARS);
          expect(shown.includes(line)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same facts from a sample whatever its line ends and trailing spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.constantFrom('\r\n', '\r'), (s, eol) => {
        const plain = readConsole(s);
        const other = readConsole(s.split('\n').join(`  ${eol}`));
        expect(other.sections.map((x) => x.facts)).toEqual(plain.sections.map((x) => x.facts));
      }),
      { numRuns: 60 },
    );
  });

  it('reads an error or an event whatever Markdown, quote marks, line ends and blank lines surround it', () => {
    const code = fc.constantFrom('0xC004F074', '0xC004C003', '0x8007232B', '0xC004F038');
    const label = fc.constantFrom('Error:', 'Ошибка:', 'Fehler:', 'Erreur :', '错误\uff1a');
    const mark = fc.constantFrom('', '**', '__', '`');
    const quote = fc.constantFrom('', '> ', '>', '> > ');
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const blanks = fc.constantFrom('', '\n', '\n\n', '  \n');
    fc.assert(
      fc.property(code, label, mark, quote, eol, blanks, (c, l, m, q, e, b) => {
        const error = `${b}${q}${m}${l} ${c}${m} The Software Licensing Service reported an error.  ${e}${b}`;
        const r = readConsole(error.replace(/\n/g, e));
        expect(r.sections.map((s) => s.facts.errorCode)).toEqual([c]);
        const event = [
          `${q}Source:  Security-SPP`,
          `${q}Event ID:  12293`,
          `${q}Publishing the Key Management Service (KMS) to DNS in the ${m}contoso.com${m} domain failed.`,
          `${q}Info:  ${m}${c}${m}`,
        ].join(`  ${e}${b.replace(/\n/g, e)}`);
        const read = readConsole(event);
        expect(read.sections.map((s) => [s.facts.eventId, s.facts.errorCode])).toEqual([[12293, c]]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('reader, ospp.vbs output as consoles and web pages pass it on', () => {
  const ospp = allSamples()
    .filter((s) => s.kind === 'ospp')
    .map((s) => parts(s.url).output);
  // The console's 80-column wrap: the rest of a longer row goes on at the next row, cut mid-word.
  const wrap80 = (text: string) =>
    text
      .split('\n')
      .map((l) => l.replace(/(.{80})(?=.)/g, '$1\n'))
      .join('\n');

  it('reads the same facts wrapped at 80 columns, with a blank line after every row, with any line ends', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ospp),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n', '\r'),
        (s, wrap, blank, eol) => {
          const plain = readConsole(s).sections.map((x) => [x.kind, x.facts]);
          const rows = (wrap ? wrap80(s) : s).split('\n');
          const text = rows.join(blank ? eol + eol : eol);
          expect(readConsole(text).sections.map((x) => [x.kind, x.facts])).toEqual(plain);
        },
      ),
      { numRuns: 120 },
    );
  });
});
