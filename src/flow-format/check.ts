/**
 * The flow checker: schema and graph checks over every flow and the catalog.
 * Pure but for the PowerShell grammar it loads once: the caller reads the files; every problem names
 * its file and node.
 */
import type { z } from 'zod';
import { answersFor, commandOf, findNode } from '../flow/engine.ts';
import { PLACEHOLDERS, placeholdersIn } from '../flow/facts.ts';
import { powerShellSyntaxError } from './powershell-syntax.ts';
import { CatalogSchema, FlowSchema, LANGUAGES, OrganizationSchema, SourcesSchema } from './schema.ts';
import type { Catalog, Command, Flow, FlowNode, Sources, Text } from './schema.ts';

export interface SourceFile {
  /** Path shown in messages, e.g. flows/time-sync.json. */
  path: string;
  /** Parsed JSON, or undefined when the file was not valid JSON. */
  data: unknown;
  /** Set when the file could not be parsed at all. */
  parseError?: string;
}

export interface Problem {
  file: string;
  node?: string;
  message: string;
}

export interface CheckResult {
  problems: Problem[];
  flows: Record<string, Flow>;
  catalog?: Catalog;
  sources?: Sources;
}

const CODE_IN_TEXT = /0x[0-9a-f]{8}/gi;

/** The flow id a file stands for: its name without .json. */
export function flowIdOf(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.json$/, '');
}

/** Formats a problem as one line: file, node, message. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.node ? `node "${p.node}": ` : ''}${p.message}`;
}

/** Checks every flow file, the catalog and the sources they cite, returning all problems found. */
export function checkAll(
  flowFiles: SourceFile[],
  catalogFile?: SourceFile,
  sourcesFile?: SourceFile,
  organizationFile?: SourceFile,
): CheckResult {
  const problems: Problem[] = [];
  const flows: Record<string, Flow> = {};
  const files: Record<string, string> = {};
  // Flows that exist but failed the schema: references to them are not reported again.
  const broken = new Set<string>();

  for (const file of flowFiles) {
    const id = flowIdOf(file.path);
    if (file.parseError !== undefined) {
      problems.push({ file: file.path, message: `not valid JSON: ${file.parseError}` });
      broken.add(id);
      continue;
    }
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push({ file: file.path, message: `file name "${id}" is not a valid flow id (a-z, 0-9, -)` });
      continue;
    }
    const parsed = FlowSchema.safeParse(file.data);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, parsed.error));
      broken.add(id);
      continue;
    }
    flows[id] = parsed.data;
    files[id] = file.path;
  }

  const catalog = catalogFile && parseWhole(catalogFile, CatalogSchema, problems);
  const sources = sourcesFile && parseWhole(sourcesFile, SourcesSchema, problems);
  if (organizationFile) parseWhole(organizationFile, OrganizationSchema, problems);
  // A registry that failed its schema is reported once; its ids are not reported as missing again.
  const cited = sourcesFile && !sources ? undefined : new Set(sources?.sources.map((x) => x.id) ?? []);
  if (sources && sourcesFile) problems.push(...checkSourceIds(sourcesFile.path, sources));

  for (const [id, flow] of Object.entries(flows)) {
    problems.push(...checkFlow(id, files[id]!, flow, flows, broken));
    problems.push(...checkFacts(files[id]!, flow, cited));
  }
  if (catalog && catalogFile) {
    problems.push(...checkCatalog(catalogFile.path, catalog, flows, broken));
    for (const entry of catalog.codes)
      for (const ref of entry.sources)
        if (cited && !cited.has(ref))
          problems.push({
            file: catalogFile.path,
            message: `code ${entry.code}: sources: no source "${ref}" in sources.json`,
          });
  }
  problems.push(...checkExits(flows, files, broken));
  problems.push(...checkReachable(flows, files, catalog));
  problems.push(...checkReturns(flows, files, catalog));
  if (catalog) problems.push(...checkCodes(flows, files, catalog));
  return { problems, flows, catalog, sources };
}

/** Parses a whole-file document (the catalog, the sources) against its schema; problems are added to `into`. */
function parseWhole<T>(file: SourceFile, schema: z.ZodType<T>, into: Problem[]): T | undefined {
  if (file.parseError !== undefined) {
    into.push({ file: file.path, message: `not valid JSON: ${file.parseError}` });
    return undefined;
  }
  const parsed = schema.safeParse(file.data);
  if (parsed.success) return parsed.data;
  into.push(...schemaProblems(file, parsed.error));
  return undefined;
}

