/**
 * `npm run flows -- <command>`: check, walk, graph, lookup, read, collect and schema, for
 * authors working on flows from a terminal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { z } from 'zod';
import { checkAll, formatProblem } from '../flow-format/check.ts';
import type { CheckResult } from '../flow-format/check.ts';
import { answer as giveAnswer, answersFor, current, findNode, start } from '../flow/engine.ts';
import type { Answer, FlowMap } from '../flow/engine.ts';
import { COLLECT_COMMAND } from '../console/collect.ts';
import { codeKind } from '../codes/code-kind.ts';
import type { CodeKind } from '../codes/code-kind.ts';
import { lookup } from '../codes/lookup.ts';
import { officialMessages } from '../data/official-messages.ts';
import { MAX_UNREAD, readConsole } from '../console/reader.ts';
import { CatalogSchema, FlowSchema, OrganizationSchema, SourcesSchema } from '../flow-format/schema.ts';
import type { CatalogEntry, Flow, FlowNode } from '../flow-format/schema.ts';
import { readFlowDir } from './read-flow-dir.ts';
import { deepMap, maskKeysIn } from '../redact/key-in-text.ts';

const USAGE = `usage: npm run flows -- <command>
  check                           validate every flow and the catalog
  walk <flow-id> [--from <node>] <answer>...
                                  follow answers and print the path as JSON
  graph <flow-id>                 print the flow as a Mermaid flowchart
  lookup "<text>"                 find the error code in any pasted text
  read [file]                     read pasted console output (stdin without a file) and print its facts as JSON
  collect                         print the read-only PowerShell command that collects what the flows need
  schema                          write flows/*.schema.json (flow, catalog, sources, organization)
options: --dir <path>             the flows directory (default: flows)`;

const KINDS: Record<CodeKind['kind'], string> = {
  licensing: 'a Software Licensing Service code',
  win32: 'a Windows error',
  other: 'a code of another Windows component',
  success: 'a success code, not an error',
};

/** What an unknown code is, as the unknown-code page says it: its kind and the official message where known. */
function describeCode(code: string): string {
  const kind = codeKind(code);
  if (!kind) return 'not a code';
  let text = KINDS[kind.kind];
  if (kind.kind === 'win32') text += ` (Windows error ${kind.number})`;
  if ((kind.kind === 'other' || kind.kind === 'success') && kind.name) text += ` (${kind.name})`;
  for (const { name, text: message } of officialMessages(code)) text += `; ${name}: "${message}"`;
  return text;
}

/** Whether Microsoft gives the code a message of its own: then it is a real code, not a typo of another. */
function hasOfficialMessage(code: string): boolean {
  return officialMessages(code).length > 0;
}

