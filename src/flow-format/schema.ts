/**
 * The flow format: the one source of the Flow types (through z.infer) and of
 * flows/flow.schema.json (through z.toJSONSchema). Runs at build time and in
 * tests; nothing in the shipped app imports zod.
 */
import { z } from 'zod';

import { ACTIVATION_TYPES, LANGUAGES, NO_READING } from '../flow/constants.ts';
import { FACT_NAMES } from '../console/types.ts';
import type { Language } from '../flow/constants.ts';

export { ACTIVATION_TYPES, LANGUAGES } from '../flow/constants.ts';
export type { ActivationType, Language } from '../flow/constants.ts';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODE_PATTERN = /^0x[0-9A-F]{8}$/;

const missing = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `missing ${what}` : `${what} must be a string`;

// English is the source text; every other language is a translation of it.
const languageName = (lng: Language) => (lng === 'en' ? 'English text (en)' : `translation (${lng})`);
const texts = Object.fromEntries(
  LANGUAGES.map((lng) => [
    lng,
    z.string({ error: missing(languageName(lng)) }).min(1, `${languageName(lng)} is empty`),
  ]),
) as Record<Language, z.ZodString>;

/** A string the user reads, in every language. */
export const TextSchema = z.object(texts).strict().describe('User-facing text in every supported language');

const Id = z.string().regex(ID_PATTERN, 'ids are lowercase words joined by hyphens (a-z, 0-9, -)');
const Ref = z
  .string({
    error: (i) => (i.input === undefined ? 'missing branch: no node for this answer' : 'must be a node id'),
  })
  .regex(ID_PATTERN, 'ids are lowercase words joined by hyphens (a-z, 0-9, -)')
  .describe('The id of a node in the same flow');
const Code = z.string().regex(CODE_PATTERN, 'codes are written 0x followed by 8 uppercase hex digits');

const SourceRef = z
  .string()
  .regex(ID_PATTERN, 'source ids are lowercase words joined by hyphens (a-z, 0-9, -)')
  .describe('The id of a source in flows/sources.json');

/** Where a node's facts come from, and what no source confirms. */
const facts = {
  sources: z
    .array(SourceRef)
    .min(1)
    .optional()
    .describe('The documents that confirm the command, expected output, threshold or cause given here'),
  unverified: TextSchema.optional().describe(
    'What here no source confirms; shown on screen as unverified. Required where a fact has no source',
  ),
};

/** A test of a fact's value beyond equality: a range of numbers, a pattern, or the fact being read at all. */
export const MatcherSchema = z.union([
  z
    .object({
      min: z.number().optional().describe('The number is at least this'),
      max: z.number().optional().describe('The number is at most this'),
    })
    .strict()
    .refine((m) => m.min !== undefined || m.max !== undefined, 'a range needs "min" or "max"'),
  z
    .object({ match: z.string().min(1).describe('A regular expression the text matches (case-insensitive)') })
    .strict(),
  z.object({ present: z.literal(true).describe('The fact was read, whatever its value') }).strict(),
]);

/** Which fact, read from pasted console output, answers a question, and how. */
export const ReadsSchema = z
  .object({
    fact: z.enum(FACT_NAMES).describe('A fact the console output reader gives (src/console/types.ts)'),
    answers: z
      .record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean(), MatcherSchema])).min(1))
      .optional()
      .describe(
        'Each answer and the fact values that give it; omitted on a number question, whose answer is the value',
      ),
    here: z
      .literal(true)
      .optional()
      .describe(
        'Only output pasted at this step answers: the fact is one other commands, products or machines also give',
      ),
    missing: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The answer when the step's own output says the registry key or value it asked for is not there",
      ),
    onError: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The answer an error code gives when it was printed by this step's own command (pasted at this step)",
      ),
  })
  .strict();

const base = {
  id: Id.describe('Unique within the flow; used in links, deep links and saved sessions'),
  text: TextSchema.describe('The question, instruction or resolution, in large type'),
  detail: TextSchema.optional().describe('A short explanation shown under the text'),
  ...facts,
  returns: TextSchema.optional().describe(
    'Why an answer here leads back to an earlier step; required on every node that does',
  ),
  reads: ReadsSchema.optional().describe('The fact from pasted output that proposes an answer here'),
  tool: z
    .enum(['key', 'product-code', 'lookup'])
    .optional()
    .describe(
      'A tool the step offers: a link to the key checker or the MSI product code checker, or the error code field itself (lookup)',
    ),
};

/** The shells a command can be written for. */
export const SHELLS = ['cmd', 'powershell'] as const;

/** A command as the user runs it: its text, the shell it is written for, and whether it needs elevation. */
export const CommandSchema = z
  .object({
    run: z.string().min(1).describe('The exact command, shown in monospace with Copy'),
    shell: z.enum(SHELLS).describe('cmd (Command Prompt) or powershell (Windows PowerShell 5.1 and later)'),
    elevated: z.boolean().describe('Whether it must run in a prompt opened as administrator'),
  })
  .strict();

