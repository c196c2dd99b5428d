/** How an answer reads to a person, in the current language. */
import type { Answer } from './engine/engine.ts';
import type { FlowNode } from './engine/schema.ts';
import type { Lang } from './i18n/index.ts';

export interface AnswerWords {
  yes: string;
  no: string;
  fixed: string;
  failing: string;
}

/** The text of an answer given at a node: Yes/No, a choice's label, a number, Fixed/Still failing. */
export function answerLabel(
  node: FlowNode | undefined,
  answer: Answer,
  lang: Lang,
  words: AnswerWords,
): string {
  if (typeof answer === 'number') return String(answer);
  if (node?.kind === 'choice') return node.choices.find((c) => c.value === answer)?.label[lang] ?? answer;
  if (answer === 'yes' || answer === 'no' || answer === 'fixed' || answer === 'failing') return words[answer];
  return answer;
}
