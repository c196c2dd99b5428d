import { useEffect } from 'preact/hooks';
import { answersFor, findNode, nextNodeId } from '../../flow/engine.ts';
import type { FlowNode } from '../../flow-format/schema.ts';
import { loadFlows } from '../../flows/chunks.ts';
import { useAsync } from '../../hooks/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { answerLabel, answerWords } from '../../i18n/labels.ts';
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
    const link = findNode(flow, next);
    if (link?.kind === 'link') {
      const other = Object.hasOwn(flows, link.flow) ? flows[link.flow] : undefined;
      return t('procedure.toFlow', { flow: other ? other.title[lang] : link.flow });
    }
    return next;
  };
  // Each answer the engine accepts, and where it leads; a number step by its ranges, as the engine routes it.
  const leads = (node: FlowNode): [string, string][] => {
    const accepted = answersFor(node);
    if (accepted !== 'number')
      return accepted.flatMap((a): [string, string][] => {
        const next = nextNodeId(id, node, a, []);
        return next.ok ? [[answerLabel(node, a, lang, words), target(next.value)]] : [];
      });
    if (node.kind !== 'number') return [];
    const min = node.min ?? 0;
    return node.routes.flatMap((route) =>
      route.ranges.map((r): [string, string] => {
        const range =
          r.max === undefined
            ? t('procedure.atLeast', { min: r.min ?? min })
            : t('procedure.range', { min: r.min ?? min, max: r.max });
        const asked = route.when && flows[route.when.flow ?? id];
        const when = asked && findNode(asked, route.when!.node);
        return [
          when && when.kind !== 'link'
            ? t('procedure.when', {
                range,
                question: when.text[lang],
                answers: route.when!.answer.map((a) => answerLabel(when, a, lang, words)).join(', '),
              })
            : range,
          target(r.next),
        ];
      }),
    );
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
        {steps.map((node) => {
          const ways = leads(node);
          return (
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
                  {node.collect ? ` — ${t('outcome.collect')}: ${node.collect[lang]}` : ''}
                </p>
              )}
              {ways.length > 0 && (
                <ul class="leads">
                  {ways.map(([answer, to], i) => (
                    <li key={i}>
                      <strong>{answer}</strong> → {to}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
