/**
 * The steps of the real flows as a user reads them (questions, choice labels, commands, the Yes and No
 * words), read the way the app's build reads them, for browser tests in any engine: no test framework here.
 */
import { readFileSync } from 'node:fs';
import type { Result } from '../../src/flow/engine.ts';
import type { FlowNode } from '../../src/flow-format/schema.ts';
import { loadChecked } from './flows.ts';

export const { flows } = loadChecked('flows');
export type Lang = 'en' | 'ru';
type Step = Exclude<FlowNode, { kind: 'link' }>;

/** The value of an engine result; throws when the flows do not have that path. */
export const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`the flows do not have this path: ${r.error.message}`);
  return r.value;
};

/** A step of the real flows; throws when it is gone, so no test silently checks a step that no longer exists. */
export function step(flow: string, id: string): Step {
  const node = flows[flow]?.nodes.find((n) => n.id === id);
  if (!node || node.kind === 'link') throw new Error(`the flows have no step ${flow}/${id}`);
  return node;
}

/** The question of a step, as the app shows it in a language. */
export const text = (flow: string, id: string, lang: Lang = 'en') => step(flow, id).text[lang];

/** The label of a choice, as the app shows it in a language. */
export function label(flow: string, id: string, value: string, lang: Lang = 'en'): string {
  const node = step(flow, id);
  const choice = node.kind === 'choice' ? node.choices.find((c) => c.value === value) : undefined;
  if (!choice) throw new Error(`${flow}/${id} has no choice "${value}"`);
  return choice.label[lang];
}

/** The command a step gives to run. */
export function command(flow: string, id: string): string {
  const node = step(flow, id);
  const run = node.kind === 'action' || node.kind === 'outcome' ? node.command?.run : undefined;
  if (!run) throw new Error(`${flow}/${id} has no command`);
  return run;
}

/** What an escalation step asks to collect, in a language. */
export function collect(flow: string, id: string, lang: Lang = 'en'): string {
  const node = step(flow, id);
  const list = node.kind === 'outcome' ? node.collect?.[lang] : undefined;
  if (!list) throw new Error(`${flow}/${id} has nothing to collect`);
  return list;
}

/** Markdown's escapes taken out, to find a text in a transcript as it reads. */
export const plain = (md: string) => md.replace(/\\(.)/g, '$1');

/** The Yes and No buttons' words in a language. */
export const words = (lang: Lang) =>
  (
    JSON.parse(readFileSync(new URL(`../../src/locales/${lang}/screens.json`, import.meta.url), 'utf8')) as {
      answer: Record<'yes' | 'no', string>;
    }
  ).answer;
