import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/flows.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const check = (name: string) => run(['check', '--dir', fixture(name)]);

describe('flow checker', () => {
  it('passes a valid set of flows', () => {
    const { code, out, err } = check('valid');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/ok: 2 flows, 11 nodes, 2 codes/);
  });

  // Each broken fixture differs from "valid" by one mistake; the message names file, node and problem.
  const cases: Array<[string, RegExp]> = [
    ['schema-violation', /main\.json: node "run-cmd": kind: unknown or missing "kind"/],
    ['duplicate-id', /main\.json: node "low": duplicate node id/],
    ['missing-node', /main\.json: node "run-cmd": no: no node "nowhere" in this flow/],
    ['missing-flow', /main\.json: node "go-other": flow: no flow "elsewhere"/],
    ['unreachable', /other\.json: node "orphan": unreachable/],
    ['loop-no-exit', /other\.json: node "ask-again": no way out/],
    ['missing-branch', /main\.json: node "start": no: missing branch/],
    ['range-gap', /main\.json: node "count": routes\[0\]: gap: no range covers 25/],
    ['range-overlap', /main\.json: node "count": routes\[1\]: overlap: 5 is in two ranges/],
    ['missing-translation', /main\.json: node "edition": text\.ru: missing translation \(ru\)/],
    ['unknown-code', /other\.json: node "start": error code 0xC004F039 is not in the catalog/],
    ['catalog-missing-node', /catalog\.json: code 0xC004F038: flow "main" has no node "vanished"/],
    ['invalid-json', /main\.json: not valid JSON/],
  ];
  it.each(cases)('fails on %s with a precise message', (name, message) => {
    const { code, err } = check(name);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(err).toMatch(/problem\(s\) found/);
  });

  it('reports every node of a loop, and only the loop', () => {
    const { err } = check('loop-no-exit');
    const lines = err.split('\n').filter((l) => l.includes('no way out'));
    expect(lines.map((l) => /node "([^"]+)"/.exec(l)?.[1]).sort()).toEqual(['ask-again', 'ask-more']);
  });
});

describe('the JSON Schemas editors read', () => {
  it('are what the zod schema generates now', async () => {
    const { readFileSync } = await import('node:fs');
    const { z } = await import('zod');
    const { CatalogSchema, FlowSchema } = await import('../../src/engine/schema.ts');
    for (const [file, schema] of [
      ['flow.schema.json', FlowSchema],
      ['catalog.schema.json', CatalogSchema],
    ] as const) {
      const committed = JSON.parse(
        readFileSync(new URL(`../../flows/${file}`, import.meta.url), 'utf8'),
      ) as unknown;
      expect(committed, `${file} is stale: run npm run flows -- schema`).toEqual(
        JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: 'input' }))),
      );
    }
  });
});
