/**
 * Facts a session knows, read from pasted console output: what they propose as answers, and how they fill
 * the placeholders of commands. Pure: proposals are only proposals; the technician takes or leaves them.
 */
import { answersFor } from './engine.ts';
import { FACT_TEXT_MAX, factValue, isIpv6 } from '../console/fact-rules.ts';
import type { FactName, Facts, Section, SrvRecord } from '../console/types.ts';
import type { FlowNode, Reads } from '../flow-format/schema.ts';

/** One value a `reads` answer names. */
type ReadsValue = NonNullable<Reads['answers']>[string][number];

/** A fact's value, as the reader gives it. */
export type FactValue = NonNullable<Facts[FactName]>;

/** A fact a session knows: its value, the line of output it came from, and the step it was read at. */
export interface KnownFact {
  value: FactValue;
  line: string;
  /** The index in the trail of the step it was read or typed at; none: read before the first step, or saved by an older version. */
  step?: number;
  /** Read on a branch the technician went back out of: proposals may still use it, the ticket leaves it out. */
  left?: true;
}

/** Facts a session knows, each with the line of output it came from. */
export type KnownFacts = Partial<Record<FactName, KnownFact>>;

/** The facts read at `step`: each marked with the step, and no longer from a branch left. */
export function readAt(facts: KnownFacts, step: number): KnownFacts {
  const out: KnownFacts = {};
  for (const [name, fact] of Object.entries(facts) as Array<[FactName, KnownFact]>)
    out[name] = { value: fact.value, line: fact.line, step };
  return out;
}

/** After the trail is cut back to `steps` steps: facts read at a step it no longer has are from a branch left. */
export function leaveBranch(facts: KnownFacts, steps: number): KnownFacts {
  const out: KnownFacts = {};
  for (const [name, fact] of Object.entries(facts) as Array<[FactName, KnownFact]>)
    out[name] = fact.step !== undefined && fact.step >= steps ? { ...fact, left: true } : fact;
  return out;
}

/** The facts of the path a trail of `steps` steps took: none from a branch left, none from a step beyond it. */
export function factsOnTrail(facts: KnownFacts, steps: number): KnownFacts {
  const out: KnownFacts = {};
  for (const [name, fact] of Object.entries(facts) as Array<[FactName, KnownFact]>)
    if (!fact.left && (fact.step === undefined || fact.step < steps)) out[name] = fact;
  return out;
}

/**
 * The facts of read sections, later sections winning over earlier ones. Sections set aside (another
 * product's licence, one not in use: slmgr /dlv all) are left out: their facts are not this Windows'.
 */
export function factsOf(sections: readonly Section[]): KnownFacts {
  const out: KnownFacts = {};
  for (const section of sections) {
    if (section.aside) continue;
    for (const [name, value] of Object.entries(section.facts) as Array<[FactName, FactValue | undefined]>) {
      if (value === undefined) continue;
      out[name] = { value, line: section.lines[name] ?? '' };
    }
  }
  // An Office KMS host licence is another product's, set aside, but the fact names it: every one listed must be licensed.
  for (const section of sections) {
    const licensed = section.facts.officeKmsHostLicensed;
    if (licensed === undefined || out.officeKmsHostLicensed?.value === false) continue;
    out.officeKmsHostLicensed = { value: licensed, line: section.lines.officeKmsHostLicensed ?? '' };
  }
  // ospp.vbs lists one block per Office product (ProPlus, Visio, Project…): a fact that tells how a product
  // stands is kept only where every block of that output says the same, so no one product answers for another.
  for (const kind of PER_PRODUCT) {
    const blocks = sections.filter((s) => s.kind === kind && !s.aside);
    if (blocks.length < 2) continue;
    for (const name of PRODUCT_STATE) {
      const values = blocks.map((b) => JSON.stringify(b.facts[name] ?? null));
      if (values.some((v) => v !== values[0]) && out[name]) delete out[name];
    }
  }
  // A KMS client picks among _vlmcs records by priority, then weight: with no host read elsewhere, the one
  // it would try first fills <KMS host FQDN> and <port>, as a typed host does.
  const srv = out.srv?.value;
  const query = out.query?.value;
  if (
    !out.kmsHost &&
    Array.isArray(srv) &&
    srv.length &&
    typeof query === 'string' &&
    /_vlmcs\./i.test(query)
  ) {
    const first = [...(srv as SrvRecord[])].sort(
      (a, b) => a.priority - b.priority || b.weight - a.weight,
    )[0]!;
    const line = out.srv!.line;
    out.kmsHost = { value: first.target, line };
    if (!out.kmsPort) out.kmsPort = { value: first.port, line };
  }
  return out;
}

// Outputs with one section per product, and the facts that describe a product's own state.
const PER_PRODUCT = ['ospp-dstatus', 'ospp-act'] as const;
const PRODUCT_STATE: readonly FactName[] = [
  'activated',
  'licenseStatus',
  'channel',
  'errorCode',
  'name',
  'partialKey',
];