/** Runs one CLI command; returns the exit code and what to print. */
// Control characters other than line breaks and tabs (ESC, CSI, BEL...) and bidi controls: echoed to a
// terminal they would run as escape sequences or reorder what is shown.
const CONTROLS = /[^\P{Cc}\n\t]|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Text safe to print on a terminal: each control character shown as a visible escape such as \u001b. */
export function printable(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Runs one command; what it prints has control characters neutralized and never holds a whole product key. */
export function run(argv: string[], cwd = process.cwd()): { code: number; out: string; err: string } {
  const r = runCommand(argv, cwd);
  return { code: r.code, out: printable(r.out), err: printable(r.err) };
}

function runCommand(argv: string[], cwd: string): { code: number; out: string; err: string } {
  const args = [...argv];
  let dir = join(cwd, 'flows');
  const dirAt = args.indexOf('--dir');
  if (dirAt >= 0) {
    dir = resolvePath(cwd, args[dirAt + 1] ?? '');
    args.splice(dirAt, 2);
  }
  const [command, ...rest] = args;
  const load = (): CheckResult => {
    const { flows, catalog, sources, organization } = readFlowDir(dir, cwd);
    return checkAll(flows, catalog, sources, organization);
  };
  switch (command) {
    case 'check': {
      const result = load();
      if (result.problems.length) {
        const lines = result.problems.map(formatProblem);
        return { code: 1, out: '', err: `${lines.join('\n')}\n${lines.length} problem(s) found\n` };
      }
      const n = Object.keys(result.flows).length;
      const nodes = Object.values(result.flows).reduce((s, f) => s + f.nodes.length, 0);
      const steps = Object.values(result.flows).flatMap((f) => f.nodes.filter((x) => x.kind === 'action'));
      const reads = steps.filter((x) => x.reads).length;
      const why = steps.filter((x) => x.kind === 'action' && x.noReading).length;
      return {
        code: 0,
        out:
          `ok: ${n} flows, ${nodes} nodes, ${result.catalog?.codes.length ?? 0} codes\n` +
          `command steps: ${steps.length}, ${reads} read their own output, ${why} say why they cannot\n`,
        err: '',
      };
    }
    case 'walk':
      return walk(load(), rest);
    case 'graph': {
      const result = load();
      const id = rest[0];
      const flow = id ? result.flows[id] : undefined;
      if (!id || !flow) return { code: 1, out: '', err: `no valid flow "${id ?? ''}"\n` };
      return { code: 0, out: toMermaid(id, flow), err: '' };
    }
    case 'lookup': {
      const result = load();
      return runLookup(result.catalog?.codes ?? [], rest.join(' '));
    }
    case 'read':
      return runRead(rest[0], cwd);
    case 'collect':
      return { code: 0, out: `${COLLECT_COMMAND}\n`, err: '' };
    case 'schema': {
      const write = (name: string, schema: z.ZodType) =>
        writeFileSync(
          join(dir, name),
          `${JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2)}\n`,
        );
      write('flow.schema.json', FlowSchema);
      write('catalog.schema.json', CatalogSchema);
      write('sources.schema.json', SourcesSchema);
      write('organization.schema.json', OrganizationSchema);
      return {
        code: 0,
        out: 'wrote flow.schema.json, catalog.schema.json, sources.schema.json and organization.schema.json\n',
        err: '',
      };
    }
    default:
      return {
        code: command ? 1 : 0,
        out: command ? '' : `${USAGE}\n`,
        err: command ? `unknown command "${command}"\n${USAGE}\n` : '',
      };
  }
}

function walk(result: CheckResult, args: string[]): { code: number; out: string; err: string } {
  const [flowId, ...rest] = args;
  let from: string | undefined;
  const fromAt = rest.indexOf('--from');
  if (fromAt >= 0) {
    from = rest[fromAt + 1];
    rest.splice(fromAt, 2);
  }
  const flows: FlowMap = result.flows;
  if (!flowId) return { code: 1, out: '', err: 'walk needs a flow id\n' };
  const begun = start(flows, flowId, from);
  if (!begun.ok) return { code: 1, out: '', err: `${begun.error.message}\n` };
  let state = begun.value;
  for (const raw of rest) {
    const cur = current(flows, state);
    if (!cur.ok) return { code: 1, out: '', err: `${cur.error.message}\n` };
    const given: Answer = answersFor(cur.value.node) === 'number' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
    const next = giveAnswer(flows, state, given);
    if (!next.ok) {
      const accepted = answersFor(cur.value.node);
      const hint =
        accepted === 'number' ? 'a whole number' : accepted.join(', ') || 'nothing (the flow has ended)';
      return { code: 1, out: '', err: `${next.error.message}; accepted here: ${hint}\n` };
    }
    state = next.value;
  }
  const cur = current(flows, state);
  if (!cur.ok) return { code: 1, out: '', err: `${cur.error.message}\n` };
  const { node, flowId: endFlow, status } = cur.value;
  const output = {
    path: state.trail.map((s) => ({
      flow: s.flow,
      node: s.node,
      ...(s.answer !== undefined ? { answer: s.answer } : {}),
    })),
    end: {
      flow: endFlow,
      id: node.id,
      kind: node.kind,
      ...(node.kind === 'outcome' ? { result: node.result } : {}),
      text: node.text.en,
    },
    status,
    accepts: answersFor(node),
  };
  return { code: 0, out: `${JSON.stringify(output, null, 2)}\n`, err: '' };
}

function runLookup(
  catalog: readonly CatalogEntry[],
  text: string,
): { code: number; out: string; err: string } {
  const shape = (e: CatalogEntry) => ({
    code: e.code,
    flow: e.flow,
    node: e.node,
    message: e.message,
    activation: e.activation,
  });
  const result = lookup(catalog, text);
  const [best, ...others] = result.matches;
  if (!best) {
    const code = result.codes[0];
    const near = code && hasOfficialMessage(code) ? '' : result.closest.map((e) => e.code).join(', ');
    const what = code
      ? `${result.codes.join(', ')} is not in the catalog: ${describeCode(code)}; start without a code: #/flow/no-code`
      : `nothing matches "${maskKeysIn(text.trim())}"`;
    return { code: 1, out: '', err: `${what}${near ? `; did you mean ${near}` : ''}\n` };
  }
  const out = {
    ...shape(best.entry),
    ...(others.length ? { alternatives: others.map((m) => shape(m.entry)) } : {}),
  };
  return { code: 0, out: `${JSON.stringify(out)}\n`, err: '' };
}

/** Reads a file (or stdin) of pasted console output; UTF-16 files (PowerShell 5.1's `>`) are decoded too. */
function runRead(file: string | undefined, cwd: string): { code: number; out: string; err: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file ? resolvePath(cwd, file) : 0);
  } catch (e) {
    return { code: 1, out: '', err: `read: cannot read ${file ?? 'stdin'}: ${(e as Error).message}\n` };
  }
  const result = readConsole(decodeText(bytes));
  if (!result.sections.length) {
    const why = result.unread.length
      ? `${result.unread.length}${result.unread.length >= MAX_UNREAD ? '+' : ''} line(s) not understood`
      : 'no output lines';
    return { code: 1, out: '', err: `read: no known command output recognized (${why})\n` };
  }
  // The reader masks what it reads; masked again here, whatever the result holds, before it leaves.
  return { code: 0, out: `${JSON.stringify(deepMap(result, maskKeysIn), null, 2)}\n`, err: '' };
}

