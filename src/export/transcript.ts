/**
 * A saved session as Markdown for a support ticket. Every piece of text is escaped, so whatever a flow or
 * an answer contains, it reads as text: no HTML, headings, tables or links with hidden targets come out of it.
 */
import { FACT_NAMES, OSPP_DONE } from '../console/types.ts';
import type { FactName, Facts, OsppDone } from '../console/types.ts';
import type { Language } from '../flow/constants.ts';
import { STATUSES, findNode } from '../flow/engine.ts';
import type { Answer, FlowMap, Status } from '../flow/engine.ts';
import { PLACEHOLDERS, commandText, factsOnTrail, fillCommand, proposeAnswer } from '../flow/facts.ts';
import type { FactValue, KnownFact, KnownFacts } from '../flow/facts.ts';
import type { CatalogEntry, Command, FlowNode } from '../flow-format/schema.ts';
import type { Translate } from '../i18n/index.ts';
import { answerLabel, answerWords, shellLabel } from '../i18n/labels.ts';
import type { AnswerWords } from '../i18n/labels.ts';
import type { SessionRecord } from '../session/record.ts';
import { maskKeysIn, replaceProductKeys } from '../redact/key-in-text.ts';

/** The facts whose values are words of the reader's own (licensed, dns), in the transcript's language. */
export interface FactValueWords {
  licenseStatus: Record<NonNullable<Facts['licenseStatus']>, string>;
  kmsHostFrom: Record<NonNullable<Facts['kmsHostFrom']>, string>;
  dnsFailure: Record<NonNullable<Facts['dnsFailure']>, string>;
  osppSucceeded: Record<NonNullable<Facts['osppSucceeded']>, string>;
}

export interface TranscriptLabels {
  title: string;
  code: string;
  message: string;
  started: string;
  updated: string;
  status: string;
  statusText: Record<Status, string>;
  step: string;
  answer: string;
  command: string;
  expect: string;
  outcome: string;
  collect: string;
  contact: string;
  /** The heading of the facts read from pasted output. */
  facts: string;
  /** Each fact's name in words: "KMS host", not kmsHost. */
  factNames: Record<FactName, string>;
  /** The reader's own words for some values ("initial-grace"), as a technician reads them. */
  factValues: FactValueWords;
  /** The one-line summary at the top: code · status · what the session found, and the answer that decided it. */
  summary: string;
  /** The catalog's likely cause of the code, listed with the code. */
  likelyCause: string;
  /** Where a session in progress stands, before the step's number: "Now at step". */
  standsAt: string;
  /** Before a line of pasted output that gave an answer: "from output". */
  fromOutput: string;
  /** Stands for the code in the summary of a session started without one. */
  noCode: string;
  /** The user's label of the session: a machine name or a ticket number. */
  label: string;
  /** The user's note on a step. */
  note: string;
  /** The time zone the times are in. */
  timeZone: string;
  words: AnswerWords;
  /** Where a command runs: "Command Prompt, as administrator". */
  runIn: (command: Command) => string;
}

/** The transcript's labels in the language `t` is bound to. */
export function transcriptLabels(t: Translate): TranscriptLabels {
  return {
    title: t('transcript.title'),
    code: t('transcript.code'),
    message: t('transcript.message'),
    started: t('transcript.started'),
    updated: t('transcript.updated'),
    status: t('transcript.status'),
    statusText: Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<Status, string>,
    step: t('transcript.step'),
    answer: t('transcript.answer'),
    command: t('transcript.command'),
    expect: t('transcript.expect'),
    outcome: t('transcript.outcome'),
    collect: t('outcome.collect'),
    contact: t('outcome.contact'),
    facts: t('transcript.facts'),
    factNames: Object.fromEntries(FACT_NAMES.map((n) => [n, t(`factName.${n}`)])) as Record<FactName, string>,
    factValues: {
      licenseStatus: {
        unlicensed: t('factValue.licenseStatus.unlicensed'),
        licensed: t('factValue.licenseStatus.licensed'),
        'initial-grace': t('factValue.licenseStatus.initial-grace'),
        'additional-grace': t('factValue.licenseStatus.additional-grace'),
        'non-genuine-grace': t('factValue.licenseStatus.non-genuine-grace'),
        notification: t('factValue.licenseStatus.notification'),
        'extended-grace': t('factValue.licenseStatus.extended-grace'),
      },
      kmsHostFrom: { dns: t('factValue.kmsHostFrom.dns'), registered: t('factValue.kmsHostFrom.registered') },
      dnsFailure: {
        timeout: t('factValue.dnsFailure.timeout'),
        'not-found': t('factValue.dnsFailure.not-found'),
        'server-failure': t('factValue.dnsFailure.server-failure'),
        'no-records': t('factValue.dnsFailure.no-records'),
      },
      osppSucceeded: Object.fromEntries(
        OSPP_DONE.map((v) => [v, t(`factValue.osppSucceeded.${v}`)]),
      ) as Record<OsppDone, string>,
    },
    summary: t('transcript.summary'),
    likelyCause: t('transcript.likelyCause'),
    standsAt: t('transcript.standsAt'),
    fromOutput: t('transcript.fromOutput'),
    noCode: t('transcript.noCode'),
    label: t('transcript.label'),
    note: t('transcript.note'),
    timeZone: t('transcript.timeZone'),
    words: answerWords(t),
    runIn: (command) => shellLabel(t, command),
  };
}

