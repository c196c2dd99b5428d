import type { Proposal as Proposed } from '../../flow/facts.ts';
import type { FlowNode } from '../../flow-format/schema.ts';
import { useT } from '../../i18n/index.ts';
import { answerLabel, answerWords } from '../../i18n/labels.ts';
import './style.css';

/** An answer the pasted output proposes, with the line that proves it; taken only when the technician says so. */
export function Proposal({
  node,
  proposal,
  onUse,
}: {
  node: FlowNode;
  proposal: Proposed;
  onUse: (answer: string | number) => void;
}) {
  const { t, lang } = useT();
  return (
    <div class="proposal" role="note">
      <p>
        {t('propose.title')} <strong>{answerLabel(node, proposal.answer, lang, answerWords(t))}</strong>{' '}
        <span class="hint">{t('propose.line')}</span>
      </p>
      <pre class="mono proposal-line">
        <code>{proposal.line}</code>
      </pre>
      <button type="button" class="btn btn-primary" onClick={() => onUse(proposal.answer)}>
        {t('propose.use')}
      </button>
    </div>
  );
}
