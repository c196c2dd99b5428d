/** Generates large flows for the scale test: a chain of questions of every kind ending in an escalate outcome. */
import type { FlowInput, FlowNode } from '../../src/flow-format/schema.ts';

const text = (en: string, ru: string) => ({ en, ru });

/** A valid flow of exactly `size` nodes: yes/no, action, choice and number nodes in a chain, then one escalate outcome. */
export function generateFlow(size: number): FlowInput {
  const count = Math.max(2, Math.floor(size));
  const id = (i: number) => (i === count - 1 ? 'end' : `n-${i}`);
  const nodes: FlowNode[] = [];
  for (let i = 0; i < count - 1; i++) {
    const next = id(i + 1);
    const base = {
      id: id(i),
      text: text(`Step ${i}: is the condition met?`, `Шаг ${i}: условие выполнено?`),
    };
    if (i % 10 === 3)
      nodes.push({
        ...base,
        kind: 'choice',
        choices: ['a', 'b', 'c'].map((value) => ({
          value,
          label: text(`Option ${value}`, `Вариант ${value}`),
          next,
        })),
      });
    else if (i % 10 === 7)
      nodes.push({
        ...base,
        kind: 'number',
        routes: [
          {
            ranges: [
              { max: 9, next },
              { min: 10, next: 'end' },
            ],
          },
        ],
      });
    else if (i % 20 === 5)
      nodes.push({
        ...base,
        kind: 'action',
        command: { run: `slmgr /dlv ${i}`, shell: 'cmd', elevated: false },
        sources: ['ref-kms-facts'],
        expect: text('A license status line', 'Строка состояния лицензии'),
        yes: next,
        no: 'end',
      });
    else nodes.push({ ...base, kind: 'yesno', yes: next, no: 'end' });
  }
  nodes.push({
    id: 'end',
    kind: 'outcome',
    result: 'escalate',
    text: text('Escalate to the licensing team.', 'Передайте вопрос группе лицензирования.'),
    collect: text('The output of slmgr /dlv.', 'Вывод slmgr /dlv.'),
  });
  return {
    title: text(`Scale test (${count} nodes)`, `Тест масштаба (${count} узлов)`),
    start: id(0),
    nodes,
  };
}