export interface TranscriptInput {
  record: SessionRecord;
  flows: FlowMap;
  catalog: readonly CatalogEntry[];
  lang: Language;
  labels: TranscriptLabels;
  /** Replace host names (FQDNs) and IPv4 addresses in answers and commands with `<host>`. */
  hideHosts?: boolean;
  /**
   * The IANA time zone to write times in, each with its UTC offset ("2026-11-23 17:05:09 UTC+03:00"), and
   * named once at the top. Default UTC: "2026-11-23 14:05:09 UTC". An unknown zone falls back to UTC.
   */
  timeZone?: string;
  /** Writes every time instead (it should name the zone); the zone is then named only if `timeZone` is given. */
  formatTime?: (ms: number) => string;
}

// Characters that start Markdown or HTML anywhere in a line. Parentheses, dots and dashes stay readable:
// with [ escaped no link can form, and the block starts below are escaped separately.
const MARKDOWN_SPECIAL = /[\\`*_[\]|<>~&]/g;
// What makes a line a heading, list item, quote or rule when it comes first.
// A leading -, + or = is always escaped: alone, repeated (---) or followed by text it can start a block.
const BLOCK_START = /^(?:#{1,6}(?=\s|$)|[-+=]|\d{1,9}[.)](?=\s|$))/;
// Line and paragraph breaks and every other control character: each item stays on one line.
const BREAKS = /[\p{Cc}\u2028\u2029]+/gu;
// Bidirectional overrides can make text read differently from what it is.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const CODE_CONTROLS = /[^\P{Cc}\n\t]/gu;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\d.])(?:${OCTET}\\.){3}${OCTET}(?!\\d|\\.\\d)`, 'g');
const HEX = '[0-9A-Fa-f]{1,4}';
// Full (eight groups) or shortened with "::", an optional zone ID; never after "]", as PowerShell's
// [Type]::Member is not an address, and never three groups of digits like a time (17:05:09).
const IPV6 = new RegExp(
  `(?<![\\w:.\\]])(?:(?:${HEX}:){7}${HEX}|(?:${HEX}:){1,7}:(?:${HEX}(?::${HEX}){0,5})?|::${HEX}(?::${HEX}){0,6})(?:%[\\w.-]+)?(?![\\w:])`,
  'g',
);
const LABEL = '_?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const FQDN = new RegExp(`(?<![\\w.-])(?:${LABEL}\\.)+([A-Za-z]{2,63})(?![\\w-])`, 'g');
// File names look like host names to the pattern above: keep the ones commands use.
const FILE_EXTENSIONS = new Set(
  'bat cab cfg cmd cpl csv dll etl evtx exe htm html inf ini js json log md msc msi msp msu ps1 psd1 psm1 reg sys txt vbs wsf xml zip'.split(
    ' ',
  ),
);

function hideHostNames(text: string): string {
  return text
    .replace(IPV4, '<host>')
    .replace(IPV6, '<host>')
    .replace(FQDN, (match, tld: string) => (FILE_EXTENSIONS.has(tld.toLowerCase()) ? match : '<host>'));
}

