/**
 * Golden files: every sample in tests/fixtures/console/<kind>/<sample>.txt is read, and the result must be
 * exactly the <sample>.json beside it. `UPDATE_GOLDEN=1` rewrites the .json files instead (read them after).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FACT_NAMES, readConsole } from '../../src/console/reader.ts';
import type { ReadResult } from '../../src/console/reader.ts';
import { maskKeysIn } from '../../src/redact/key-in-text.ts';
import { parts, samples } from '../support/console-samples.ts';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const all = samples();
// Every fact name any sample yields, to prove each one is read from some real or constructed output.
const yielded = new Set<string>();

/** A result as its .json holds it: JSON's own form, so undefined members are gone. */
const asJson = (r: ReadResult): string => `${JSON.stringify(r, null, 2)}\n`;

describe('golden files of the console reader', () => {
  it('has samples', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  for (const s of all) {
    const where = `${s.kind}/${s.name}`;
    it(where, () => {
      const { source, what, output } = parts(s.url);
      expect(source, `${where}: first line`).toMatch(/^# source: \S/);
      expect(what, `${where}: second line`).toMatch(/^# what: \S/);
      // A sample written by hand says so, so no one takes it for a capture.
      if (s.name.includes('constructed')) expect(source, where).toMatch(/^# source: constructed /);
      const result = readConsole(output);
      // Every fact names the line it came from, as pasted (product keys masked) and trimmed.
      for (const section of result.sections) {
        expect(Object.keys(section.lines).sort(), where).toEqual(Object.keys(section.facts).sort());
        for (const [fact, line = ''] of Object.entries(section.lines)) {
          expect(maskKeysIn(output).includes(line), `${where}: ${fact}: ${line}`).toBe(true);
          expect(line, `${where}: ${fact}`).toBe(line.trim());
          yielded.add(fact);
        }
      }
      const golden = fileURLToPath(s.golden);
      if (UPDATE) {
        writeFileSync(golden, asJson(result));
        return;
      }
      expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1, then read it`).toBe(true);
      const expected: unknown = JSON.parse(readFileSync(golden, 'utf8'));
      expect(JSON.parse(asJson(result)), `${where} differs from its .json`).toEqual(expected);
    });
  }

  it('together read every fact the reader knows', () => {
    expect([...yielded].sort()).toEqual([...FACT_NAMES].sort());
  });
});
