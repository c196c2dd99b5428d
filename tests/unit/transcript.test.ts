import { describe, expect, it } from 'vitest';
import { answer, current, start } from '../../src/flow/engine.ts';
import type { Answer, EngineState, FlowMap } from '../../src/flow/engine.ts';
import type { Flow } from '../../src/flow-format/schema.ts';
import { validateRecord } from '../../src/session/record.ts';
import type { SessionRecord } from '../../src/session/record.ts';
import { shareTitle, toMarkdown, transcriptFileName, transcriptLabels } from '../../src/export/transcript.ts';
import type { TranscriptInput, TranscriptLabels } from '../../src/export/transcript.ts';
import { loadChecked } from '../support/flows.ts';
import i18next from 'i18next';
import { FACT_NAMES } from '../../src/console/types.ts';
import type { Translate } from '../../src/i18n/index.ts';
import enCommon from '../../src/locales/en/common.json';
import enScreens from '../../src/locales/en/screens.json';
import ruCommon from '../../src/locales/ru/common.json';
import ruScreens from '../../src/locales/ru/screens.json';

const { flows, catalog } = loadChecked('valid');
const codes = catalog.codes;

const EN: TranscriptLabels = {
  title: 'Windows activation troubleshooting',
  code: 'Error code',
  message: 'Message',
  started: 'Started',
  updated: 'Last step',
  status: 'Status',
  statusText: { active: 'In progress', resolved: 'Resolved', escalated: 'Escalated' },
  step: 'Step',
  answer: 'Answer',
  command: 'Command',
  expect: 'Look for',
  outcome: 'Outcome',
  collect: 'Collect',
  contact: 'Contact',
  facts: 'Read from console output',
  factNames: enScreens.factName,
  factValues: enScreens.factValue,
  summary: 'Summary',
  likelyCause: 'Likely cause',
  standsAt: 'Now at step',
  fromOutput: 'from output',
  noCode: 'No error code',
  label: 'Machine or ticket',
  note: 'Note',
  timeZone: 'Time zone',
  words: { yes: 'Yes', no: 'No', fixed: 'Fixed', failing: 'Still failing' },
  runIn: (c) =>
    `${c.shell === 'cmd' ? 'Command Prompt' : 'Windows PowerShell'}${c.elevated ? ', as administrator' : ''}`,
};

const RU: TranscriptLabels = {
  title: 'Устранение ошибок активации Windows',
  code: 'Код ошибки',
  message: 'Сообщение',
  started: 'Начало',
  updated: 'Последний шаг',
  status: 'Состояние',
  statusText: { active: 'В работе', resolved: 'Решено', escalated: 'Передано' },
  step: 'Шаг',
  answer: 'Ответ',
  command: 'Команда',
  expect: 'Что искать',
  outcome: 'Итог',
  collect: 'Соберите',
  contact: 'Обратитесь',
  facts: 'Прочитано из вывода консоли',
  factNames: ruScreens.factName,
  factValues: ruScreens.factValue,
  summary: 'Кратко',
  likelyCause: 'Вероятная причина',
  standsAt: 'Сейчас на шаге',
  fromOutput: 'из вывода',
  noCode: 'Без кода ошибки',
  label: 'Компьютер или заявка',
  note: 'Заметка',
  timeZone: 'Часовой пояс',
  words: { yes: 'Да', no: 'Нет', fixed: 'Исправлено', failing: 'Всё ещё ошибка' },
  runIn: (c) =>
    `${c.shell === 'cmd' ? 'Командная строка' : 'Windows PowerShell'}${c.elevated ? ' от имени администратора' : ''}`,
};

const T0 = Date.UTC(2026, 10, 23, 14, 5, 0);
const MINUTE = 60_000;
const KEY = 'NPPR9-FWDCX-D2C8J-H872K-2YT43';
const time = (ms: number) => `T+${(ms - T0) / MINUTE}`;

/** Drives the engine from a flow (or a node of it), one answer a minute, into a saved record. */
function drive(map: FlowMap, flow: string, answers: Answer[], opts: { node?: string; code?: string } = {}) {
  const begun = start(map, flow, opts.node);
  if (!begun.ok) throw new Error(begun.error.message);
  let state: EngineState = begun.value;
  answers.forEach((a, i) => {
    const next = answer(map, state, a, T0 + (i + 1) * MINUTE);
    if (!next.ok) throw new Error(next.error.message);
    state = next.value;
  });
  const cur = current(map, state);
  if (!cur.ok) throw new Error(cur.error.message);
  const record: SessionRecord = {
    schema: 2,
    id: 'b0c1d2e3-0000-4000-8000-000000000000',
    flow,
    state,
    status: cur.value.status,
    startedAt: T0,
    updatedAt: T0 + answers.length * MINUTE,
    ...(opts.code ? { code: opts.code } : {}),
  };
  return record;
}

function render(record: SessionRecord, extra: Partial<TranscriptInput> = {}): string {
  return toMarkdown({ record, flows, catalog: codes, lang: 'en', labels: EN, formatTime: time, ...extra });
}

/** The Markdown outside fenced code blocks, and the blocks themselves; fails on an unclosed fence. */
function split(md: string): { text: string[]; blocks: { fence: string; body: string[] }[] } {
  const text: string[] = [];
  const blocks: { fence: string; body: string[] }[] = [];
  let open: { fence: string; body: string[] } | undefined;
  for (const line of md.split('\n')) {
    const fence = /^(`{3,})\s*$/.exec(line)?.[1];
    if (open) {
      if (fence && fence.length >= open.fence.length) {
        blocks.push(open);
        open = undefined;
      } else open.body.push(line);
    } else if (/^ {0,3}(`{3,}|~{3,})/.test(line)) {
      open = { fence: fence ?? 'bad', body: [] };
    } else text.push(line);
  }
  expect(open).toBeUndefined();
  return { text, blocks };
}