interface Clean {
  hideHosts: boolean;
}

const plainLine = (text: string) => text.replace(BIDI, '').replace(BREAKS, ' ').replace(/\s+/g, ' ').trim();

/** The title a shared transcript carries: the label on one line, keys masked, bidi controls and breaks gone. */
export function shareTitle(title: string, label?: string): string {
  const shown = maskKeysIn(plainLine(label ?? ''));
  return shown ? `${title} — ${shown}` : title;
}

/** Free text as one escaped line: keys masked, hosts hidden when asked, breaks turned into spaces. */
function inline(text: string, opts?: Clean): string {
  // Keys are masked once the text is one line: a break or control inside a key, once gone, would rejoin it.
  let t = maskKeysIn(plainLine(text));
  if (opts?.hideHosts) t = hideHostNames(t);
  return t.replace(MARKDOWN_SPECIAL, '\\$&').replace(BLOCK_START, (m) => m.replace(/[#+=\-.)]/g, '\\$&'));
}

/** A fenced code block whose fence is longer than any run of backticks inside, so nothing can close it early. */
function codeBlock(code: string, opts: Clean): string[] {
  let body = maskKeysIn(
    code
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(BIDI, '')
      .replace(CODE_CONTROLS, '')
      .replace(/^\n+|\s+$/g, ''),
  );
  if (opts.hideHosts) body = hideHostNames(body);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...body.split('\n'), fence];
}

// Facts whose value names a host or an address: hidden with the rest when hosts are, whatever their form.
const HOST_FACTS: ReadonlySet<string> = new Set([
  'kmsHost',
  'kmsIp',
  'computerName',
  'remoteAddress',
  'server',
  'serverAddress',
  'target',
  'timeSource',
  'primaryDnsSuffix',
]);

/** A command as the technician would run it: the facts the session knows filled in, the rest as placeholders. */
function runCommand(command: Command, facts: KnownFacts, opts: Clean): string[] {
  const parts = fillCommand(command.run, facts).map((p) => {
    // A one-label name (kms01) is no FQDN to hideHostNames: a filled host is replaced here whatever its form.
    const fact =
      'filled' in p && Object.hasOwn(PLACEHOLDERS, p.placeholder)
        ? PLACEHOLDERS[p.placeholder]!.fact
        : undefined;
    return opts.hideHosts && fact && HOST_FACTS.has(fact) ? { ...p, filled: '<host>' } : p;
  });
  return codeBlock(commandText(parts), opts);
}

const field = (label: string, value = '') =>
  value ? `**${inline(label)}:** ${value}` : `**${inline(label)}:**`;

function utcTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** Times in a zone, as "2026-11-23 17:05:09 UTC+03:00": the offset of each time, so DST changes show. */
function zonedTimes(timeZone: string): { zone: string; format: (ms: number) => string } {
  if (timeZone.toUpperCase() === 'UTC') return { zone: 'UTC', format: utcTime };
  let fmt: Intl.DateTimeFormat;
  try {
    // en-US only for the parts' shape: the result is laid out below, the same in every language.
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
  } catch {
    return { zone: 'UTC', format: utcTime }; // a zone this browser does not know
  }
  const format = (ms: number) => {
    const p: Record<string, string> = {};
    for (const part of fmt.formatToParts(ms)) p[part.type] = part.value;
    const offset = (p.timeZoneName ?? 'GMT').replace(/^GMT/, 'UTC');
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${offset}`;
  };
  // The name as given: resolvedOptions() may turn it into an older alias (Asia/Kolkata → Asia/Calcutta).
  return { zone: timeZone, format };
}

/** How an answer reads (the app's own wording); an answer no node explains is shown as given, cleaned. */
function answerText(node: FlowNode | undefined, answer: Answer, input: TranscriptInput, opts: Clean): string {
  const text = answerLabel(node, answer, input.lang, input.labels.words);
  return inline(text, text === String(answer) ? opts : undefined);
}

function nodeAt(flows: FlowMap, flowId: string, nodeId: string): FlowNode | undefined {
  const flow = Object.hasOwn(flows, flowId) ? flows[flowId] : undefined;
  return flow ? findNode(flow, nodeId) : undefined;
}

function catalogEntry(catalog: readonly CatalogEntry[], code: string): CatalogEntry | undefined {
  const wanted = code.toLowerCase();
  return catalog.find((e) => e.code.toLowerCase() === wanted);
}

/** A fact's value in words: Yes or No, the reader's own words translated, an slmgr option as its command, a list as "a, b", SRV records as host:port. */
export function factText(name: FactName, value: FactValue, labels: TranscriptLabels): string {
  if (typeof value === 'boolean') return value ? labels.words.yes : labels.words.no;
  // The option that succeeded is shown as the command it belongs to, the same in every language.
  if (name === 'succeeded' && typeof value === 'string') return `slmgr /${value}`;
  const words: Readonly<Record<string, string>> | undefined = Object.hasOwn(labels.factValues, name)
    ? labels.factValues[name as keyof FactValueWords]
    : undefined;
  if (typeof value === 'string' && words && Object.hasOwn(words, value)) return words[value]!;
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : `${v.target}:${v.port}`)).join(', ');
  return String(value);
}

// The question a step asks: an action's own question after its command, else the node's text.
const questionOf = (node: Exclude<FlowNode, { kind: 'link' }>, lang: Language) =>
  node.kind === 'action' && node.ask ? node.ask[lang] : node.text[lang];

/**
 * What the session found, for the summary: the outcome it ended at (or the step it stands at), then the
 * last answered question before it, whose answer decided the route, with the line of pasted output that
 * gave that answer when a fact did.
 */
function findings(input: TranscriptInput, facts: KnownFacts, opts: Clean): string[] {
  const { record, flows, lang, labels } = input;
  const trail = record.state.trail;
  const out: string[] = [];
  const lastIndex = trail.length - 1;
  const last = trail[lastIndex];
  if (!last) return out;
  const node = nodeAt(flows, last.flow, last.node);
  const shown = !node || node.kind === 'link' ? `${last.flow} / ${last.node}` : node.text[lang];
  // A session that ended names its outcome; one in progress names where it stands.
  out.push(
    record.status !== 'active' && node?.kind === 'outcome'
      ? inline(shown)
      : `${inline(labels.standsAt)} ${lastIndex + 1}: ${inline(shown)}`,
  );
  // The answer that tells what was found: the last failing check ("No"), choice or number. The "Yes"
  // after it (the command ran, the fix worked) tells nothing new; with no such answer, the last one.
  const answered = (i: number) => {
    const step = trail[i]!;
    const asked = nodeAt(flows, step.flow, step.node);
    // A fix that did not help decides the route too; the fix that worked is the finding itself.
    return step.answer === undefined || !asked || asked.kind === 'link' || step.answer === 'fixed'
      ? undefined
      : { step, asked };
  };
  let pick = -1;
  for (let i = lastIndex; i >= 0 && pick < 0; i--) if (answered(i) && trail[i]!.answer !== 'yes') pick = i;
  for (let i = lastIndex; i >= 0 && pick < 0; i--) if (answered(i)) pick = i;
  const found = pick >= 0 ? answered(pick) : undefined;
  if (found) {
    const { step, asked } = found;
    const question = inline(questionOf(asked, lang));
    const given = answerText(asked, step.answer!, input, opts);
    let decided = question.endsWith('?') ? `${question} ${given}` : `${question} — ${given}`;
    // The answer came from pasted output when what it read proposes that same answer.
    const proposal = proposeAnswer(asked, facts, pick);
    if (proposal && proposal.answer === step.answer && proposal.line)
      decided += ` (${inline(labels.fromOutput)}: ${inline(proposal.line, opts)})`;
    out.push(decided);
  }
  return out;
}

/**
 * Renders a saved session as Markdown to paste into a ticket: a one-line summary of what the session found,
 * the user's label, code and likely cause, times with their zone, status, the facts read on the path taken,
 * every step with its note and its command as run, and the outcome.
 */
export function toMarkdown(input: TranscriptInput): string {
  const { record, flows, catalog, lang, labels } = input;
  const opts: Clean = { hideHosts: input.hideHosts === true };
  const zoned =
    input.formatTime && input.timeZone === undefined ? undefined : zonedTimes(input.timeZone ?? 'UTC');
  const format = input.formatTime ?? zoned?.format ?? utcTime;
  const time = (ms: number) => {
    try {
      return inline(format(ms));
    } catch {
      return inline(String(ms)); // a time out of Date's range
    }
  };
  const out: string[] = [];
  const block = (...lines: string[]) => out.push(...lines, '');

  block(`# ${inline(labels.title)}`);
  const entry = record.code ? catalogEntry(catalog, record.code) : undefined;
  const statusText = inline(labels.statusText[record.status] ?? record.status);
  // Facts from a branch the technician went back out of are not what this session found.
  const facts = factsOnTrail(record.facts ?? {}, record.state.trail.length);
  // One line a ticket list can show: the code, how it ended, what this session found and the answer behind it.
  const summary = [record.code ? inline(record.code) : inline(labels.noCode), statusText];
  summary.push(...findings(input, facts, opts));
  block(field(labels.summary, summary.join(' · ')));

  const meta: string[] = [];
  if (record.label) meta.push(field(labels.label, inline(record.label, opts)));
  if (record.code) {
    meta.push(field(labels.code, inline(record.code)));
    if (entry) meta.push(field(labels.message, inline(entry.message[lang])));
    if (entry) meta.push(field(labels.likelyCause, inline(entry.cause[lang])));
  }
  meta.push(field(labels.started, time(record.startedAt)), field(labels.updated, time(record.updatedAt)));
  if (zoned) meta.push(field(labels.timeZone, inline(zoned.zone)));
  meta.push(field(labels.status, statusText));
  block(...meta.map((m) => `- ${m}`));

  // What pasted console output told the session, each fact with the line that shows it.
  const read = Object.entries(facts) as Array<[FactName, KnownFact]>;
  if (read.length) {
    block(`## ${inline(labels.facts)}`);
    block(
      ...read.map(([name, fact]) => {
        // A one-label host (kms01) is no FQDN to hideHostNames: its value goes, in the line too.
        const host =
          opts.hideHosts && HOST_FACTS.has(name) && typeof fact.value === 'string' && fact.value !== '';
        const value = host ? '<host>' : factText(name, fact.value, labels);
        const line = host ? fact.line.split(fact.value as string).join('<host>') : fact.line;
        return `- ${field(labels.factNames[name] ?? name, inline(value, opts))} (${inline(line, opts)})`;
      }),
    );
  }

  const trail = record.state.trail;
  trail.forEach((step, i) => {
    const node = nodeAt(flows, step.flow, step.node);
    const final = i === trail.length - 1 && node?.kind === 'outcome';
    block(final ? `## ${inline(labels.outcome)}` : `## ${inline(labels.step)} ${i + 1}`);
    if (!node || node.kind === 'link') {
      // The flows changed since: name the step by its ids.
      block(`${inline(step.flow)} / ${inline(step.node)}`);
    } else {
      block(inline(node.text[lang]));
      if (node.kind === 'action') {
        block(field(labels.command, inline(labels.runIn(node.command))));
        block(...runCommand(node.command, facts, opts));
        block(field(labels.expect, inline(node.expect[lang])));
        if (node.ask) block(inline(node.ask[lang]));
      }
      if (node.kind === 'outcome') {
        if (node.command) {
          block(field(labels.command, inline(labels.runIn(node.command))));
          block(...runCommand(node.command, facts, opts));
        }
        if (node.collect) block(field(labels.collect, inline(node.collect[lang])));
        if (node.contact) block(field(labels.contact, inline(node.contact[lang])));
      }
    }
    if (step.answer !== undefined) {
      const when = step.at !== undefined ? ` (${time(step.at)})` : '';
      block(field(labels.answer, answerText(node, step.answer, input, opts) + when));
    }
    const note = record.notes?.[i];
    if (note) block(field(labels.note, inline(note, opts)));
  });

  return `${out.join('\n').trimEnd()}\n`;
}

/** A safe file name for a session's transcript, e.g. activation-0xC004F074-2026-11-23-1405.md (local time). */
export function transcriptFileName(record: SessionRecord): string {
  const code = replaceProductKeys(record.code ?? '', () => '')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 24);
  const d = new Date(record.startedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = Number.isNaN(d.getTime())
    ? ''
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
  return `${['activation', code, stamp]
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9-]/g, '')}.md`;
}