/** A line of console output to look for, as English and Russian Windows print it. */
export const OutputLineSchema = z
  .object({
    en: z.string().min(1).describe('The line as English Windows prints it'),
    ru: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe(
        'The line as Russian Windows prints it; omitted when it prints the same, null when it is translated but no source gives the wording',
      ),
    ruUnverified: z
      .literal(true)
      .optional()
      .describe('The Russian line is how Russian Windows is believed to print it, but no source confirms it'),
  })
  .strict();

/** A condition on an earlier answer in the same session. */
export const ConditionSchema = z
  .object({
    flow: Id.optional().describe('The flow of the earlier node; defaults to this flow'),
    node: Id.describe('The earlier question node'),
    answer: z.array(z.string().min(1)).min(1).describe('Matches when the latest answer is one of these'),
  })
  .strict();

const RangeSchema = z
  .object({
    min: z.number().int().optional().describe('Lowest value, inclusive; omitted = the node minimum'),
    max: z.number().int().optional().describe('Highest value, inclusive; omitted = no upper bound'),
    next: Ref,
  })
  .strict();

const YesNoNode = z
  .object({ ...base, kind: z.literal('yesno'), yes: Ref, no: Ref })
  .strict()
  .describe('A yes/no question');

const ChoiceNode = z
  .object({
    ...base,
    kind: z.literal('choice'),
    choices: z
      .array(z.object({ value: Id, label: TextSchema, next: Ref }).strict())
      .min(2, 'a choice needs at least two choices'),
  })
  .strict()
  .describe('A question with several choices');

const NumberNode = z
  .object({
    ...base,
    kind: z.literal('number'),
    min: z.number().int().optional().describe('Lowest accepted value; default 0'),
    max: z.number().int().optional().describe('Highest accepted value; omitted = no upper bound'),
    routes: z
      .array(z.object({ when: ConditionSchema.optional(), ranges: z.array(RangeSchema).min(1) }).strict())
      .min(1)
      .describe('Tried in order; the first whose condition holds routes the number by its ranges'),
  })
  .strict()
  .describe('A whole-number question routed by ranges');

const ActionNode = z
  .object({
    ...base,
    kind: z.literal('action'),
    command: CommandSchema,
    expect: TextSchema.describe('What to look for in the output'),
    output: z
      .array(OutputLineSchema)
      .min(1)
      .optional()
      .describe('The exact lines of output the expectation refers to'),
    ask: TextSchema.optional().describe('The yes/no question after the command; default "Did it work?"'),
    noReading: z
      .enum(NO_READING)
      .optional()
      .describe(
        'Why its own output cannot answer the question, where it has no "reads": window (it opens a window), compare (set against what only the technician knows), key (it prints a product key), silent (it prints nothing when it works), later (its effect shows only later: after a restart, or in the test run next)',
      ),
    yes: Ref,
    no: Ref,
  })
  .strict()
  .describe('A command to run, then a yes/no question about its result');

const LinkNode = z
  .object({
    id: base.id,
    kind: z.literal('link'),
    returns: base.returns,
    flow: Id.describe('The flow to continue in'),
    node: Id.optional().describe("The node to continue at; defaults to that flow's start"),
  })
  .strict()
  .describe('Continue in another flow');

const OutcomeNode = z
  .object({
    ...base,
    kind: z.literal('outcome'),
    result: z.enum(['resolved', 'escalate']),
    command: CommandSchema.optional().describe('A command that applies the fix'),
    collect: TextSchema.optional().describe('What to collect before escalating'),
    contact: TextSchema.optional().describe('Whom to ask'),
    failed: Ref.optional().describe('Where "Still failing" leads (required for resolved outcomes)'),
  })
  .strict()
  .superRefine((node, ctx) => {
    if (node.result === 'resolved' && !node.failed)
      ctx.addIssue({
        code: 'custom',
        path: ['failed'],
        message: 'a resolved outcome needs "failed": where "Still failing" leads',
      });
    if (node.result === 'escalate' && !node.collect)
      ctx.addIssue({
        code: 'custom',
        path: ['collect'],
        message: 'an escalate outcome needs "collect": what to gather',
      });
    if (node.result === 'escalate' && node.failed)
      ctx.addIssue({
        code: 'custom',
        path: ['failed'],
        message: 'an escalate outcome ends the flow: remove "failed"',
      });
  })
  .describe('A resolution: resolved (with "Still failing" going on) or escalate');

export const NodeSchema = z.discriminatedUnion('kind', [
  YesNoNode,
  ChoiceNode,
  NumberNode,
  ActionNode,
  LinkNode,
  OutcomeNode,
]);