/** True when every character of `chars` in the line is escaped by a backslash. */
function allEscaped(line: string, chars: string): boolean {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (chars.includes(line[i]!)) return false;
  }
  return true;
}

describe('toMarkdown', () => {
  it('writes the code, message, times, status, every step with its answer, and the escalation', () => {
    // main/start → no → run-cmd → no → (link) other/start → no → (link) main/low: escalate
    const record = drive(flows, 'main', ['no', 'no', 'no'], { code: '0xC004F038' });
    expect(record.status).toBe('escalated');
    const md = render(record);
    expect(md).toBe(
      [
        '# Windows activation troubleshooting',
        '',
        '**Summary:** 0xC004F038 · Escalated · Too low. · Is the host reachable? No',
        '',
        '- **Error code:** 0xC004F038',
        '- **Message:** The count is insufficient.',
        '- **Likely cause:** Count too low.',
        '- **Started:** T+0',
        '- **Last step:** T+3',
        '- **Status:** Escalated',
        '',
        '## Step 1',
        '',
        'Did you see 0xC004F038?',
        '',
        '**Answer:** No (T+1)',
        '',
        '## Step 2',
        '',
        'Run the command.',
        '',
        '**Command:** Command Prompt',
        '',
        '```',
        'slmgr /dlv',
        '```',
        '',
        '**Look for:** Look for the channel.',
        '',
        '**Answer:** No (T+2)',
        '',
        '## Step 3',
        '',
        'Is the host reachable?',
        '',
        '**Answer:** No (T+3)',
        '',
        '## Outcome',
        '',
        'Too low.',
        '',
        '**Collect:** slmgr /dli output.',
        '',
      ].join('\n'),
    );
  });

  it('shows choice labels, numbers, the fix command and Fixed', () => {
    const record = drive(flows, 'main', ['client', 30, 'fixed'], { node: 'edition', code: '0xC004F038' });
    expect(record.status).toBe('resolved');
    const md = render(record);
    expect(md).toContain('Which edition?\n\n**Answer:** Client (T+1)');
    expect(md).toContain('What is the count?\n\n**Answer:** 30 (T+2)');
    expect(md).toContain(
      '## Outcome\n\nActivate.\n\n**Command:** Command Prompt, as administrator\n\n```\nslmgr /ato\n```\n\n**Answer:** Fixed (T+3)',
    );
    expect(md).toContain('- **Status:** Resolved');
  });

  it('lists a resolved outcome that did not help as a step, then where it led', () => {
    const record = drive(flows, 'other', ['yes', 'failing'], { code: '0xC004F074' });
    const md = render(record);
    expect(md).toContain('- **Message:** No KMS could be contacted.');
    expect(md).toContain('## Step 2\n\nRetry.\n\n**Answer:** Still failing (T+2)');
    expect(md).toContain('## Outcome\n\nEscalate.\n\n**Collect:** Events 12288.');
  });

  it('leaves the answer out of a step not answered yet', () => {
    const record = drive(flows, 'main', ['yes']);
    const md = render(record);
    expect(md).not.toContain('Error code');
    expect(md).toContain('- **Status:** In progress');
    expect(md.trimEnd().endsWith('## Step 2\n\nWhich edition?')).toBe(true);
  });

  it('writes Russian texts and labels with lang "ru"', () => {
    const record = drive(flows, 'main', ['no', 'no', 'no'], { code: '0xC004F038' });
    const md = render(record, { lang: 'ru', labels: RU });
    expect(md).toContain('# Устранение ошибок активации Windows');
    expect(md).toContain('- **Код ошибки:** 0xC004F038');
    expect(md).toContain('- **Сообщение:** Значение счетчика недостаточно.');
    expect(md).toContain('- **Состояние:** Передано');
    expect(md).toContain('## Шаг 1\n\nВы видели 0xC004F038?\n\n**Ответ:** Нет (T+1)');
    expect(md).toContain('**Что искать:** Найдите канал.');
    expect(md).toContain('## Итог\n\nСлишком мало.\n\n**Соберите:** Вывод slmgr /dli.');
    expect(md).not.toMatch(/Did you see|Look for the channel/);
  });

  it('formats times as UTC by default', () => {
    const md = toMarkdown({
      record: drive(flows, 'main', ['yes']),
      flows,
      catalog: codes,
      lang: 'en',
      labels: EN,
    });
    expect(md).toContain('- **Started:** 2026-11-23 14:05:00 UTC');
    expect(md).toContain('**Answer:** Yes (2026-11-23 14:06:00 UTC)');
  });

  it('lists steps whose flow or node is gone by their ids', () => {
    const record = drive(flows, 'main', ['no', 'no', 'no']);
    const { main: _main, ...rest } = flows;
    const md = render(record, { flows: rest });
    expect(md).toContain('## Step 1\n\nmain / start\n\n**Answer:** No (T+1)');
    expect(md).toContain('## Step 3\n\nIs the host reachable?');
    expect(md).toContain('## Step 4\n\nmain / low');
    expect(() => render({ ...record, code: '0x00000000' }, { flows: {} })).not.toThrow();
  });
});

