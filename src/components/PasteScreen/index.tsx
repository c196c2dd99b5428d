import { useMemo, useRef, useState } from 'preact/hooks';
import { copyText } from '../../clipboard.ts';
import { COLLECT_COMMAND } from '../../console/collect.ts';
import { diagnose, diagnoseOffice } from '../../flow/diagnose.ts';
import type { Diagnosis } from '../../flow/diagnose.ts';
import { factsOf } from '../../flow/facts.ts';
import type { KnownFact, KnownFacts } from '../../flow/facts.ts';
import type { FactName } from '../../console/types.ts';
import { factText, transcriptLabels } from '../../export/transcript.ts';
import { readConsole } from '../../console/reader.ts';
import type { Command } from '../../flow-format/schema.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useT } from '../../i18n/index.ts';
import { navigate } from '../../navigation.ts';
import type { StartState } from '../../session/entry.ts';
import { factsWithoutKeys } from '../../session/record.ts';
import { CommandBlock } from '../CommandBlock/index.tsx';
import { PhotoReader } from '../PhotoReader/index.tsx';
import './style.css';

const COLLECT: Command = { run: COLLECT_COMMAND, shell: 'powershell', elevated: false };
const MAX_PASTE = 1_000_000;

interface Read {
  facts: KnownFacts;
  diagnosis: Diagnosis | undefined;
  unread: number;
  /** Listed licences of other products or not in use (slmgr /dlv all): read, but left out of the facts. */
  aside: number;
  addOns: number;
  older: number;
}

/** Home's "Paste console output": what the output says, the likely problem with the lines that prove it, and where to start. */
export function PasteScreen() {
  const { t, lang } = useT();
  const catalog = useCatalog();
  const [text, setText] = useState('');
  const [read, setRead] = useState<Read | undefined>(undefined);
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  const onRead = (input: string = text) => {
    const result = readConsole(input);
    // No product key travels in the history entry the session starts from.
    const facts = factsWithoutKeys(factsOf(result.sections));
    // Office's output speaks for Office: Windows' output, where there is some, decides what Home says.
    const windows = result.sections.filter((s) => !s.kind.startsWith('ospp-'));
    const onlyOffice =
      windows.length < result.sections.length && !windows.some((s) => Object.keys(s.facts).length);
    // All of it Windows' output: its facts are the ones just read.
    const windowsFacts =
      windows.length === result.sections.length ? facts : factsWithoutKeys(factsOf(windows));
    const diagnosis = onlyOffice ? diagnoseOffice(facts) : diagnose(windowsFacts, catalog ?? []);
    setRead({
      facts,
      diagnosis,
      unread: result.unread.length,
      aside: result.sections.filter((s) => s.aside && s.aside !== 'add-on' && s.aside !== 'older').length,
      addOns: result.sections.filter((s) => s.aside === 'add-on').length,
      older: result.sections.filter((s) => s.aside === 'older').length,
    });
  };
  const start = (flow: string, node: string | undefined, state: StartState) =>
    navigate(node ? { name: 'flow', flow, node } : { name: 'flow', flow }, state);

  const d = read?.diagnosis;
  // Built once per language, not on every keystroke in the box.
  const labels = useMemo(() => transcriptLabels(t), [t]);
  return (
    <section class="stack paste-screen" aria-labelledby="paste-title">
      <h1 id="paste-title" tabIndex={-1}>
        {t('pasteScreen.title')}
      </h1>
      <p>{t('pasteScreen.intro')}</p>
      <div class="card stack">
        <label for="paste-console">{t('paste.label')}</label>
        <textarea
          ref={field}
          id="paste-console"
          class="field mono paste-field"
          rows={10}
          maxLength={MAX_PASTE}
          autoComplete="off"
          spellcheck={false}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        <button type="button" class="btn btn-primary" disabled={!text.trim()} onClick={() => onRead()}>
          {t('paste.read')}
        </button>
        <PhotoReader
          onText={(lines) => {
            setText(lines);
            onRead(lines);
            // The lines are the field's text now, where they can still be corrected: focus goes there.
            field.current?.focus();
          }}
        />
      </div>
      <div aria-live="polite">
        {read && (
          <section class="card stack diagnosis">
            {d && (
              <>
                <h2>
                  {d.entry
                    ? t('pasteScreen.finding.error-code', { code: d.entry.code })
                    : t(`pasteScreen.finding.${d.finding}`)}
                </h2>
                {d.entry && <p>{d.entry.cause[lang]}</p>}
                <p class="hint">{t('pasteScreen.evidence')}</p>
                {d.evidence.map((e) => (
                  <pre key={e.fact} class="mono evidence">
                    <code>{e.line}</code>
                  </pre>
                ))}
              </>
            )}
            {!d && <p>{Object.keys(read.facts).length ? t('pasteScreen.noFinding') : t('paste.nothing')}</p>}
            {/* Every fact read, in words, before the session starts on them. */}
            {Object.keys(read.facts).length > 0 && (
              <details class="facts-read">
                <summary>{t('pasteScreen.facts')}</summary>
                <dl>
                  {(Object.entries(read.facts) as Array<[FactName, KnownFact]>).map(([name, fact]) => (
                    <div key={name}>
                      <dt>{labels.factNames[name]}</dt>
                      <dd>{factText(name, fact.value, labels)}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
            {d?.flow ? (
              <button
                type="button"
                class="btn btn-primary"
                onClick={() =>
                  start(d.flow!, d.node, { ...(d.entry ? { code: d.entry.code } : {}), facts: read.facts })
                }
              >
                {t('pasteScreen.startHere')}
              </button>
            ) : (
              <button
                type="button"
                class="btn"
                onClick={() => start('no-code', undefined, { facts: read.facts })}
              >
                {t('pasteScreen.startNoCode')}
              </button>
            )}
            {read.aside > 0 && <p class="hint">{t('paste.aside', { count: read.aside })}</p>}
            {read.addOns > 0 && <p class="hint">{t('paste.addOn', { count: read.addOns })}</p>}
            {read.older > 0 && <p class="hint">{t('paste.older', { count: read.older })}</p>}
            {read.unread > 0 && <p class="hint">{t('paste.unread', { count: read.unread })}</p>}
          </section>
        )}
      </div>
      <section class="stack">
        <p>{t('pasteScreen.collectIntro')}</p>
        {/* Folded: the command is long, and the paste box above is what most visits are for; Copy works
            without unfolding it. */}
        <div class="choice-row">
          <button type="button" class="btn" aria-expanded={shown} onClick={() => setShown(!shown)}>
            {t('pasteScreen.showCommand')}
          </button>
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => void copyText(COLLECT.run).then(setCopied)}
          >
            {t(copied ? 'action.copied' : 'action.copy')}
          </button>
        </div>
        {shown && <CommandBlock command={COLLECT} />}
      </section>
    </section>
  );
}
