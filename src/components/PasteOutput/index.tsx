import { useRef, useState } from 'preact/hooks';
import { factsOf } from '../../flow/facts.ts';
import type { KnownFacts } from '../../flow/facts.ts';
import { useT } from '../../i18n/index.ts';
import { PhotoReader } from '../PhotoReader/index.tsx';
import './style.css';

// The reader is its own chunk: the first screen never pays for it.
const loadReader = () => import('../../console/reader.ts');
const MAX_PASTE = 1_000_000;

/** "Paste output": the console text goes through the reader; the facts it finds go to the session. */
export function PasteOutput({ onFacts }: { onFacts: (facts: KnownFacts) => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [said, setSaid] = useState('');
  // The lines the facts were read from, shown, so what the session now knows can be checked.
  const [lines, setLines] = useState<string[]>([]);
  const field = useRef<HTMLTextAreaElement>(null);
  if (!open)
    return (
      <button type="button" class="btn btn-quiet paste-open" onClick={() => setOpen(true)}>
        {t('paste.open')}
      </button>
    );
  const read = async (input: string = text) => {
    const { readConsole } = await loadReader();
    const result = readConsole(input);
    const facts = factsOf(result.sections);
    const count = Object.keys(facts).length;
    // Other products' licences and those not in use (slmgr /dlv all) are read, but never stand for Windows.
    const aside = result.sections.filter(
      (s) => s.aside && s.aside !== 'add-on' && s.aside !== 'older',
    ).length;
    const addOns = result.sections.filter((s) => s.aside === 'add-on').length;
    const older = result.sections.filter((s) => s.aside === 'older').length;
    const lines = [
      count ? t('paste.facts', { count, sections: result.sections.length }) : t('paste.nothing'),
      ...(aside ? [t('paste.aside', { count: aside })] : []),
      ...(addOns ? [t('paste.addOn', { count: addOns })] : []),
      ...(older ? [t('paste.older', { count: older })] : []),
      ...(result.unread.length ? [t('paste.unread', { count: result.unread.length })] : []),
    ];
    setSaid(lines.join(' '));
    setLines([...new Set(Object.values(facts).map((f) => f.line))].filter(Boolean));
    if (count) onFacts(facts);
  };
  return (
    <div class="paste stack">
      <label for="paste-output">{t('paste.label')}</label>
      <textarea
        ref={field}
        id="paste-output"
        class="field mono paste-field"
        rows={6}
        maxLength={MAX_PASTE}
        autoComplete="off"
        spellcheck={false}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <div class="choice-row">
        <button type="button" class="btn btn-primary" disabled={!text.trim()} onClick={() => void read()}>
          {t('paste.read')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={() => setOpen(false)}>
          {t('paste.close')}
        </button>
      </div>
      <PhotoReader
        onText={(lines) => {
          setText(lines);
          void read(lines);
          // The lines are the field's text now, where they can still be corrected: focus goes there.
          field.current?.focus();
        }}
      />
      <p class="hint" role="status" aria-live="polite">
        {said}
      </p>
      {lines.length > 0 && (
        <>
          <p class="hint">{t('paste.readFrom')}</p>
          <pre class="mono paste-read">
            <code>{lines.join('\n')}</code>
          </pre>
        </>
      )}
    </div>
  );
}
