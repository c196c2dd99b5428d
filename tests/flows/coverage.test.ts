import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadChecked } from '../support/flows.ts';

/**
 * flows/coverage.md lists Microsoft's activation articles and each of their resolution steps, with the
 * node of the guide that holds the step, or `missing`, or `out of scope: <reason>`. This test parses the
 * list strictly, so that a malformed, emptied or cut-off file, or a reference to a node that no longer
 * exists, fails.
 */

const FILE = new URL('../../flows/coverage.md', import.meta.url);
const text = readFileSync(FILE, 'utf8');
const { flows } = loadChecked('flows');

const HEADER = '| Step | Command or value | Guide |';
const SEPARATOR = '| --- | --- | --- |';
const NODE_REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)#([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const OUT_OF_SCOPE = /^out of scope: \S.*$/;

/** Repositories and the folders whose articles the list covers, with how an article's public URL is formed. */
const REPOSITORIES: Record<string, { path: RegExp; url: (path: string) => string }> = {
  'MicrosoftDocs/SupportArticles-docs': {
    path: /^support\/windows-(server|client)\/licensing-and-activation\/[a-z0-9-]+\.md$/,
    url: (path) =>
      `https://learn.microsoft.com/troubleshoot/${path.replace(/^support\//, '').replace(/\.md$/, '')}`,
  },
  'MicrosoftDocs/windowsserverdocs': {
    path: /^WindowsServerDocs\/get-started\/[a-z0-9-]+\.md$/,
    url: (path) =>
      `https://learn.microsoft.com/windows-server/get-started/${path
        .replace(/^WindowsServerDocs\/get-started\//, '')
        .replace(/\.md$/, '')}`,
  },
};

type Guide =
  { kind: 'nodes'; refs: string[] } | { kind: 'missing' } | { kind: 'out-of-scope'; reason: string };
interface Step {
  line: number;
  step: string;
  command: string;
  guide: Guide;
}
interface Article {
  path: string;
  line: number;
  repository: string;
  url: string;
  steps: Step[];
}

/** Reads one Guide cell: node references, `missing` or `out of scope: reason`, and nothing else. */
function parseGuide(cell: string, line: number): Guide {
  if (cell === 'missing') return { kind: 'missing' };
  if (cell.startsWith('out of scope')) {
    if (!OUT_OF_SCOPE.test(cell)) throw new Error(`line ${line}: "${cell}" is not "out of scope: <reason>"`);
    return { kind: 'out-of-scope', reason: cell.slice('out of scope: '.length) };
  }
  const refs = cell.split(', ');
  for (const ref of refs)
    if (!NODE_REF.test(ref))
      throw new Error(
        `line ${line}: "${cell}" is neither node references (flow#node, ...), missing nor out of scope`,
      );
  return { kind: 'nodes', refs };
}

/** Splits a table row into its three cells; a row with a stray pipe has more cells and is refused. */
function cells(row: string, line: number): [string, string, string] {
  if (!row.startsWith('| ') || !row.endsWith(' |')) throw new Error(`line ${line}: not a table row: ${row}`);
  const parts = row
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
  if (parts.length !== 3) throw new Error(`line ${line}: ${parts.length} cells instead of 3: ${row}`);
  return parts as [string, string, string];
}