/** An answer the facts propose, with the fact and the line that prove it. */
export interface Proposal {
  answer: string | number;
  fact: FactName;
  line: string;
}

/** Whether a fact's value is one `reads` names: equal (text ignoring case), in a range, matching, or read at all. */
export function valueMatches(expected: ReadsValue, value: unknown): boolean {
  if (typeof expected !== 'object')
    return typeof expected === 'string' && typeof value === 'string'
      ? expected.toLowerCase() === value.toLowerCase()
      : expected === value;
  if ('present' in expected) return value !== undefined;
  if ('match' in expected) return typeof value === 'string' && new RegExp(expected.match, 'i').test(value);
  return (
    typeof value === 'number' &&
    (expected.min === undefined || value >= expected.min) &&
    (expected.max === undefined || value <= expected.max)
  );
}

/**
 * Facts that tell how a command just run turned out (activated, a key installed, an error, the events a query listed): on a command
 * step they answer only when read at that step, so an earlier attempt's result never answers for this one.
 */
export const RESULT_FACTS: readonly FactName[] = [
  'activated',
  'succeeded',
  'osppSucceeded',
  'errorCode',
  'message',
  'registryNotFound',
  'productCodeKeys',
  'eventId',
  // A state word names neither the machine nor (alone) the service: it answers the step that asked.
  'serviceState',
  // The prompt a line came from is not named: an elevated one earlier says nothing of this one.
  'elevated',
  'resynced',
  // An empty event list, or a registry change, is this query's or this change's alone.
  'noEvents',
  'regChanged',
  // A sample's offset is of the clock measured then: a later sample answers for now.
  'offsetSeconds',
  // An icacls run and a restore of the store tell how that run went, not how a later one will.
  'processedFiles',
  'failedFiles',
  'storeAclOk',
  'tokensRestored',
];

/**
 * What the known facts answer at a node, if its question names a fact they hold and the value decides it.
 * `at`: the node's index in the trail; on a command step, result facts count only when read there.
 */
export function proposeAnswer(node: FlowNode, facts: KnownFacts, at?: number): Proposal | undefined {
  if (node.kind === 'link' || node.kind === 'outcome' || !node.reads) return undefined;
  const reads: Reads = node.reads;
  const own = (name: FactName): KnownFact | undefined => {
    const fact = facts[name];
    if (!fact || node.kind !== 'action' || !(RESULT_FACTS.includes(name) || reads.here)) return fact;
    return at !== undefined && fact.step === at && !fact.left ? fact : undefined;
  };
  const known = own(reads.fact);
  // A port test answers only for the port the step tests: a test of another port is no answer here.
  const port =
    node.kind === 'action' && PORT_TEST.has(reads.fact) ? testedPort(node.command.run, facts) : undefined;
  const tested = facts.remotePort?.value;
  if (port !== undefined && tested !== undefined && tested !== port) return undefined;
  const accepted = answersFor(node);
  const decided = known && decide(reads, accepted, node, known);
  if (decided) return decided;
  // Else what the step's own output says instead: a value its reg query did not find, or an error it printed.
  for (const [answer, fact] of [
    [reads.missing, 'registryNotFound'],
    [reads.onError, 'errorCode'],
  ] as const) {
    const read = answer !== undefined && node.kind === 'action' ? own(fact) : undefined;
    if (read && read.value !== false && accepted !== 'number' && accepted.includes(answer!))
      return { answer: answer!, fact, line: read.line };
  }
  return undefined;
}

// The facts a port test gives about the connection it tried.
const PORT_TEST: ReadonlySet<FactName> = new Set(['tcpTestSucceeded']);

/**
 * The port a command tests (`-Port 1688`, `TcpClient('<host>', 1688)`, or `<port>` once the port is known);
 * undefined when it names none.
 */
export function testedPort(command: string, facts: KnownFacts): number | undefined {
  const m =
    /-Port\s+(\d{1,5}|<port>)(?![\w>])/i.exec(command) ??
    /TcpClient\s?\(\s?'[^']{1,255}'\s?,\s?(\d{1,5}|<port>)\s?\)/i.exec(command);
  if (!m) return undefined;
  if (m[1] !== '<port>') return Number(m[1]);
  const known = facts.kmsPort?.value;
  return typeof known === 'number' ? known : undefined;
}

function decide(
  reads: Reads,
  accepted: ReturnType<typeof answersFor>,
  node: FlowNode,
  known: KnownFact,
): Proposal | undefined {
  if (accepted === 'number') {
    const v = known.value;
    if (node.kind !== 'number' || typeof v !== 'number' || !Number.isInteger(v)) return undefined;
    if (v < (node.min ?? 0) || (node.max !== undefined && v > node.max)) return undefined;
    return { answer: v, fact: reads.fact, line: known.line };
  }
  for (const [answer, values] of Object.entries(reads.answers ?? {}))
    if (accepted.includes(answer) && values.some((v) => valueMatches(v, known.value)))
      return { answer, fact: reads.fact, line: known.line };
  return undefined;
}