describe('toMarkdown with hostile content', () => {
  const hostile = structuredClone(flows) as Record<string, Flow>;
  const main = hostile.main!;
  const node = (id: string) => main.nodes.find((n) => n.id === id)!;
  const startNode = node('start') as Extract<Flow['nodes'][number], { kind: 'yesno' }>;
  startNode.text.en = '<script>alert(1)</script>\n# Injected heading\n| a | b |';
  const edition = node('edition') as Extract<Flow['nodes'][number], { kind: 'choice' }>;
  edition.choices[0]!.label.en = '[click](javascript:x) <img src=x onerror=alert(1)>';
  const run = node('run-cmd') as Extract<Flow['nodes'][number], { kind: 'action' }>;
  run.command.run = `echo \`\`\`\`\n\`\`\`\nslmgr /skms kms01.corp.example.com:1688 && slmgr /ipk ${KEY} && ping 10.20.30.40`;
  run.expect.en = '*bold* _it_ ~~gone~~ ![img](x) \\ {b} +1 -1 . ! & `code`';
  const low = node('low') as Extract<Flow['nodes'][number], { kind: 'outcome' }>;
  low.collect = { en: 'Line one\r\nLine two\u2028- [ ] item\n\n    indented', ru: 'x' };
  low.contact = { en: `Send key ${KEY} to <b>admin@corp.example.com</b>`, ru: 'x' };

  const walked = drive(hostile, 'main', ['no', 'no', 'no'], { code: '0xC004F038' });
  // Answers the flows would not take, as an older version of the app might have saved them.
  const strange: SessionRecord = {
    ...walked,
    code: '0xC004F038](javascript:x)',
    state: {
      v: 1,
      trail: [
        { flow: 'main', node: 'start', answer: '](javascript:x) <script>alert(1)</script>', at: T0 },
        { flow: 'main', node: 'edition', answer: 'client', at: T0 + MINUTE },
        {
          flow: 'gone',
          node: 'ask`me`',
          answer: `a\nb | c \`\`\` ${KEY.replace(/-/g, ' ')}`,
          at: T0 + 2 * MINUTE,
        },
        {
          flow: 'main',
          node: 'count',
          answer: 'see kms01.corp.example.com or 192.168.1.10, not slmgr.vbs',
          at: T0 + 3 * MINUTE,
        },
        { flow: 'main', node: 'run-cmd', answer: 'yes', at: T0 + 4 * MINUTE },
        { flow: 'main', node: 'low' },
      ],
    },
  };

  // What a user may type as a label or a note: Markdown, HTML, a key, line breaks, a bidi override.
  const typed = (what: string) =>
    `# ${what} <script>alert(1)</script> [x](javascript:x) ${KEY}\n- [ ] item\r\n> quote | a \`b\` \u202Egnp.exe`;
  const noted: SessionRecord = {
    ...walked,
    label: typed('PC-042'),
    notes: { 0: typed('note'), 2: '---', 3: '1. kms01.corp.example.com 10.20.30.40' },
  };

  for (const [name, record] of [
    ['walked', walked],
    ['strange answers', strange],
    ['label and notes', noted],
  ] as const) {
    it(`stays well-formed: ${name}`, () => {
      for (const hideHosts of [false, true]) {
        const md = render(record, { flows: hostile, hideHosts });
        const { text, blocks } = split(md);
        // Headings are the title, the steps and the outcome, nothing else.
        expect(
          text.filter((l) => /^ {0,3}#/.test(l)).every((l) => /^(# Windows|## (Step \d+|Outcome)$)/.test(l)),
        ).toBe(true);
        for (const line of text) {
          // ( ) . - ! { } # stay readable mid-text: with [ ] escaped they cannot form a link.
          expect(allEscaped(line, '<>[]|`~_&')).toBe(true);
          // Bold is only the fields' own labels.
          expect(allEscaped(line.replace(/^(- )?\*\*[A-Za-z ]+:\*\*/, ''), '*')).toBe(true);
          expect(line).not.toMatch(/^\s{4}|^\s*([-+*]|\d+\.)\s+\[|^\s*\|/);
          // The only list items are the meta fields; no quotes.
          expect(/^\s*([-+*=>]|\d{1,9}[.)])(\s|$)/.test(line) && !line.startsWith('- **')).toBe(false);
        }
        expect(md).not.toContain(KEY);
        expect(md).not.toMatch(/NPPR9/);
        for (const block of blocks)
          expect(block.body.join('\n')).not.toMatch(new RegExp(`^${block.fence}`, 'm'));
      }
    });
  }

  it('escapes HTML, links and emphasis in flow texts and keeps each item on one line', () => {
    const md = render(walked, { flows: hostile });
    expect(md).toContain(
      '\\<script\\>alert(1)\\</script\\> # Injected heading \\| a \\| b \\|\n\n**Answer:** No',
    );
    expect(md).toContain(
      '**Look for:** \\*bold\\* \\_it\\_ \\~\\~gone\\~\\~ !\\[img\\](x) \\\\ {b} +1 -1 . ! \\& \\`code\\`',
    );
    expect(md).toContain('**Collect:** Line one Line two - \\[ \\] item indented\n');
    expect(md).toContain(
      '**Contact:** Send key XXXXX-XXXXX-XXXXX-XXXXX-2YT43 to \\<b\\>admin@corp.example.com\\</b\\>',
    );
  });

  it('escapes a block marker at the start of a text, and leaves the same characters alone elsewhere', () => {
    const cases: [string, string][] = [
      ['# Injected heading', '\\# Injected heading'],
      ['###### Six', '\\#\\#\\#\\#\\#\\# Six'],
      ['- [ ] item', '\\- \\[ \\] item'],
      ['+ item', '\\+ item'],
      ['-', '\\-'],
      ['= rule', '\\= rule'],
      ['1. item', '1\\. item'],
      ['123456789) item', '123456789\\) item'],
      ['> quote', '\\> quote'],
      ['* item', '\\* item'],
      ['---', '\\---'],
      ['-- -', '\\-- -'],
      ['-1 leads', '\\-1 leads'],
      ['#tag -1 +1 1.5 (a) # b', '#tag -1 +1 1.5 (a) # b'],
    ];
    for (const [text, want] of cases) {
      const f = structuredClone(flows) as Record<string, Flow>;
      const first = f.main!.nodes.find((n) => n.id === 'start') as Extract<
        Flow['nodes'][number],
        { kind: 'yesno' }
      >;
      first.text.en = text;
      const md = render(drive(f, 'main', ['no']), { flows: f });
      expect(md).toContain(`## Step 1\n\n${want}\n\n**Answer:** No`);
    }
  });

  it('fences a command with a fence longer than any backtick run in it, keys masked', () => {
    const { blocks } = split(render(walked, { flows: hostile }));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.fence).toBe('`````');
    expect(blocks[0]!.body).toEqual([
      'echo ````',
      '```',
      'slmgr /skms kms01.corp.example.com:1688 && slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-2YT43 && ping 10.20.30.40',
    ]);
  });

  it('escapes and masks answers and ids it cannot resolve', () => {
    const md = render(strange, { flows: hostile });
    expect(md).toContain('- **Error code:** 0xC004F038\\](javascript:x)');
    expect(md).not.toContain('**Message:**');
    expect(md).toContain('**Answer:** \\](javascript:x) \\<script\\>alert(1)\\</script\\> (T+0)');
    expect(md).toContain('**Answer:** \\[click\\](javascript:x) \\<img src=x onerror=alert(1)\\> (T+1)');
    expect(md).toContain(
      '## Step 3\n\ngone / ask\\`me\\`\n\n**Answer:** a b \\| c \\`\\`\\` XXXXX-XXXXX-XXXXX-XXXXX-2YT43 (T+2)',
    );
    expect(md).toContain('kms01.corp.example.com or 192.168.1.10, not slmgr.vbs');
  });

  it.each([
    [
      'the way the key checker does: the key itself, upper case, not the word before it',
      'Enter w269n wfgwx yvc9b 4j6c9 t83gx now',
      '**Answer:** Enter XXXXX-XXXXX-XXXXX-XXXXX-T83GX now (T+0)',
    ],
    [
      'typed with Cyrillic look-alikes like any other',
      'ключ NPPR9-FWDCX-D2\u04218J-H872K-2Y\u042243',
      '**Answer:** ключ XXXXX-XXXXX-XXXXX-XXXXX-2YT43 (T+0)',
    ],
  ])('masks a key in an answer %s', (_, answer, line) => {
    const said: SessionRecord = {
      ...walked,
      state: {
        v: 1,
        trail: [
          { flow: 'main', node: 'start', answer, at: T0 },
          { flow: 'main', node: 'edition' },
        ],
      },
    };
    expect(render(said, { flows: hostile })).toContain(line);
  });

  it('escapes a typed label and notes, masks keys in them, and keeps each on one line', () => {
    const md = render(noted, { flows: hostile });
    const want = (what: string) =>
      `\\# ${what} \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:x) XXXXX-XXXXX-XXXXX-XXXXX-2YT43 - \\[ \\] item \\> quote \\| a \\\`b\\\` gnp.exe`;
    expect(md).toContain(`- **Machine or ticket:** ${want('PC-042')}\n`);
    expect(md).toContain(`**Note:** ${want('note')}\n`);
    expect(md).toContain('**Note:** \\---\n');
    expect(md).toContain('**Note:** 1\\. kms01.corp.example.com 10.20.30.40\n');
    expect(md).not.toContain('\u202E');
  });

  it('hides host names and addresses in a label and notes with hideHosts', () => {
    const md = render({ ...noted, label: 'kms01.corp.example.com' }, { flows: hostile, hideHosts: true });
    expect(md).toContain('- **Machine or ticket:** \\<host\\>\n');
    expect(md).toContain('**Note:** 1\\. \\<host\\> \\<host\\>\n');
  });

  it('hides host names and IPv4 addresses in answers and commands with hideHosts', () => {
    const md = render(strange, { flows: hostile, hideHosts: true });
    expect(md).toContain('**Answer:** see \\<host\\> or \\<host\\>, not slmgr.vbs (T+3)');
    expect(md).toContain(
      'slmgr /skms <host>:1688 && slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-2YT43 && ping <host>\n',
    );
    expect(md).not.toMatch(/kms01|10\\?\.20|192\\?\.168/);
    // Flow texts are not answers: an address written by the flow's author stays.
    expect(render(walked, { flows: hostile, hideHosts: true })).toContain('admin@corp.example.com');
  });
});

