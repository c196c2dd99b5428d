import { describe, expect, it } from 'vitest';
import { splitStepText } from '../../src/components/StepCard/heading.ts';
import { loadChecked } from '../support/flows.ts';

const { flows } = loadChecked('flows');

describe('step headings on a phone', () => {
  it('keeps a short text whole', () => {
    expect(splitStepText('Is the KMS host reachable?')).toEqual({ heading: 'Is the KMS host reachable?' });
  });

  it('makes the closing question the heading, with what leads to it before', () => {
    const text =
      'The client could not find a KMS host through DNS, and the lookup returned no record at all. Does your organization run a KMS host?';
    expect(splitStepText(text)).toEqual({
      before: 'The client could not find a KMS host through DNS, and the lookup returned no record at all.',
      heading: 'Does your organization run a KMS host?',
    });
  });

  it('makes the first instruction the heading, with the rest after it; in Russian too', () => {
    const ru =
      'Сначала очистите DNS. В диспетчере DNS откройте папку _tcp вашего домена и просмотрите записи _VLMCS. Удалите только те, что указывают на выведенный узел.';
    expect(splitStepText(ru)).toEqual({
      heading: 'Сначала очистите DNS.',
      after:
        'В диспетчере DNS откройте папку _tcp вашего домена и просмотрите записи _VLMCS. Удалите только те, что указывают на выведенный узел.',
    });
  });

  it('never splits inside a command or a file name, and loses no word of any real step', () => {
    expect(
      splitStepText(
        'Run slmgr.vbs /dlv and read the Description line. It names the channel, e.g. VOLUME_KMSCLIENT, RETAIL or OEM_DM.',
      ),
    ).toEqual({
      heading: 'Run slmgr.vbs /dlv and read the Description line.',
      after: 'It names the channel, e.g. VOLUME_KMSCLIENT, RETAIL or OEM_DM.',
    });
    for (const [id, flow] of Object.entries(flows))
      for (const node of flow.nodes) {
        if (node.kind === 'link') continue;
        for (const lang of ['en', 'ru'] as const) {
          const text = node.text[lang].trim().replace(/\s+/g, ' ');
          const { before, heading, after } = splitStepText(node.text[lang]);
          expect(
            [before, heading, after].filter(Boolean).join(' ').replace(/\s+/g, ' '),
            `${id}/${node.id}`,
          ).toBe(text);
          expect(heading.length, `${id}/${node.id} ${lang}`).toBeGreaterThan(0);
        }
      }
  });
});
