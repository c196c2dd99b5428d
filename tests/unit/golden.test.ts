/**
 * Golden files: every sample in tests/fixtures/console/<kind>/<sample>.txt is read, and the result must be
 * exactly the <sample>.json beside it. `UPDATE_GOLDEN=1` rewrites the .json files instead (read them after).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/flows.ts';
import { commandText } from '../../src/console/commands.ts';
import { KINDS } from '../../src/console/kinds/index.ts';
import { FACT_NAMES, readConsole } from '../../src/console/reader.ts';
import type { ReadResult, SectionKind } from '../../src/console/reader.ts';
import { splitLines } from '../../src/console/text.ts';
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
      expect(
        JSON.parse(asJson(result)),
        `${where} differs from its .json (UPDATE_GOLDEN=1 rewrites it, if the change is meant)`,
      ).toEqual(expected);
    });
  }

  it('together read every fact the reader knows', () => {
    expect([...yielded].sort()).toEqual([...FACT_NAMES].sort());
  });
});

describe('npm run flows -- read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives every sample's golden result, from the output saved as a file", () => {
    for (const s of all) {
      const file = join(dir, s.name);
      writeFileSync(file, parts(s.url).output);
      const { code, out } = run(['read', file]);
      const golden = JSON.parse(readFileSync(fileURLToPath(s.golden), 'utf8')) as ReadResult;
      // A sample whose every row is a near miss reads nothing: the command says so and exits 1.
      if (!golden.sections.length) expect(code, s.name).toBe(1);
      else expect(JSON.parse(out), s.name).toEqual(golden);
    }
  });
});

describe('the registry of output kinds', () => {
  // The facts each section kind yields over all samples, for the kinds' declarations.
  const bySection = new Map<SectionKind, Set<string>>();
  for (const s of all) {
    for (const section of readConsole(parts(s.url).output).sections) {
      const facts = bySection.get(section.kind) ?? new Set();
      for (const fact of Object.keys(section.facts)) facts.add(fact);
      bySection.set(section.kind, facts);
    }
  }

  it('has one folder of samples per kind, named by its id, and no other', () => {
    const ids = KINDS.map((k) => k.id);
    expect(new Set(ids).size, 'kind ids are unique').toBe(ids.length);
    expect([...new Set(all.map((s) => s.kind))].sort()).toEqual([...ids].sort());
  });

  it('gives each section kind to one output kind', () => {
    const sections = KINDS.flatMap((k) => k.sections);
    expect(new Set(sections).size).toBe(sections.length);
    for (const kind of bySection.keys()) expect(sections, kind).toContain(kind);
  });

  for (const kind of KINDS)
    it(`${kind.id}: declares exactly the facts its samples' sections yield`, () => {
      const read = new Set(kind.sections.flatMap((k) => [...(bySection.get(k) ?? [])]));
      expect([...new Set(kind.facts)].sort(), 'no fact declared twice').toEqual([...kind.facts].sort());
      expect([...kind.facts].sort(), `${kind.id}: declared facts vs read facts`).toEqual([...read].sort());
    });

  it('has every kind name its own hits, on every line of every sample', () => {
    for (const s of all) {
      for (const line of splitLines(parts(s.url).output)) {
        for (const kind of KINDS) {
          const hit = kind.line(line);
          if (hit) expect(hit.family, `${kind.id} on ${line.text}`).toBe(kind.id);
          const text = commandText(line);
          const command = typeof text === 'string' ? kind.command?.(text) : null;
          if (command) expect(command.family, `${kind.id} on ${line.text}`).toBe(kind.id);
        }
      }
    }
  });
});
