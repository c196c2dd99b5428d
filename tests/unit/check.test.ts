import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/flows.ts';
import { shellProblems } from '../../src/engine/check.ts';
import { commandOf } from '../../src/engine/engine.ts';
import { loadChecked } from '../support/flows.ts';

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
    ['missing-source', /main\.json: node "run-cmd": a command or expected output needs "sources"/],
    ['unknown-source', /main\.json: node "run-cmd": sources: no source "nowhere" in sources\.json/],
    [
      'shell-mismatch',
      /main\.json: node "run-cmd": command: "&&" and "\|\|" do not exist in Windows PowerShell 5\.1/,
    ],
    [
      'net-stop-chain',
      /main\.json: node "run-cmd": command: "net stop" or "net start" fails when the service/,
    ],
    ['silent-return', /main\.json: node "ok": leads back to an earlier step: add "returns"/],
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

describe('the organization file', () => {
  it('takes a KMS host name only with labels neither empty nor starting or ending with a hyphen', async () => {
    const { OrganizationSchema } = await import('../../src/engine/schema.ts');
    const { readFileSync } = await import('node:fs');
    const json = JSON.parse(
      readFileSync(new URL('../../flows/organization.schema.json', import.meta.url), 'utf8'),
    ) as { properties: { kmsHost: { pattern: string } } };
    const pattern = new RegExp(json.properties.kmsHost.pattern);
    const ok = (kmsHost: string) => OrganizationSchema.safeParse({ kmsHost }).success;
    for (const good of [
      'kms01',
      'kms01.contoso.com',
      'KMS-01.corp.contoso.com',
      '10.20.30.40',
      `${'a'.repeat(63)}.com`,
    ]) {
      expect(ok(good), good).toBe(true);
      expect(pattern.test(good), good).toBe(true);
    }
    for (const bad of [
      'kms01..contoso.-com',
      'kms01.-contoso.com',
      'kms01-.contoso.com',
      '.kms01',
      'kms01.',
      'kms 01',
      `${'a'.repeat(64)}.com`,
    ]) {
      expect(ok(bad), bad).toBe(false);
      expect(pattern.test(bad), bad).toBe(false);
    }
  });
});

describe('the JSON Schemas editors read', () => {
  it('are what the zod schema generates now', async () => {
    const { readFileSync } = await import('node:fs');
    const { z } = await import('zod');
    const { CatalogSchema, FlowSchema, OrganizationSchema, SourcesSchema } =
      await import('../../src/engine/schema.ts');
    for (const [file, schema] of [
      ['flow.schema.json', FlowSchema],
      ['catalog.schema.json', CatalogSchema],
      ['sources.schema.json', SourcesSchema],
      ['organization.schema.json', OrganizationSchema],
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

describe('shell syntax of commands', () => {
  const problems = (run: string, shell: 'cmd' | 'powershell') =>
    shellProblems({ run, shell, elevated: false });
  it('rejects cmd syntax in PowerShell and PowerShell syntax in cmd', () => {
    expect(problems('slmgr /dlv; Get-Service sppsvc', 'powershell')).toEqual([]);
    expect(problems('Get-Service sppsvc || exit', 'powershell')).toHaveLength(1);
    expect(problems('cscript %windir%\\system32\\slmgr.vbs /dlv', 'powershell')).toEqual([
      '"%NAME%" is cmd syntax: in PowerShell write $env:NAME',
    ]);
    expect(problems('cscript $env:windir\\system32\\slmgr.vbs /dlv', 'cmd')).toHaveLength(1);
    expect(problems('Get-NetFirewallRule -Name SPPSVC-In-TCP', 'cmd')).toHaveLength(1);
    expect(problems('powershell -NoProfile -Command "Get-Service sppsvc"', 'cmd')).toEqual([]);
  });
  it('allows && in cmd, but not past net stop or net start', () => {
    expect(problems('slmgr /skms kms:1688 && slmgr /ato', 'cmd')).toEqual([]);
    expect(problems('net stop sppsvc & net start sppsvc', 'cmd')).toEqual([]);
    expect(problems('net start sppsvc && slmgr /ato', 'cmd')).toHaveLength(1);
  });
  it('holds for every command the flows give', () => {
    const { flows } = loadChecked('flows');
    for (const [id, flow] of Object.entries(flows))
      for (const node of flow.nodes) {
        const command = commandOf(node);
        if (command) expect(shellProblems(command), `${id}/${node.id}`).toEqual([]);
      }
  });
});