describe('summary, label, notes and time zone', () => {
  const escalated = drive(flows, 'main', ['no', 'no', 'no'], { code: '0xC004F038' });

  it('opens with a one-line summary of what the session found: the outcome and the answer that led there', () => {
    const lines = render(escalated).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '# Windows activation troubleshooting',
      '',
      '**Summary:** 0xC004F038 · Escalated · Too low. · Is the host reachable? No',
    ]);
    expect(render(escalated, { lang: 'ru', labels: RU }).split('\n')[2]).toBe(
      '**Кратко:** 0xC004F038 · Передано · Слишком мало. · Узел доступен? Нет',
    );
    // The catalog's cause is the code's likely cause, listed with the code, not the finding.
    expect(lines.slice(4, 7)).toEqual([
      '- **Error code:** 0xC004F038',
      '- **Message:** The count is insufficient.',
      '- **Likely cause:** Count too low.',
    ]);
    expect(lines[2]).not.toContain('Count too low.');
  });

  it('names the failing check, not the "Yes" that followed it (the command ran, the fix worked)', () => {
    const ended = drive(flows, 'main', ['no', 'yes'], { code: '0xC004F038' });
    const start = flows.main!.nodes.find((n) => n.id === 'start')!;
    const summary = render(ended).split('\n')[2]!;
    expect(summary).toMatch(/ · [^·]+ No$/);
    expect(summary).toContain(start.kind === 'link' ? '' : start.text.en);
  });

  it('names the fix and the answer that led to it for a fixed session', () => {
    const fixed = drive(flows, 'main', ['client', 30, 'fixed'], { node: 'edition', code: '0xC004F038' });
    expect(render(fixed).split('\n')[2]).toBe(
      '**Summary:** 0xC004F038 · Resolved · Activate. · What is the count? 30',
    );
    expect(render(fixed, { lang: 'ru', labels: RU }).split('\n')[2]).toBe(
      '**Кратко:** 0xC004F038 · Решено · Активируйте. · Какое значение счётчика? 30',
    );
  });

  it('names the step a session in progress stands at, and the last answer; no code and no cause said so', () => {
    expect(render(drive(flows, 'main', ['yes']))).toContain(
      '\n**Summary:** No error code · In progress · Now at step 2: Which edition? · Did you see 0xC004F038? Yes\n',
    );
    expect(render(drive(flows, 'main', ['yes']), { lang: 'ru', labels: RU })).toContain(
      '\n**Кратко:** Без кода ошибки · В работе · Сейчас на шаге 2: Какой выпуск? · Вы видели 0xC004F038? Да\n',
    );
    const unknown = render(drive(flows, 'main', [], { code: '0x80070005' }));
    expect(unknown).toContain(
      '\n**Summary:** 0x80070005 · In progress · Now at step 1: Did you see 0xC004F038?\n',
    );
    expect(unknown).not.toContain('Likely cause');
  });

  it('names a resolved outcome that did not help by where it led, and "Still failing" as the deciding answer', () => {
    const record = drive(flows, 'other', ['yes', 'failing'], { code: '0xC004F074' });
    expect(render(record).split('\n')[2]).toBe(
      '**Summary:** 0xC004F074 · Escalated · Escalate. · Retry. — Still failing',
    );
  });

  it('lists the label first, and each note under its step, in both languages', () => {
    const record: SessionRecord = {
      ...escalated,
      label: 'PC-042 / INC-1234',
      notes: { 0: 'Checked on the console.', 3: 'Sent to the KMS team.', 9: 'no such step' },
    };
    const md = render(record);
    expect(md).toContain(
      '**Summary:** 0xC004F038 · Escalated · Too low. · Is the host reachable? No\n\n- **Machine or ticket:** PC-042 / INC-1234\n- **Error code:** 0xC004F038',
    );
    expect(md).toContain(
      '## Step 1\n\nDid you see 0xC004F038?\n\n**Answer:** No (T+1)\n\n**Note:** Checked on the console.\n',
    );
    expect(md).toContain('## Step 2\n\nRun the command.');
    expect(md).not.toMatch(/## Step 2[^#]*Note/);
    expect(md.trimEnd().endsWith('**Collect:** slmgr /dli output.\n\n**Note:** Sent to the KMS team.')).toBe(
      true,
    );
    expect(md).not.toContain('no such step');
    const ru = render(record, { lang: 'ru', labels: RU });
    expect(ru).toContain('- **Компьютер или заявка:** PC-042 / INC-1234');
    expect(ru).toContain('**Ответ:** Нет (T+1)\n\n**Заметка:** Checked on the console.');
    // Without them nothing changes.
    expect(render(escalated)).not.toMatch(/Machine or ticket|Note/);
  });

  it('writes every time in the given zone with its offset, and names the zone', () => {
    const record = drive(flows, 'main', ['yes'], { code: '0xC004F038' });
    const md = toMarkdown({
      record,
      flows,
      catalog: codes,
      lang: 'en',
      labels: EN,
      timeZone: 'Europe/Moscow',
    });
    expect(md).toContain('- **Started:** 2026-11-23 17:05:00 UTC+03:00');
    expect(md).toContain('- **Last step:** 2026-11-23 17:06:00 UTC+03:00');
    expect(md).toContain('- **Time zone:** Europe/Moscow');
    expect(md).toContain('**Answer:** Yes (2026-11-23 17:06:00 UTC+03:00)');
    const ru = toMarkdown({
      record,
      flows,
      catalog: codes,
      lang: 'ru',
      labels: RU,
      timeZone: 'Asia/Kolkata',
    });
    expect(ru).toContain('- **Начало:** 2026-11-23 19:35:00 UTC+05:30');
    expect(ru).toContain('- **Часовой пояс:** Asia/Kolkata');
    expect(ru).toContain('**Ответ:** Да (2026-11-23 19:36:00 UTC+05:30)');
  });

  it('gives each time the offset it had, across a daylight saving change', () => {
    const summer = Date.UTC(2026, 6, 1, 12, 0, 0);
    const record: SessionRecord = {
      ...drive(flows, 'main', ['yes']),
      startedAt: summer,
    };
    const md = render(record, { formatTime: undefined, timeZone: 'America/New_York' });
    expect(md).toContain('- **Started:** 2026-07-01 08:00:00 UTC-04:00');
    expect(md).toContain('- **Last step:** 2026-11-23 09:06:00 UTC-05:00');
    expect(md).toContain('- **Time zone:** America/New\\_York');
  });

  it('names UTC by default and for a zone it does not know; a caller formatting times names none', () => {
    const record = drive(flows, 'main', ['yes']);
    const utc = toMarkdown({ record, flows, catalog: codes, lang: 'en', labels: EN });
    expect(utc).toContain('- **Started:** 2026-11-23 14:05:00 UTC\n');
    expect(utc).toContain('- **Time zone:** UTC\n');
    const unknown = toMarkdown({
      record,
      flows,
      catalog: codes,
      lang: 'en',
      labels: EN,
      timeZone: 'Mars/Olympus',
    });
    expect(unknown).toContain('- **Started:** 2026-11-23 14:05:00 UTC\n');
    expect(unknown).toContain('- **Time zone:** UTC\n');
    expect(render(record)).not.toContain('Time zone');
  });
});