export const FlowSchema = z
  .object({
    $schema: z.string().optional(),
    title: TextSchema.describe('The flow name, shown above each step'),
    start: Id.describe('The first node'),
    nodes: z.array(NodeSchema).min(1),
  })
  .strict()
  .describe('An activation troubleshooting flow; its id is the file name');

export const CatalogEntrySchema = z
  .object({
    code: Code,
    message: TextSchema.describe('The message exactly as Windows shows it'),
    aliases: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Other wordings Windows prints for the same code (slmgr prints the system message); the lookup finds them too',
      ),
    activation: z.array(z.enum(ACTIVATION_TYPES)).min(1),
    cause: TextSchema.describe('The likely cause in one or two sentences'),
    flow: Id,
    node: Id,
    diagnosticTool: z.boolean().optional().describe("Handled by Microsoft's activation diagnostic tool"),
    sources: z.array(SourceRef).min(1).describe('The documents that give the message and the cause'),
    unverified: TextSchema.optional().describe('What in this entry no source confirms'),
  })
  .strict();

/** A document the flows cite: a Microsoft article (title and address) or a reference file. */
export const SourceSchema = z
  .object({
    id: SourceRef.describe('How flows and the catalog refer to it'),
    title: z.string().min(1).describe("The document's own title, shown offline"),
    url: z
      .url({ protocol: /^https$/ })
      .optional()
      .describe('Its public address, a link when the network is there'),
    file: z.string().min(1).optional().describe('A reference file it was taken from, when it has no address'),
    contradictedBy: z
      .array(
        z
          .object({
            sources: z
              .array(SourceRef)
              .min(1)
              .optional()
              .describe('The documents that show it; omitted when the step reasons it out and says so'),
            note: TextSchema.describe(
              'What the document gets wrong or what has changed, and what the guide says instead',
            ),
          })
          .strict(),
      )
      .min(1)
      .optional()
      .describe('Where the document itself is wrong or dated; the steps that cite it say what is right'),
  })
  .strict()
  .refine((s) => s.url !== undefined || s.file !== undefined, {
    message: 'a source needs a "url" or a "file"',
  });

export const SourcesSchema = z
  .object({ $schema: z.string().optional(), sources: z.array(SourceSchema).min(1) })
  .strict();

/**
 * What an organization hosting the guide sets for its own people, at build time: its KMS host and port
 * (filling every command until a technician's own value replaces them), whom to escalate to, and what
 * its tickets need.
 */
export const OrganizationSchema = z
  .object({
    $schema: z.string().optional(),
    kmsHost: z
      .string()
      // Labels of 1 to 63 letters, digits and hyphens, never empty and never starting or ending with a hyphen.
      .regex(
        /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
        'a host name: labels of letters, digits and hyphens joined by dots, none empty or starting or ending with a hyphen',
      )
      .optional()
      .describe("The organization's KMS host (FQDN)"),
    kmsPort: z.number().int().min(1).max(65535).optional().describe('Its port, when not 1688'),
    contact: TextSchema.optional().describe('Whom to escalate to, shown on every escalation step'),
    ticket: TextSchema.optional().describe('What a ticket needs, shown on every escalation step'),
  })
  .strict();

/** A way into a flow without a code: the words a technician may type on Home to find it. */
const TopicWords = z
  .array(
    z
      .string()
      .min(2)
      .regex(/^[^A-ZА-ЯЁ]+$/, 'lowercase'),
  )
  .min(1);

/** A way into a flow without a code: the words a technician may type on Home to find it. */
export const TopicSchema = z
  .object({
    flow: Id.describe('The flow it opens; its title is what Home shows'),
    words: z
      .object({
        ...(Object.fromEntries(
          LANGUAGES.map((l) => [
            l,
            TopicWords.describe(
              "Words and phrases, lowercase: typed, a word finds those it starts; a code's message must hold one whole",
            ),
          ]),
        ) as Record<Language, typeof TopicWords>),
        typed: TopicWords.optional().describe(
          "Words that find it only when typed, and count less: too common in Microsoft's messages (activation, date)",
        ),
      })
      .strict(),
  })
  .strict();

export const CatalogSchema = z
  .object({
    $schema: z.string().optional(),
    codes: z.array(CatalogEntrySchema).min(1),
    topics: z
      .array(TopicSchema)
      .min(1)
      .describe('Every flow, found by words on Home and listed under Browse'),
  })
  .strict();

export type Text = z.infer<typeof TextSchema>;
export type Reads = z.infer<typeof ReadsSchema>;
export type Command = z.infer<typeof CommandSchema>;
export type Shell = Command['shell'];
export type OutputLine = z.infer<typeof OutputLineSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Sources = z.infer<typeof SourcesSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type FlowNode = z.infer<typeof NodeSchema>;
export type NodeKind = FlowNode['kind'];
export type Flow = z.infer<typeof FlowSchema>;
export type FlowInput = z.input<typeof FlowSchema>;
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
export type Topic = z.infer<typeof TopicSchema>;