function checkSourceIds(file: string, sources: Sources): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const x of sources.sources) {
    if (seen.has(x.id)) out.push({ file, message: `source "${x.id}": duplicate id` });
    seen.add(x.id);
  }
  for (const x of sources.sources)
    for (const c of x.contradictedBy ?? [])
      for (const id of c.sources ?? []) {
        if (!seen.has(id))
          out.push({ file, message: `source "${x.id}": contradictedBy names unknown source "${id}"` });
        else if (id === x.id) out.push({ file, message: `source "${x.id}": contradictedBy names itself` });
      }
  return out;
}

/**
 * Facts a technician acts on name their source, or say that none confirms them; commands are written
 * for the shell they name.
 */
function checkFacts(file: string, flow: Flow, cited: ReadonlySet<string> | undefined): Problem[] {
  const out: Problem[] = [];
  for (const node of flow.nodes) {
    if (node.kind === 'link') continue;
    const at = (message: string) => out.push({ file, node: node.id, message });
    const command = commandOf(node);
    if ((command || node.kind === 'action') && !node.sources && !node.unverified)
      at(
        'a command or expected output needs "sources", or an "unverified" note saying what no source confirms',
      );
    for (const ref of node.sources ?? [])
      if (cited && !cited.has(ref)) at(`sources: no source "${ref}" in sources.json`);
    if (command) {
      for (const problem of shellProblems(command)) at(`command: ${problem}`);
      for (const p of placeholdersIn(command.run))
        if (!Object.hasOwn(PLACEHOLDERS, p))
          at(`command: unknown placeholder "${p}" (known: src/flow/facts.ts)`);
    }
    if (node.kind === 'action' && node.reads && node.noReading)
      at('noReading: the step reads its output ("reads"): remove "noReading"');
    // A technician pastes what the step's command printed: the step answers from it, or says why it cannot.
    if (node.kind === 'action' && !node.reads && !node.noReading)
      at(
        'reads: the step neither reads its own output ("reads") nor says why it cannot ("noReading": window, compare, key or silent)',
      );
    if (node.reads) {
      const accepted = answersFor(node);
      if (accepted === 'number') {
        if (node.reads.answers) at('reads: a number question takes the value itself: remove "answers"');
      } else if (!node.reads.answers) at('reads: "answers" is needed: which fact values give which answer');
      else
        for (const a of Object.keys(node.reads.answers))
          if (!accepted.includes(a)) at(`reads: "${a}" is not an answer of this question`);
      for (const values of Object.values(node.reads.answers ?? {}))
        for (const v of values)
          if (typeof v === 'object' && 'match' in v) {
            try {
              new RegExp(v.match, 'i');
            } catch {
              at(`reads: "${v.match}" is not a regular expression`);
            }
          }
      const missing = node.reads.missing;
      if (missing !== undefined && (accepted === 'number' || !accepted.includes(missing)))
        at(`reads: missing "${missing}" is not an answer of this question`);
      const onError = node.reads.onError;
      if (onError !== undefined) {
        if (accepted === 'number' || !accepted.includes(onError))
          at(`reads: onError "${onError}" is not an answer of this question`);
        if (node.kind !== 'action') at("reads: onError needs the step's own command (an action step)");
      }
    }
  }
  return out;
}

// Services that `net stop` / `net start` may find already stopped or started: an error, but a harmless one.
const NET_SERVICE_CHAIN = /\bnet\s+(?:stop|start)\s+[^&|]+&&/i;

/**
 * What in a command does not belong to its shell (PowerShell 5.1 has no && or ||; cmd has no $env:),
 * and a PowerShell command's syntax errors.
 */
export function shellProblems(command: Command): string[] {
  const out: string[] = [];
  const run = command.run;
  if (command.shell === 'powershell') {
    if (/&&|\|\|/.test(run))
      out.push('"&&" and "||" do not exist in Windows PowerShell 5.1: use ";" or separate steps');
    if (/%[A-Za-z_][\w()]*%/.test(run)) out.push('"%NAME%" is cmd syntax: in PowerShell write $env:NAME');
    // The grammar is PowerShell 7's, where && and || are valid: the rule above covers 5.1.
    const syntax = powerShellSyntaxError(run);
    if (syntax) out.push(syntax);
  } else {
    if (/\$env:/i.test(run)) out.push('"$env:" is PowerShell syntax: in cmd write %NAME%');
    if (
      /(?:^|&&?|\|\|?)\s*(?:Get|Set|Start|Stop|Test|Add|Remove|Restart|New|Enable|Disable)-[A-Z][A-Za-z]+/.test(
        run,
      )
    )
      out.push(
        'a PowerShell cmdlet in a cmd command: set "shell" to "powershell", or call it through powershell -Command',
      );
    if (NET_SERVICE_CHAIN.test(run))
      out.push(
        '"net stop" or "net start" fails when the service is already stopped or started: chain past it with "&", not "&&"',
      );
  }
  return out;
}

