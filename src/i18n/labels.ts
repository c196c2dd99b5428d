/** Words the app uses for its own vocabularies (answers, statuses), derived from one definition each. */
import type { Language } from '../flow/constants.ts';
import type { Answer } from '../flow/engine.ts';
import type { Command, FlowNode } from '../flow-format/schema.ts';
import type { Translate } from './index.ts';

/** How the fixed answers read: Yes, No, Fixed, Still failing. */
export interface AnswerWords {
  yes: string;
  no: string;
  fixed: string;
  failing: string;
}

/** The fixed answers in the current language. */
export function answerWords(t: Translate): AnswerWords {
  return { yes: t('answer.yes'), no: t('answer.no'), fixed: t('answer.fixed'), failing: t('answer.failing') };
}

/** The text of an answer given at a node: Yes/No, a choice's label, a number, Fixed/Still failing. */
export function answerLabel(
  node: FlowNode | undefined,
  answer: Answer,
  lang: Language,
  words: AnswerWords,
): string {
  if (typeof answer === 'number') return String(answer);
  if (node?.kind === 'choice') return node.choices.find((c) => c.value === answer)?.label[lang] ?? answer;
  if (answer === 'yes' || answer === 'no' || answer === 'fixed' || answer === 'failing') return words[answer];
  return answer;
}

/** Where a command runs: "Command Prompt, as administrator", "Windows PowerShell" and so on. */
export function shellLabel(t: Translate, command: Command): string {
  return t(`shell.${command.shell}${command.elevated ? 'Admin' : ''}`);
}
