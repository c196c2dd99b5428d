import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/flows.ts';
import { shellProblems } from '../../src/flow-format/check.ts';
import { COLLECT_COMMAND } from '../../src/console/collect.ts';
import { powerShellSyntaxError } from '../../src/flow-format/powershell-syntax.ts';
import { commandOf } from '../../src/flow/engine.ts';
import { brokenFixture } from '../support/broken-fixture.ts';
import { loadChecked } from '../support/flows.ts';

const VALID = fileURLToPath(new URL('../fixtures/valid', import.meta.url));
const made: string[] = [];
/** Checks the valid fixture, or the valid fixture with the named case's one mistake (tests/fixtures/broken). */
const check = (name: string) => {
  if (name === 'valid') return run(['check', '--dir', VALID]);
  const dir = brokenFixture(name);
  made.push(dir);
  return run(['check', '--dir', dir]);
};
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('flow checker', () => {
  it('passes a valid set of flows', () => {
    const { code, out, err } = check('valid');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/ok: 2 flows, 11 nodes, 2 codes/);
    // The valid fixture's one command step says why its output cannot answer.
    expect(out).toMatch(/command steps: 1, 0 read their own output, 1 say why they cannot/);
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
    ['flow-without-topic', /catalog\.json: flow "other" has no topic: Home cannot find it without a code/],
    ['topic-unknown-flow', /catalog\.json: topic elsewhere: no flow "elsewhere"/],
    ['invalid-json', /main\.json: not valid JSON/],
    ['missing-source', /main\.json: node "run-cmd": a command or expected output needs "sources"/],
    ['unknown-source', /main\.json: node "run-cmd": sources: no source "nowhere" in sources\.json/],
    [
      'unknown-contradiction',
      /sources\.json: source "ref-test": contradictedBy names unknown source "nowhere"/,
    ],
    [
      'shell-mismatch',
      /main\.json: node "run-cmd": command: "&&" and "\|\|" do not exist in Windows PowerShell 5\.1/,
    ],
    [
      'net-stop-chain',
      /main\.json: node "run-cmd": command: "net stop" or "net start" fails when the service/,
    ],
    ['silent-return', /main\.json: node "ok": leads back to an earlier step: add "returns"/],
    ['reads-and-no-reading', /main\.json: node "run-cmd": noReading: the step reads its output/],
    [
      'reads-neither',
      /main\.json: node "run-cmd": reads: the step neither reads its own output \("reads"\) nor says why it cannot/,
    ],
    [
      'reads-missing',
      /main\.json: node "run-cmd": reads: missing "absent" is not an answer of this question/,
    ],
    ['reads-bad-pattern', /main\.json: node "run-cmd": reads: "Eval\(" is not a regular expression/],
    [
      'reads-on-error',
      /main\.json: node "run-cmd": reads: onError "failed" is not an answer of this question/,
    ],
    [
      'powershell-unclosed-quote',
      /main\.json: node "run-cmd": command: PowerShell syntax error: the " quote at column 64 is never closed/,
    ],
    [
      'powershell-unclosed-brace',
      /main\.json: node "ok": command: PowerShell syntax error: "\{" at column 35 is never closed/,
    ],
    [
      'powershell-stray-paren',
      /main\.json: node "run-cmd": command: PowerShell syntax error: "\)" at column 28 closes nothing/,
    ],
  ];
  it.each(cases)('fails on %s with a precise message', (name, message) => {
    const { code, err } = check(name);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(err).toMatch(/problem\(s\) found/);
  });

  it('has a message for every broken case, and a case for every message', () => {
    const files = readdirSync(new URL('../fixtures/broken/', import.meta.url)).map((f) =>
      f.replace(/\.json$/, ''),
    );
    expect(files.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it('reports every node of a loop, and only the loop', () => {
    const { err } = check('loop-no-exit');
    const lines = err.split('\n').filter((l) => l.includes('no way out'));
    expect(lines.map((l) => /node "([^"]+)"/.exec(l)?.[1]).sort()).toEqual(['ask-again', 'ask-more']);
  });
});

describe('the organization file', () => {
  it('takes a KMS host name only with labels neither empty nor starting or ending with a hyphen', async () => {
    const { OrganizationSchema } = await import('../../src/flow-format/schema.ts');
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
      await import('../../src/flow-format/schema.ts');
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
  it('reports "&&" in PowerShell once: the grammar (PowerShell 7) takes it, the 5.1 rule does not', () => {
    expect(problems('Get-Service sppsvc && Start-Service sppsvc', 'powershell')).toEqual([
      '"&&" and "||" do not exist in Windows PowerShell 5.1: use ";" or separate steps',
    ]);
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

describe('PowerShell syntax of commands', () => {
  it('passes valid PowerShell, placeholders and the forms the grammar needs stand-ins for', () => {
    for (const run of [
      'Get-Service sppsvc',
      "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=12288,12289} -MaxEvents 3 | Format-List TimeCreated,Id,Message",
      'Get-NetFirewallRule -Name SPPSVC-In-TCP | Format-List Name, Enabled, Profile',
      'cscript $env:windir\\system32\\slmgr.vbs /ato',
      'Test-NetConnection <KMS host FQDN> -Port <port>',
      "Resolve-DnsName -Name '_vlmcs._tcp.<client DNS zone>' -Type SRV",
      'cscript //nologo "$env:windir\\system32\\slmgr.vbs" /ipk "<product key>"',
      "if ((Get-Service sppsvc).Status -ne 'Running') { Start-Service sppsvc } else { \"it's running\" }",
      'Write-Host \'it\'\'s\' ")" "a`"b" "a""b"',
      'Get-Service sppsvc | Select-Object Name, Status, @{n="Start";e={$_.StartType}}',
      'Write-Host “done”',
      COLLECT_COMMAND,
    ])
      expect(powerShellSyntaxError(run), run).toBeUndefined();
  });
  it('names the quote, brace or parenthesis left open or closed twice', () => {
    expect(powerShellSyntaxError("Write-Host 'done")).toBe(
      "PowerShell syntax error: the ' quote at column 12 is never closed",
    );
    expect(powerShellSyntaxError('Get-Service | ForEach-Object { $_.Name')).toBe(
      'PowerShell syntax error: "{" at column 30 is never closed',
    );
    expect(powerShellSyntaxError('Write-Host ("a" + "b"')).toBe(
      'PowerShell syntax error: "(" at column 12 is never closed',
    );
    expect(powerShellSyntaxError('@(1, 2}')).toBe(
      'PowerShell syntax error: "}" at column 7 does not close "(" at column 2',
    );
    // PowerShell reads a typographic quote as a plain one: an unclosed one fails too.
    expect(powerShellSyntaxError('Write-Host “done')).toBe(
      'PowerShell syntax error: the “ quote at column 12 is never closed',
    );
    expect(powerShellSyntaxError('Get-Service sppsvc }')).toBe(
      'PowerShell syntax error: "}" at column 20 closes nothing',
    );
  });
  it('fails on other syntax errors the grammar finds, with their column', () => {
    expect(powerShellSyntaxError('Get-Service sppsvc |')).toMatch(/^PowerShell syntax error at column 1: /);
    expect(powerShellSyntaxError('if ($a) { 1 } else')).toBe(
      'PowerShell syntax error at column 15: cannot parse "else"',
    );
  });
  it('keeps a placeholder from hiding an error around it', () => {
    expect(powerShellSyntaxError('Test-NetConnection "<KMS host FQDN> -Port <port>')).toBe(
      'PowerShell syntax error: the " quote at column 20 is never closed',
    );
  });
});