/**
 * A path that goes back to an earlier step must say why: every back edge (found by a walk from every
 * start and catalog entry, across links) leaves a node that has a "returns" text.
 */
function checkReturns(
  flows: Record<string, Flow>,
  files: Record<string, string>,
  catalog: Catalog | undefined,
): Problem[] {
  const graph = edges(flows);
  const roots = rootsOf(flows, catalog);
  const state = new Map<Key, 'open' | 'done'>();
  const back = new Set<Key>();
  for (const root of roots) {
    if (state.has(root)) continue;
    // Iterative depth-first walk: a target still open is an ancestor, so the edge goes back.
    const stack: Array<{ key: Key; next: number }> = [{ key: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const succ = graph.get(top.key) ?? [];
      if (top.next >= succ.length) {
        state.set(top.key, 'done');
        stack.pop();
        continue;
      }
      const to = succ[top.next++]!;
      const seen = state.get(to);
      if (seen === 'open') back.add(top.key);
      else if (!seen) {
        state.set(to, 'open');
        stack.push({ key: to, next: 0 });
      }
    }
  }
  const out: Problem[] = [];
  for (const key of back) {
    const [flow, node] = key.split('/') as [string, string];
    const n = flows[flow] && findNode(flows[flow], node);
    if (n && !n.returns)
      out.push({
        file: files[flow]!,
        node,
        message:
          'leads back to an earlier step: add "returns", a text that says why and where the session goes',
      });
  }
  return out;
}

function schemaProblems(file: SourceFile, error: z.ZodError): Problem[] {
  const nodes = isRecord(file.data) && Array.isArray(file.data.nodes) ? file.data.nodes : [];
  const codes = isRecord(file.data) && Array.isArray(file.data.codes) ? file.data.codes : [];
  return error.issues.map((issue) => {
    const path = [...issue.path];
    let node: string | undefined;
    let where = path;
    if (path[0] === 'nodes' && typeof path[1] === 'number') {
      const raw: unknown = nodes[path[1]];
      node = isRecord(raw) && typeof raw.id === 'string' ? raw.id : `#${path[1] + 1}`;
      where = path.slice(2);
    } else if (path[0] === 'codes' && typeof path[1] === 'number') {
      const raw: unknown = codes[path[1]];
      const code = isRecord(raw) && typeof raw.code === 'string' ? raw.code : `#${path[1] + 1}`;
      where = path.slice(2);
      return { file: file.path, message: `code ${code}: ${pathText(where)}${issueText(issue)}` };
    }
    return { file: file.path, node, message: `${pathText(where)}${issueText(issue)}` };
  });
}

function pathText(path: PropertyKey[]): string {
  if (path.length === 0) return '';
  return `${path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[')}: `;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'discriminator' in issue)
    return 'unknown or missing "kind" (yesno, choice, number, action, link, outcome)';
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

function checkFlow(
  id: string,
  file: string,
  flow: Flow,
  flows: Record<string, Flow>,
  broken: ReadonlySet<string>,
): Problem[] {
  const out: Problem[] = [];
  const at = (node: string | undefined, message: string) => out.push({ file, node, message });
  const seen = new Set<string>();
  for (const node of flow.nodes) {
    if (seen.has(node.id)) at(node.id, 'duplicate node id');
    seen.add(node.id);
  }
  if (!findNode(flow, flow.start)) at(undefined, `start: no node "${flow.start}"`);

  for (const node of flow.nodes) {
    for (const [field, ref] of localRefs(node))
      if (!findNode(flow, ref)) at(node.id, `${field}: no node "${ref}" in this flow`);

    if (node.kind === 'choice') {
      const values = new Set<string>();
      for (const c of node.choices) {
        if (values.has(c.value)) at(node.id, `duplicate choice value "${c.value}"`);
        values.add(c.value);
      }
    }
    if (node.kind === 'link') {
      const target = flows[node.flow];
      if (!target) {
        if (!broken.has(node.flow)) at(node.id, `flow: no flow "${node.flow}"`);
      } else if (node.node && !findNode(target, node.node))
        at(node.id, `node: flow "${node.flow}" has no node "${node.node}"`);
    }
    if (node.kind === 'number') out.push(...checkNumber(id, file, node, flow, flows));
  }
  return out;
}

function localRefs(node: FlowNode): Array<[string, string]> {
  switch (node.kind) {
    case 'yesno':
    case 'action':
      return [
        ['yes', node.yes],
        ['no', node.no],
      ];
    case 'choice':
      return node.choices.map((c) => [`choice "${c.value}"`, c.next]);
    case 'number':
      return node.routes.flatMap((r, i) =>
        r.ranges.map((g, j): [string, string] => [`routes[${i}].ranges[${j}]`, g.next]),
      );
    case 'outcome':
      return node.failed ? [['failed', node.failed]] : [];
    case 'link':
      return [];
  }
}

function checkNumber(
  flowId: string,
  file: string,
  node: Extract<FlowNode, { kind: 'number' }>,
  flow: Flow,
  flows: Record<string, Flow>,
): Problem[] {
  const out: Problem[] = [];
  const at = (message: string) => out.push({ file, node: node.id, message });
  const lo = node.min ?? 0;
  const hi = node.max ?? Infinity;
  if (hi < lo) at(`max ${hi} is below min ${lo}`);
  node.routes.forEach((route, i) => {
    const where = `routes[${i}]`;
    if (route.when) {
      const other = flows[route.when.flow ?? flowId] ?? (route.when.flow ? undefined : flow);
      const target = other && findNode(other, route.when.node);
      if (!other) at(`${where}.when: no flow "${route.when.flow}"`);
      else if (!target) at(`${where}.when: no node "${route.when.node}"`);
      else {
        const accepted = answersFor(target);
        if (accepted === 'number' || accepted.length === 0)
          at(`${where}.when: "${route.when.node}" is not a yes/no or choice question`);
        else
          for (const a of route.when.answer)
            if (!accepted.includes(a)) at(`${where}.when: "${route.when.node}" has no answer "${a}"`);
      }
    } else if (i < node.routes.length - 1) at(`${where}: a route without "when" must come last`);
    if (i === node.routes.length - 1 && route.when)
      at(`${where}: the last route needs no "when", so every answer has a branch`);

    const ranges = [...route.ranges]
      .map((r) => ({ min: r.min ?? lo, max: r.max ?? Infinity }))
      .sort((a, b) => a.min - b.min);
    let expect = lo;
    for (const r of ranges) {
      if (r.max < r.min) {
        at(`${where}: range ${r.min}–${r.max} is empty`);
        continue;
      }
      if (r.min > expect) at(`${where}: gap: no range covers ${span(expect, r.min - 1)}`);
      if (r.min < expect)
        at(`${where}: overlap: ${span(r.min, Math.min(expect - 1, r.max))} is in two ranges`);
      expect = Math.max(expect, r.max === Infinity ? Infinity : r.max + 1);
    }
    if (expect !== Infinity && expect <= hi) at(`${where}: gap: no range covers ${span(expect, hi)}`);
  });
  return out;
}

function span(a: number, b: number): string {
  if (b === Infinity) return `${a} and above`;
  return a === b ? `${a}` : `${a}–${b}`;
}

function checkCatalog(
  file: string,
  catalog: Catalog,
  flows: Record<string, Flow>,
  broken: ReadonlySet<string>,
): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const entry of catalog.codes) {
    if (seen.has(entry.code)) out.push({ file, message: `code ${entry.code}: duplicate code` });
    seen.add(entry.code);
    const flow = flows[entry.flow];
    if (!flow) {
      if (!broken.has(entry.flow)) out.push({ file, message: `code ${entry.code}: no flow "${entry.flow}"` });
    } else if (!findNode(flow, entry.node))
      out.push({ file, message: `code ${entry.code}: flow "${entry.flow}" has no node "${entry.node}"` });
  }
  // Every flow has a way in from Home without a code, and only one.
  const topics = new Set<string>();
  for (const topic of catalog.topics) {
    if (topics.has(topic.flow)) out.push({ file, message: `topic ${topic.flow}: duplicate topic` });
    topics.add(topic.flow);
    if (!flows[topic.flow] && !broken.has(topic.flow))
      out.push({ file, message: `topic ${topic.flow}: no flow "${topic.flow}"` });
  }
  for (const id of Object.keys(flows))
    if (!topics.has(id))
      out.push({ file, message: `flow "${id}" has no topic: Home cannot find it without a code` });
  return out;
}