describe('shareTitle', () => {
  it('shares a label with its keys masked, on one line, without bidi controls that reorder it', () => {
    const label = 'PC-042\u202Etxt.exe\u202C \u2066x\u2069\u200F\nNPPR9-FWDCX-D2C8J-H872K-2YT43';
    expect(shareTitle('Transcript', label)).toBe(
      'Transcript — PC-042txt.exe x XXXXX-XXXXX-XXXXX-XXXXX-2YT43',
    );
    expect(shareTitle('Transcript', '\u202E ')).toBe('Transcript');
    expect(shareTitle('Transcript')).toBe('Transcript');
  });
});

describe('transcriptFileName', () => {
  const base = drive(flows, 'main', ['yes'], { code: '0xC004F074' });
  const local = new Date(2026, 10, 23, 14, 5).getTime();

  it('names the file after the code and the local start time', () => {
    expect(transcriptFileName({ ...base, startedAt: local })).toBe(
      'activation-0xC004F074-2026-11-23-1405.md',
    );
  });

  it('uses only safe characters, and leaves a missing code out', () => {
    const { code: _code, ...noCode } = base;
    expect(transcriptFileName({ ...noCode, startedAt: local })).toBe('activation-2026-11-23-1405.md');
    const odd = transcriptFileName({ ...base, code: '../<x>/\u0000 ' + KEY, startedAt: local });
    expect(odd).toMatch(/^[A-Za-z0-9.-]+$/);
    expect(odd).not.toMatch(/2YT43/);
    expect(transcriptFileName({ ...base, startedAt: 9e15 })).toBe('activation-0xC004F074.md');
  });
});