/**
 * Decodes a file as UTF-8 or UTF-16, with or without a byte order mark: text in UTF-16 has a NUL in every
 * other byte (ASCII letters, digits and spaces), even bytes for big-endian, odd ones for little-endian.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return swapped(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  const sample = bytes.subarray(0, 4096 & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  // UTF-8 text has no NULs; UTF-16 has one in each ASCII character (even in Russian output: spaces, digits,
  // punctuation), nearly always on the same side of the pair.
  const pairs = sample.length >> 1;
  if (odd * 8 >= pairs && even * 16 <= odd && odd) return bytes.toString('utf16le');
  if (even * 8 >= pairs && odd * 16 <= even && even) return swapped(bytes);
  return bytes.toString('utf8');
}

function swapped(bytes: Buffer): string {
  const copy = Buffer.from(bytes.subarray(0, bytes.length & ~1));
  return copy.swap16().toString('utf16le');
}

const escapeLabel = (s: string) =>
  s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Renders a flow as a Mermaid flowchart (top-down, shaped by node kind). */
export function toMermaid(id: string, flow: Flow): string {
  const name = (n: string) => `n_${n.replace(/-/g, '_')}`;
  const lines = [`flowchart TD`, `  %% ${id}: ${escapeLabel(flow.title.en)}`];
  const shape = (node: FlowNode) => {
    const label = escapeLabel(
      short(node.kind === 'link' ? `→ ${node.flow}${node.node ? `/${node.node}` : ''}` : node.text.en),
    );
    switch (node.kind) {
      case 'yesno':
      case 'choice':
      case 'number':
        return `{"${label}"}`;
      case 'action':
        return `[/"${label}"/]`;
      case 'link':
        return `[["${label}"]]`;
      case 'outcome':
        return node.result === 'resolved' ? `(["✔ ${label}"])` : `(["⚠ ${label}"])`;
    }
  };
  for (const node of flow.nodes) lines.push(`  ${name(node.id)}${shape(node)}`);
  const edge = (from: string, label: string, to: string) => {
    if (findNode(flow, to)) lines.push(`  ${name(from)} -->|${escapeLabel(label)}| ${name(to)}`);
  };
  for (const node of flow.nodes) {
    switch (node.kind) {
      case 'yesno':
      case 'action':
        edge(node.id, 'yes', node.yes);
        edge(node.id, 'no', node.no);
        break;
      case 'choice':
        for (const c of node.choices) edge(node.id, c.label.en, c.next);
        break;
      case 'number':
        for (const r of node.routes)
          for (const g of r.ranges) {
            const cond = r.when ? `${r.when.node}=${r.when.answer.join('/')}: ` : '';
            const range = `${g.min ?? node.min ?? 0}${g.max === undefined ? '+' : `–${g.max}`}`;
            edge(node.id, `${cond}${range}`, g.next);
          }
        break;
      case 'outcome':
        if (node.failed) edge(node.id, 'still failing', node.failed);
        break;
      case 'link':
        break;
    }
  }
  lines.push(`  start(( )) --> ${name(flow.start)}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && /flows\.ts$/.test(process.argv[1])) {
  const { code, out, err } = run(process.argv.slice(2));
  process.stdout.write(out);
  process.stderr.write(err);
  process.exitCode = code;
}