/** A placeholder commands may hold: the fact that fills it, or none (typed by hand; keys are never filled). */
export interface Placeholder {
  fact?: 'kmsHost' | 'kmsPort' | 'kmsIp';
}

/** Every placeholder a command may hold. The checker rejects any other `<…>` in a command. */
export const PLACEHOLDERS: Readonly<Record<string, Placeholder>> = {
  '<KMS host FQDN>': { fact: 'kmsHost' },
  '<port>': { fact: 'kmsPort' },
  '<KMS host IP address>': { fact: 'kmsIp' },
  '<right KMS host FQDN>': {},
  '<FQDN of a KMS host on Windows Server>': {},
  '<DNS domain with the record>': {},
  '<client DNS zone>': {},
  '<product key>': {},
  '<MAK>': {},
  '<MAK or retail key>': {},
  '<GVLK>': {},
  '<Office GVLK>': {},
  '<target edition>': {},
  '<License ID>': {},
  '<KMS client setup key>': {},
  '<KMS setup key from Pid.txt>': {},
  '<KMS host key>': {},
  '<new KMS host key>': {},
  '<confirmation ID>': {},
  '<new confirmation ID>': {},
  '<error code>': {},
  '<GUID>': {},
  '<product name>': {},
  '<drive>': {},
  '<path to .xrm-ms>': {},
  '<AVMA key>': {},
  '<correct date and time>': {},
  '<client address ranges>': {},
  '<network profile>': {},
  '<rule name>': {},
  '<card name>': {},
  '<DNS server IP address>': {},
  '<folder with the file>': {},
};

/** A `<…>` placeholder in a command: what the technician types in its place. */
export const PLACEHOLDER = /<[^<>\s][^<>]{0,60}>/g;

/** The `<…>` placeholders of a command, in order. */
export function placeholdersIn(command: string): string[] {
  return command.match(PLACEHOLDER) ?? [];
}

/** A command cut into plain text, filled placeholders and placeholders still to be typed. */
export type CommandPart =
  { text: string } | { filled: string; placeholder: string } | { placeholder: string };

/**
 * Fills the placeholders known facts can fill; the rest stay, marked, for the technician to type. A value
 * is checked by its fact's rule once more here (it goes into a command line). An IPv6 address before a
 * `:port` is bracketed, as slmgr's /skms asks ("[hostname]:port"; its own usage text and Microsoft's
 * "Slmgr.vbs options" page: IPv6 colons are otherwise read as the port separator).
 */
export function fillCommand(command: string, facts: KnownFacts): CommandPart[] {
  const parts: CommandPart[] = [];
  let at = 0;
  for (const m of command.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push({ text: command.slice(at, m.index) });
    const fact = Object.hasOwn(PLACEHOLDERS, m[0]) ? PLACEHOLDERS[m[0]]!.fact : undefined;
    const value = fact ? factValue(fact, facts[fact]?.value) : undefined;
    at = m.index + m[0].length;
    if (value === undefined) {
      parts.push({ placeholder: m[0] });
      continue;
    }
    const text = String(value);
    const bracket = isIpv6(text) && command[at] === ':';
    parts.push({ filled: bracket ? `[${text}]` : text, placeholder: m[0] });
  }
  if (at < command.length) parts.push({ text: command.slice(at) });
  return parts;
}

/** The command as the technician would run it: known facts filled in, the rest left as placeholders. */
export function commandText(parts: readonly CommandPart[]): string {
  return parts.map((p) => ('text' in p ? p.text : 'filled' in p ? p.filled : p.placeholder)).join('');
}

/** The facts a technician can type once for a command's placeholders. */
export type TypedFact = NonNullable<Placeholder['fact']>;

/**
 * A typed value as the fact it fills, or undefined when it is not one. The fact's own rule decides
 * (fact-rules.ts), so a host name, an IPv4 or IPv6 address (brackets and a zone ID dropped) and a port are
 * taken exactly as pasted output would give them.
 */
export function typedValue(fact: TypedFact, text: string): string | number | undefined {
  const v = text.trim();
  if (v.length > FACT_TEXT_MAX) return undefined;
  if (fact === 'kmsPort') return /^\d{1,5}$/.test(v) ? factValue('kmsPort', Number(v)) : undefined;
  return factValue(fact, v);
}

/** The placeholders of a command that a typed fact could fill but no known fact does, each fact once. */
export function missingFacts(parts: readonly CommandPart[]): TypedFact[] {
  const out = new Set<TypedFact>();
  for (const p of parts)
    if ('placeholder' in p && !('filled' in p)) {
      const fact = Object.hasOwn(PLACEHOLDERS, p.placeholder) ? PLACEHOLDERS[p.placeholder]!.fact : undefined;
      if (fact) out.add(fact);
    }
  return [...out];
}