describe('facts read from console output', () => {
  const record = {
    ...drive(flows, 'main', ['yes']),
    facts: {
      kmsHost: {
        value: 'kms01.corp.example.com',
        line: 'KMS machine name from DNS: kms01.corp.example.com:1688',
      },
      kmsIp: { value: '10.20.30.40', line: 'KMS machine IP address: 10.20.30.40' },
      tcpTestSucceeded: { value: false, line: 'TcpTestSucceeded : False' },
    },
  };
  it('lists each fact in words, with the line that shows it, in both languages', () => {
    const md = render(record);
    expect(md).toContain('## Read from console output');
    expect(md).toContain(
      '- **KMS host:** kms01.corp.example.com (KMS machine name from DNS: kms01.corp.example.com:1688)',
    );
    expect(md).toContain('- **TCP port test succeeded:** No (TcpTestSucceeded : False)');
    expect(md).not.toMatch(/kmsHost|tcpTestSucceeded/);
    const ru = render(record, { lang: 'ru', labels: RU });
    expect(ru).toContain('## Прочитано из вывода консоли');
    expect(ru).toContain(
      '- **Узел KMS:** kms01.corp.example.com (KMS machine name from DNS: kms01.corp.example.com:1688)',
    );
    expect(ru).toContain('- **IP-адрес узла KMS:** 10.20.30.40 (KMS machine IP address: 10.20.30.40)');
    expect(ru).toContain('- **Проверка TCP-порта прошла:** Нет (TcpTestSucceeded : False)');
  });

  it('shows the slmgr option that succeeded as its command, in either language', () => {
    const done = {
      ...record,
      facts: {
        succeeded: {
          value: 'ipk',
          line: 'Installed product key XXXXX-XXXXX-XXXXX-XXXXX-T83GX successfully.',
        },
      },
    };
    expect(render(done)).toContain(
      '- **Completed successfully:** slmgr /ipk (Installed product key XXXXX-XXXXX-XXXXX-XXXXX-T83GX successfully.)',
    );
    expect(render(done, { lang: 'ru', labels: RU })).toContain('- **Успешно выполнено:** slmgr /ipk (');
  });

  it("the app's own labels name every fact in words, in English and Russian", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      ns: ['common'],
      defaultNS: 'common',
      resources: {
        en: { common: { ...enCommon, ...enScreens } },
        ru: { common: { ...ruCommon, ...ruScreens } },
      },
      interpolation: { escapeValue: false },
    });
    const en = transcriptLabels(i18n.getFixedT('en') as unknown as Translate);
    const ru = transcriptLabels(i18n.getFixedT('ru') as unknown as Translate);
    for (const name of FACT_NAMES) {
      expect(en.factNames[name], name).toMatch(/^[A-Z][^.]*$/);
      expect(ru.factNames[name], name).toMatch(/[А-ЯЁа-яё]/);
    }
    expect(en.factValues.licenseStatus['initial-grace']).toBe('Initial grace period');
    expect(ru.factValues.kmsHostFrom.dns).toBe('найден через DNS');
    expect(toMarkdown({ record, flows, catalog: codes, lang: 'ru', labels: ru })).toContain(
      '- **Проверка TCP-порта прошла:** Нет (TcpTestSucceeded : False)',
    );
  });

  it("translates the reader's own words for a value: a licence state, where the host came from", () => {
    const states: SessionRecord = {
      ...record,
      facts: {
        licenseStatus: { value: 'initial-grace', line: 'License Status: Initial grace period' },
        kmsHostFrom: { value: 'registered', line: 'Registered KMS machine name: kms01:1688' },
        dnsFailure: { value: 'not-found', line: "*** UnKnown can't find _vlmcs._tcp: Non-existent domain" },
      },
    };
    const md = render(states);
    expect(md).toContain('- **License status:** Initial grace period (License Status: Initial grace period)');
    expect(md).toContain('- **KMS host taken from:** set with slmgr /skms');
    expect(md).toContain('- **DNS lookup failed:** name not found');
    const ru = render(states, { lang: 'ru', labels: RU });
    expect(ru).toContain('- **Состояние лицензии:** Начальный льготный период');
    expect(ru).toContain('- **Откуда взят узел KMS:** задан командой slmgr /skms');
    expect(ru).toContain('- **Ошибка DNS-запроса:** имя не найдено');
    expect(ru).not.toMatch(/initial-grace|registered|not-found/);
  });

  it('reads a list fact as a comma-separated list, SRV records as host:port', () => {
    const lists: SessionRecord = {
      ...record,
      facts: {
        warnings: {
          value: ['Name resolution of kms01 failed', 'Ping to 10.20.30.40 failed'],
          line: 'WARNING: Name resolution of kms01 failed',
        },
        srv: {
          value: [
            { target: 'kms01.corp.example.com', port: 1688, priority: 0, weight: 0 },
            { target: 'kms02.corp.example.com', port: 1688, priority: 10, weight: 0 },
          ],
          line: 'svr hostname   = kms01.corp.example.com',
        },
      },
    };
    const md = render(lists);
    expect(md).toContain(
      '- **Warnings:** Name resolution of kms01 failed, Ping to 10.20.30.40 failed (WARNING: Name resolution of kms01 failed)',
    );
    expect(md).toContain(
      '- **SRV records:** kms01.corp.example.com:1688, kms02.corp.example.com:1688 (svr hostname = kms01.corp.example.com)',
    );
    expect(md).not.toMatch(/[[{"]/);
    expect(render(lists, { lang: 'ru', labels: RU })).toContain(
      '- **Предупреждения:** Name resolution of kms01 failed, Ping to 10.20.30.40 failed',
    );
  });

  it('leaves host names and addresses out of facts and their lines when asked', () => {
    const md = render(record, { hideHosts: true });
    expect(md).not.toMatch(/kms01|10\.20\.30\.40/);
    expect(md).toContain('- **KMS host IP address:** \\<host\\>');
    // A one-label name is no FQDN, yet as a host's fact it goes too, from its line as well.
    const short = render(
      { ...record, facts: { kmsHost: { value: 'kms01', line: 'Registered KMS machine name: kms01:1688' } } },
      { hideHosts: true },
    );
    expect(short).toContain('- **KMS host:** \\<host\\> (Registered KMS machine name: \\<host\\>:1688)');
    expect(short).not.toContain('kms01');
  });
});

describe('what the session found, with the commands as run', () => {
  // A port test like kms-connect's: the answer can come from pasted Test-NetConnection output.
  const port: Flow = {
    title: { en: 'KMS port', ru: 'Порт KMS' },
    start: 'test-port',
    nodes: [
      {
        id: 'test-port',
        kind: 'action',
        text: {
          en: 'From the client, test TCP port 1688 on the KMS host (PowerShell).',
          ru: 'Проверьте с клиента TCP-порт 1688 на узле KMS (PowerShell).',
        },
        command: {
          run: 'Test-NetConnection -ComputerName <KMS host FQDN> -Port 1688',
          shell: 'powershell',
          elevated: false,
        },
        expect: { en: 'TcpTestSucceeded : True.', ru: 'TcpTestSucceeded : True.' },
        ask: { en: 'Does it show TcpTestSucceeded : True?', ru: 'Получено TcpTestSucceeded : True?' },
        reads: { fact: 'tcpTestSucceeded', answers: { yes: [true], no: [false] } },
        yes: 'activate',
        no: 'network-path',
      },
      {
        id: 'activate',
        kind: 'outcome',
        result: 'resolved',
        text: { en: 'Activate against the host.', ru: 'Активируйте через узел.' },
        command: { run: 'slmgr /skms <KMS host FQDN>:<port> && slmgr /ato', shell: 'cmd', elevated: true },
        failed: 'network-path',
      },
      {
        id: 'network-path',
        kind: 'outcome',
        result: 'escalate',
        text: { en: 'Something on the way blocks TCP 1688.', ru: 'TCP 1688 блокирует что-то по пути.' },
        collect: { en: 'The port test output.', ru: 'Результат проверки порта.' },
      },
    ],
  };
  const map: FlowMap = { port };
  const tnc = { value: false, line: 'TcpTestSucceeded       : False' };
  const host = {
    value: 'kms01.corp.example.com',
    line: 'KMS machine name from DNS: kms01.corp.example.com:1688',
  };
  const escalated: SessionRecord = {
    ...drive(map, 'port', ['no'], { code: '0xC004F074' }),
    facts: { tcpTestSucceeded: tnc, kmsHost: host },
  };

  it('names the escalation and the port test answered from pasted output, with the line it read', () => {
    expect(render(escalated, { flows: map }).split('\n')[2]).toBe(
      '**Summary:** 0xC004F074 · Escalated · Something on the way blocks TCP 1688. · Does it show TcpTestSucceeded : True? No (from output: TcpTestSucceeded : False)',
    );
    expect(render(escalated, { flows: map, lang: 'ru', labels: RU }).split('\n')[2]).toBe(
      '**Кратко:** 0xC004F074 · Передано · TCP 1688 блокирует что-то по пути. · Получено TcpTestSucceeded : True? Нет (из вывода: TcpTestSucceeded : False)',
    );
    // An answer the output did not give cites no line.
    const typed = { ...drive(map, 'port', ['no'], { code: '0xC004F074' }), facts: { kmsHost: host } };
    expect(render(typed, { flows: map }).split('\n')[2]).toBe(
      '**Summary:** 0xC004F074 · Escalated · Something on the way blocks TCP 1688. · Does it show TcpTestSucceeded : True? No',
    );
  });

  it('writes each command with the host the session knows filled in, and leaves unknown placeholders', () => {
    const md = render(escalated, { flows: map });
    expect(md).toContain('```\nTest-NetConnection -ComputerName kms01.corp.example.com -Port 1688\n```');
    const fixed = { ...drive(map, 'port', ['yes', 'fixed']), facts: { kmsHost: host } };
    // The port is not known: it stays a placeholder to type.
    expect(render(fixed, { flows: map })).toContain(
      '```\nslmgr /skms kms01.corp.example.com:<port> && slmgr /ato\n```',
    );
    const bare = drive(map, 'port', []);
    expect(render(bare, { flows: map })).toContain(
      '```\nTest-NetConnection -ComputerName <KMS host FQDN> -Port 1688\n```',
    );
  });

  it('hides a filled-in host, a name or an IPv6 address, when hosts are left out', () => {
    const hidden = render(escalated, { flows: map, hideHosts: true });
    expect(hidden).toContain('```\nTest-NetConnection -ComputerName <host> -Port 1688\n```');
    expect(hidden).not.toContain('kms01');
    // A one-label name is no FQDN, yet filled in it is hidden too.
    const short = { ...escalated, facts: { kmsHost: { value: 'kms01', line: 'KMS machine name: kms01' } } };
    expect(render(short, { flows: map, hideHosts: true })).toContain('-ComputerName <host> -Port 1688');
    const v6 = {
      ...drive(map, 'port', ['yes', 'fixed']),
      facts: {
        kmsHost: { value: 'fd00::1688', line: 'KMS machine IP address: fd00::1688' },
        kmsPort: { value: 1688, line: 'Port: 1688' },
      },
    };
    expect(render(v6, { flows: map })).toContain('slmgr /skms [fd00::1688]:1688 && slmgr /ato');
    const hiddenV6 = render(v6, { flows: map, hideHosts: true });
    expect(hiddenV6).toContain('slmgr /skms <host>:1688 && slmgr /ato');
    // The fact and its line too; PowerShell's [Type]::Member and times are no addresses.
    expect(hiddenV6).toContain('- **KMS host:** \\<host\\> (KMS machine IP address: \\<host\\>)');
    expect(hiddenV6).not.toContain('fd00');
    const ps: Flow = {
      ...port,
      nodes: port.nodes.map((n) =>
        n.kind === 'action'
          ? {
              ...n,
              command: {
                ...n.command,
                run: '[Math]::Abs(-1); Test-NetConnection <KMS host FQDN> -Port 1688 # 17:05:09',
              },
            }
          : n,
      ),
    };
    expect(render(v6, { flows: { port: ps }, hideHosts: true })).toContain(
      '[Math]::Abs(-1); Test-NetConnection <host> -Port 1688 # 17:05:09',
    );
  });
});

describe('facts of a branch gone back out of', () => {
  // main/start → yes → edition → client → count, where the session stands.
  const walked = drive(flows, 'main', ['yes', 'client']);
  const host = { value: 'kms01.corp.example.com', line: 'KMS machine name: kms01.corp.example.com' };
  const tnc = { value: false, line: 'TcpTestSucceeded : False' };

  it('leaves out a fact read on a branch the technician went back out of, and keeps those of the path', () => {
    const record: SessionRecord = {
      ...walked,
      facts: { kmsHost: { ...host, step: 1 }, tcpTestSucceeded: { ...tnc, step: 2, left: true } },
    };
    const md = render(record);
    expect(md).toContain('- **KMS host:** kms01.corp.example.com');
    expect(md).not.toContain('TcpTestSucceeded');
    expect(md).not.toContain('TCP port test');
    expect(render(record, { lang: 'ru', labels: RU })).not.toContain('Проверка TCP-порта');
  });

  it('leaves out a fact read at a step the trail no longer has', () => {
    const record: SessionRecord = {
      ...walked,
      facts: { kmsHost: { ...host, step: 0 }, tcpTestSucceeded: { ...tnc, step: 3 } },
    };
    const md = render(record);
    expect(md).toContain('- **KMS host:** kms01.corp.example.com');
    expect(md).not.toContain('TcpTestSucceeded');
  });

  it('still renders an older record whose facts carry no step, every fact listed', () => {
    // As stored by a version that did not record the step: read back through the record's checks.
    const stored: unknown = JSON.parse(
      JSON.stringify({ ...walked, facts: { kmsHost: host, tcpTestSucceeded: tnc } }),
    );
    const old = validateRecord(stored);
    expect(old?.facts?.kmsHost).toEqual(host);
    const md = render(old!);
    expect(md).toContain('- **KMS host:** kms01.corp.example.com (KMS machine name: kms01.corp.example.com)');
    expect(md).toContain('- **TCP port test succeeded:** No (TcpTestSucceeded : False)');
    expect(md.split('\n')[2]).toBe(
      '**Summary:** No error code · In progress · Now at step 3: What is the count? · Which edition? Client',
    );
  });
});