type Key = `${string}/${string}`;
/** Stands for any node of a flow that failed the schema: assumed to end, so no false "no way out". */
const UNKNOWN: Key = '?/?';

/** Successors of every node across flows, links included. */
function edges(flows: Record<string, Flow>, broken: ReadonlySet<string> = new Set()): Map<Key, Key[]> {
  const out = new Map<Key, Key[]>();
  for (const [id, flow] of Object.entries(flows))
    for (const node of flow.nodes) {
      const next: Key[] = localRefs(node).map(([, ref]) => `${id}/${ref}` as const);
      if (node.kind === 'link') {
        const target = flows[node.flow];
        if (target) next.push(`${node.flow}/${node.node ?? target.start}`);
        else if (broken.has(node.flow)) next.push(UNKNOWN);
      }
      out.set(`${id}/${node.id}`, next);
    }
  return out;
}

/** Where sessions begin: every flow's start (in file-name order), then every catalog entry. */
function rootsOf(flows: Record<string, Flow>, catalog: Catalog | undefined): Key[] {
  const roots: Key[] = Object.entries(flows).map(([id, f]) => `${id}/${f.start}` as const);
  for (const e of catalog?.codes ?? []) roots.push(`${e.flow}/${e.node}`);
  return roots;
}

/** Every key reached from `roots` along `next` (breadth-first; each key visited once). */
function reach(roots: Iterable<Key>, next: (k: Key) => readonly Key[] | undefined): Set<Key> {
  const seen = new Set<Key>(roots);
  const queue = [...seen];
  while (queue.length) {
    const k = queue.pop()!;
    for (const to of next(k) ?? [])
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
  }
  return seen;
}

