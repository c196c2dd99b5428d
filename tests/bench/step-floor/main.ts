/**
 * The step floor: the app's step markup and stylesheet, and on a tap plain DOM code that swaps in the next
 * question, its command, its answers and the trail line, with no framework. What a step costs the browser
 * alone; the app's step is measured against it. The flows and the pure engine decide the next step, as in
 * the app, so both walk the same path.
 */
import '../../../src/styles.css';
import '../../../src/components/Header/style.css';
import '../../../src/components/FlowScreen/style.css';
import '../../../src/components/PathTrail/style.css';
import '../../../src/components/StepCard/style.css';
import '../../../src/components/CommandBlock/style.css';
import { answer, back, current, restart, start } from '../../../src/flow/engine.ts';
import type { Answer, EngineState, FlowMap } from '../../../src/flow/engine.ts';
import type { Flow } from '../../../src/flow-format/schema.ts';

const files = import.meta.glob<Flow>('../../../flows/*.json', { eager: true, import: 'default' });
const flows: FlowMap = Object.fromEntries(
  Object.entries(files).map(([path, flow]) => [path.replace(/^.*\/|\.json$/g, ''), flow]),
);

const $ = (id: string) => document.getElementById(id)!;
const trail = $('trail');
const progress = $('progress');
const question = $('question');
const run = $('run');
const command = $('command');
const expect = $('expect');
const answers = $('answers');
const backButton = $('back') as HTMLButtonElement;
const restartButton = $('restart') as HTMLButtonElement;

const flowId = /#\/flow\/([^/]+)/.exec(location.hash)?.[1] ?? 'kms-count';
const first = start(flows, flowId);
if (!first.ok) throw new Error(first.error.message);
let state: EngineState = first.value;

function button(label: string, onClick: () => void, key?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn btn-answer';
  if (key) b.dataset.key = key;
  b.textContent = label;
  b.onclick = onClick;
  return b;
}

function go(given: Answer): void {
  const next = answer(flows, state, given);
  if (!next.ok) return;
  state = next.value;
  // The trail line of the step just answered.
  const li = document.createElement('li');
  li.textContent = `${question.textContent} — ${String(given)}`;
  trail.append(li);
  show();
}

/** Puts the current step in the page: its words, command and answers. */
function show(): void {
  const cur = current(flows, state);
  if (!cur.ok) throw new Error(cur.error.message);
  const { node, flow } = cur.value;
  progress.textContent = `Step ${state.trail.length} · ${flow.title.en}`;
  question.textContent = node.text.en;
  const cmd = node.kind === 'action' || node.kind === 'outcome' ? node.command : undefined;
  run.hidden = !cmd;
  command.textContent = cmd?.run ?? '';
  expect.textContent = node.kind === 'action' ? node.expect.en : '';
  const row = document.createElement('div');
  if (node.kind === 'yesno' || node.kind === 'action') {
    row.className = 'choice-row';
    row.append(
      button('Yes', () => go('yes'), 'y'),
      button('No', () => go('no'), 'n'),
    );
  } else if (node.kind === 'choice') {
    const list = document.createElement('ol');
    list.className = 'choices';
    for (const c of node.choices) {
      const li = document.createElement('li');
      li.append(button(c.label.en, () => go(c.value)));
      list.append(li);
    }
    row.append(list);
  } else if (node.kind === 'number') {
    const form = document.createElement('form');
    form.className = 'number';
    form.noValidate = true;
    form.innerHTML =
      '<label for="number-answer">Your number</label><div class="choice-row"><input id="number-answer" class="field" type="text" inputmode="numeric" autocomplete="off"><button type="submit" class="btn btn-primary">Next</button></div>';
    form.onsubmit = (e) => {
      e.preventDefault();
      go(Number((form.querySelector('input') as HTMLInputElement).value));
    };
    row.append(form);
  }
  answers.replaceChildren(row);
  const atStart = state.trail.length < 2;
  backButton.disabled = restartButton.disabled = atStart;
  question.focus({ preventScroll: true });
}

backButton.onclick = () => {
  state = back(state);
  trail.lastElementChild?.remove();
  show();
};
restartButton.onclick = () => {
  state = restart(state);
  trail.replaceChildren();
  show();
};
show();
