import { findNode } from '../../flow/engine.ts';
import type { EngineState, FlowMap } from '../../flow/engine.ts';
import { useT } from '../../i18n/index.ts';
import { answerLabel, answerWords } from '../../i18n/labels.ts';
import './style.css';

interface Props {
  flows: FlowMap;
  state: EngineState;
  onJump: (index: number) => void;
}

/** The answers so far; each is a way back to that step. */
export function PathTrail({ flows, state, onJump }: Props) {
  const { t, lang } = useT();
  const words = answerWords(t);
  const answered = state.trail.slice(0, -1);
  if (answered.length === 0) return null;
  return (
    <nav class="path" aria-label={t('step.path')}>
      <ol>
        {answered.map((s, i) => {
          const flow = flows[s.flow];
          const node = flow && findNode(flow, s.node);
          const question = node && node.kind !== 'link' ? node.text[lang] : s.node;
          return (
            <li key={i}>
              <button
                type="button"
                class="path-step"
                onClick={() => onJump(i)}
                aria-label={t('step.backToStep', {
                  question,
                  answer: answerLabel(node, s.answer!, lang, words),
                })}
              >
                <span class="path-q">{question}</span>
                <span class="path-a">{answerLabel(node, s.answer!, lang, words)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