/** A problem at every node of the graph that is not in `ok`. */
function problemsOutside(
  graph: Map<Key, Key[]>,
  ok: ReadonlySet<Key>,
  files: Record<string, string>,
  message: string,
): Problem[] {
  const out: Problem[] = [];
  for (const key of graph.keys())
    if (!ok.has(key)) {
      const [flow, node] = key.split('/') as [string, string];
      out.push({ file: files[flow]!, node, message });
    }
  return out;
}

function checkExits(
  flows: Record<string, Flow>,
  files: Record<string, string>,
  broken: ReadonlySet<string>,
): Problem[] {
  const graph = edges(flows, broken);
  const reverse = new Map<Key, Key[]>();
  for (const [from, tos] of graph)
    for (const to of tos) {
      const list = reverse.get(to);
      if (list) list.push(from);
      else reverse.set(to, [from]);
    }
  // Walk backwards from every escalate outcome: whatever is not reached can never end.
  const ends: Key[] = [UNKNOWN];
  for (const [id, flow] of Object.entries(flows))
    for (const node of flow.nodes)
      if (node.kind === 'outcome' && node.result === 'escalate') ends.push(`${id}/${node.id}`);
  const canEnd = reach(ends, (k) => reverse.get(k));
  return problemsOutside(
    graph,
    canEnd,
    files,
    'no way out: every path from here loops without reaching an escalate outcome',
  );
}

function checkReachable(
  flows: Record<string, Flow>,
  files: Record<string, string>,
  catalog: Catalog | undefined,
): Problem[] {
  const graph = edges(flows);
  const roots = rootsOf(flows, catalog);
  const seen = reach(roots, (k) => graph.get(k));
  return problemsOutside(
    graph,
    seen,
    files,
    'unreachable: no start, link, catalog entry or answer leads here',
  );
}

function checkCodes(flows: Record<string, Flow>, files: Record<string, string>, catalog: Catalog): Problem[] {
  const known = new Set(catalog.codes.map((c) => c.code));
  const out: Problem[] = [];
  for (const [id, flow] of Object.entries(flows))
    for (const node of flow.nodes)
      for (const s of nodeStrings(node))
        for (const m of s.matchAll(CODE_IN_TEXT)) {
          const code = `0x${m[0].slice(2).toUpperCase()}`;
          if (!known.has(code))
            out.push({
              file: files[id]!,
              node: node.id,
              message: `error code ${code} is not in the catalog`,
            });
        }
  return out;
}

/** Every string of a node a user can read, in every language, plus commands. */
export function nodeStrings(node: FlowNode): string[] {
  const texts: Array<Text | undefined> = [];
  const plain: string[] = [];
  if (node.kind !== 'link') texts.push(node.text, node.detail, node.unverified);
  texts.push(node.returns);
  if (node.kind === 'choice') texts.push(...node.choices.map((c) => c.label));
  if (node.kind === 'action') {
    texts.push(node.expect, node.ask);
    plain.push(node.command.run);
  }
  if (node.kind === 'outcome') {
    texts.push(node.collect, node.contact);
    if (node.command) plain.push(node.command.run);
  }
  for (const t of texts) if (t) for (const lng of LANGUAGES) plain.push(t[lng]);
  return plain;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
