import { useEffect } from 'preact/hooks';
import type { FlowNode } from '../../engine/schema.ts';
import { loadFlows } from '../../flows/chunks.ts';
import { useAsync } from '../../hooks/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { answerWords } from '../../i18n/labels.ts';
import { toHash } from '../../router.ts';
import { CommandBlock } from '../CommandBlock/index.tsx';
import { Loading } from '../Loading/index.tsx';
import { NotFound } from '../NotFound/index.tsx';
import './style.css';

/** A flow's whole procedure on one page, every step with its command and where each answer leads: to print. */
export function ProcedureScreen({ flow: id }: { flow: string }) {
  const { t, lang } = useT();
  const flows = useAsync(() => loadFlows([id]), [id]);
  const flow = flows && Object.hasOwn(flows, id) ? flows[id] : undefined;
  useEffect(() => {
    if (flow) document.title = `${t('procedure.title', { flow: flow.title[lang] })} — ${t('app.name')}`;
  }, [flow, lang, t]);
  if (!flows) return <Loading />;
  if (!flow) return <NotFound />;

  const steps = flow.nodes.filter((n) => n.kind !== 'link');
  const number = new Map(steps.map((n, i) => [n.id, i + 1]));
  const words = answerWords(t);
  // Where an answer leads: a step of this procedure by its number, or the flow a link hands over to.
  const target = (next: string): string => {
    const n = number.get(next);
    if (n !== undefined) return t('procedure.toStep', { n });
    const link = flow.nodes.find((x) => x.id === next);
    if (link?.kind === 'link') {
      const other = Object.hasOwn(flows, link.flow) ? flows[link.flow] : undefined;
      return t('procedure.toFlow', { flow: other ? other.title[lang] : link.flow });
    }
    return next;
  };
  const question = (nodeId: string) => flow.nodes.find((x) => x.id === nodeId);
  const leads = (node: FlowNode): [string, string][] => {
    switch (node.kind) {
      case 'yesno':
      case 'action':
        return [
          [words.yes, target(node.yes)],
          [words.no, target(node.no)],
        ];
      case 'choice':
        return node.choices.map((c) => [c.label[lang], target(c.next)]);
      case 'number':
        return node.routes.flatMap((route) =>
          route.ranges.map((r): [string, string] => {
            const range =
              r.max === undefined
                ? t('procedure.atLeast', { min: r.min ?? 0 })
                : t('procedure.range', { min: r.min ?? 0, max: r.max });
            const when = route.when && question(route.when.node);
            return [
              when && when.kind !== 'link'
                ? t('procedure.when', {
                    range,
                    question: when.text[lang],
                    answers: route.when!.answer.join(', '),
                  })
                : range,
              target(r.next),
            ];
          }),
        );
      default:
        return [];
    }
  };

  return (
    <article class="procedure stack">
      <h1 tabIndex={-1}>{t('procedure.title', { flow: flow.title[lang] })}</h1>
      <p class="hint">{t('procedure.intro')}</p>
      <div class="choice-row">
        <button type="button" class="btn btn-primary" onClick={() => print()}>
          {t('procedure.print')}
        </button>
        <a class="btn" href={toHash({ name: 'flow', flow: id })}>
          {t('procedure.walk')}
        </a>
      </div>
      <ol class="procedure-steps">
        {steps.map((node) => (
          <li key={node.id} id={`step-${node.id}`} class="card">
            <h2>{node.text[lang]}</h2>
            {node.detail && <p class="hint">{node.detail[lang]}</p>}
            {(node.kind === 'action' || node.kind === 'outcome') && node.command && (
              <CommandBlock command={node.command} />
            )}
            {node.kind === 'action' && (
              <p>
                <strong>{t('step.lookFor')}</strong> {node.expect[lang]}
              </p>
            )}
            {node.kind === 'outcome' && (
              <p>
                <strong>
                  {node.result === 'resolved' ? t('outcome.fixLabel') : t('outcome.escalateLabel')}
                </strong>
                {node.kind === 'outcome' && node.collect
                  ? ` — ${t('outcome.collect')}: ${node.collect[lang]}`
                  : ''}
              </p>
            )}
            {leads(node).length > 0 && (
              <ul class="leads">
                {leads(node).map(([answer, to], i) => (
                  <li key={i}>
                    <strong>{answer}</strong> → {to}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