/** Parses the whole file into its articles and the totals line at its end. */
function parse(source: string): { articles: Article[]; totals: string } {
  const lines = source.split('\n');
  const articles: Article[] = [];
  let totals = '';
  let i = 0;
  while (i < lines.length && !lines[i]!.startsWith('## ')) i++;
  while (i < lines.length) {
    const heading = lines[i]!;
    if (heading.startsWith('# ')) {
      totals = lines.slice(i + 1).find((l) => l.startsWith('Totals:')) ?? '';
      break;
    }
    if (!heading.startsWith('## ')) throw new Error(`line ${i + 1}: expected an article heading: ${heading}`);
    const article: Article = { path: heading.slice(3), line: i + 1, repository: '', url: '', steps: [] };
    i++;
    let inTable = false;
    for (; i < lines.length && !lines[i]!.startsWith('#'); i++) {
      const l = lines[i]!;
      if (l === '') continue;
      if (l.startsWith('- Repository: ')) article.repository = l.slice('- Repository: '.length);
      else if (l.startsWith('- URL: ')) article.url = l.slice('- URL: '.length);
      else if (l.replace(/ +/g, ' ') === HEADER) {
        if (inTable || article.steps.length) throw new Error(`line ${i + 1}: a second table in one article`);
        const sep = lines[i + 1] ?? '';
        if (!/^\| *:?-{3,}:? *\| *:?-{3,}:? *\| *:?-{3,}:? *\|$/.test(sep))
          throw new Error(`line ${i + 2}: expected ${SEPARATOR}`);
        inTable = true;
        i++;
      } else if (inTable && l.startsWith('|')) {
        const [step, command, guide] = cells(l, i + 1);
        if (!step || !command) throw new Error(`line ${i + 1}: empty step or command`);
        article.steps.push({ line: i + 1, step, command, guide: parseGuide(guide, i + 1) });
      } else throw new Error(`line ${i + 1}: unexpected line in ${article.path}: ${l}`);
    }
    articles.push(article);
  }
  return { articles, totals };
}

const { articles, totals } = parse(text);
const steps = articles.flatMap((a) => a.steps);
const count = (kind: Guide['kind']) => steps.filter((s) => s.guide.kind === kind).length;

describe('flows/coverage.md', () => {
  it('lists the articles of all three sources, each once', () => {
    expect(articles.length).toBeGreaterThanOrEqual(45);
    const paths = articles.map((a) => a.path);
    expect(new Set(paths).size).toBe(paths.length);
    const from = (prefix: string) => paths.filter((p) => p.startsWith(prefix)).length;
    expect(from('support/windows-server/licensing-and-activation/')).toBeGreaterThanOrEqual(28);
    expect(from('support/windows-client/licensing-and-activation/')).toBeGreaterThanOrEqual(5);
    expect(from('WindowsServerDocs/get-started/')).toBeGreaterThanOrEqual(12);
  });

  it('gives each article its repository, path and public URL', () => {
    for (const a of articles) {
      const repo = REPOSITORIES[a.repository];
      expect(repo, `${a.path}: repository "${a.repository}"`).toBeDefined();
      expect(a.path, `line ${a.line}`).toMatch(repo!.path);
      expect(a.url, a.path).toBe(repo!.url(a.path));
    }
  });

  it('gives every article at least one step, each with a command or value', () => {
    for (const a of articles) expect(a.steps.length, a.path).toBeGreaterThanOrEqual(1);
    expect(steps.length).toBeGreaterThanOrEqual(300);
  });

  it('names only nodes that exist in the flows', () => {
    const unknown: string[] = [];
    for (const s of steps) {
      if (s.guide.kind !== 'nodes') continue;
      for (const ref of s.guide.refs) {
        const [flowId, nodeId] = ref.split('#') as [string, string];
        const flow = flows[flowId];
        if (!flow || !flow.nodes.some((n) => n.id === nodeId)) unknown.push(`line ${s.line}: ${ref}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('places most steps in the guide, and gives a reason for every one out of scope', () => {
    expect(count('nodes')).toBeGreaterThan(steps.length / 2);
    for (const s of steps)
      if (s.guide.kind === 'out-of-scope') expect(s.guide.reason.length).toBeGreaterThan(5);
  });

  it('ends with totals that match the list, so a cut-off file fails', () => {
    const m =
      /^Totals: (\d+) articles, (\d+) steps: (\d+) in the guide, (\d+) missing, (\d+) out of scope\.$/.exec(
        totals,
      );
    expect(m, `totals line: "${totals}"`).not.toBeNull();
    expect(m!.slice(1).map(Number)).toEqual([
      articles.length,
      steps.length,
      count('nodes'),
      count('missing'),
      count('out-of-scope'),
    ]);
  });
});
