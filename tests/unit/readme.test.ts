import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/flows.ts';
import { KINDS } from '../../src/console/kinds/index.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Every `npm run flows -- …` line of the README, as arguments (comments dropped, quotes honoured). */
const commands = [...readme.matchAll(/^npm run (?:--silent )?flows -- (.+?)(?:\s+#.*)?$/gm)].map((m) =>
  [...m[1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((a) => a[1] ?? a[2]!),
);

describe('the README', () => {
  it('shows the authoring commands', () => {
    expect(commands.map((c) => c[0])).toEqual(expect.arrayContaining(['check', 'walk', 'graph', 'lookup']));
  });
  // `schema` writes files, so it is left out here; a test of its own checks the committed schemas.
  for (const args of commands.filter((c) => c[0] !== 'schema'))
    it(`npm run flows -- ${args.join(' ')} works as shown`, () => {
      const { code, out } = run(args);
      expect(code).toBe(0);
      expect(out.length).toBeGreaterThan(0);
      if (args[0] === 'walk') expect(JSON.parse(out)).toHaveProperty('end.kind');
      if (args[0] === 'graph') expect(out).toMatch(/^flowchart TD/);
    });
});

describe("the README's table of output kinds", () => {
  it('names every kind the reader registers, one line each, and no other', () => {
    const part = readme.slice(readme.indexOf('### Pasted console output'));
    const section = part.slice(0, part.indexOf('\n### ', 1));
    const named = [...section.matchAll(/^\| `([a-z0-9-]+)` +\|/gm)].map((m) => m[1]);
    expect(named).toEqual(KINDS.map((k) => k.id));
  });
});

describe("CONTRIBUTING's layout", () => {
  const contributing = readFileSync(new URL('../../CONTRIBUTING.md', import.meta.url), 'utf8');
  const layout = contributing.slice(
    contributing.indexOf('## Where things live'),
    contributing.indexOf('## How to add'),
  );
  it('names every folder of src/', () => {
    const folders = readdirSync(new URL('../../src/', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `src/${d.name}/`);
    expect(folders.length).toBeGreaterThan(5);
    for (const f of folders) expect(layout, f).toContain(f);
  });
  it('names no folder that does not exist', () => {
    for (const [, f] of layout.matchAll(/^(src\/[a-z-]+\/)/gm))
      expect(existsSync(new URL(`../../${f}`, import.meta.url)), f).toBe(true);
  });
});

describe("the README's deploy headers", () => {
  it('give the built page its own Content Security Policy, plus the framing ban a meta tag cannot carry', async () => {
    const { CSP } = await import('../../.config/csp.ts');
    const header = /^Content-Security-Policy: (.+)$/m.exec(readme)?.[1];
    expect(header).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(readme).toMatch(/^X-Frame-Options: DENY$/m);
  });
});
