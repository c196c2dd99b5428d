import { useState } from 'preact/hooks';
import { typedValue } from '../../flow/facts.ts';
import type { KnownFacts, TypedFact } from '../../flow/facts.ts';
import { useT } from '../../i18n/index.ts';
import './style.css';

/** Type a value once (the KMS host, its port or address): it fills this command and every later one. */
export function FactField({ fact, onFacts }: { fact: TypedFact; onFacts: (facts: KnownFacts) => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const what = t(`placeholder.what.${fact}`);
  const id = `fact-${fact}`;
  const submit = (e: Event) => {
    e.preventDefault();
    const value = typedValue(fact, text);
    if (value === undefined) return setError(t('placeholder.invalid', { what }));
    onFacts({ [fact]: { value, line: `${what}: ${String(value)} (${t('placeholder.typed')})` } });
  };
  return (
    <form class="fact-field" onSubmit={submit} noValidate>
      <label for={id}>{t('placeholder.fill', { what })}</label>
      <div class="choice-row">
        <input
          id={id}
          class="field mono"
          type="text"
          inputMode={fact === 'kmsPort' ? 'numeric' : 'url'}
          autoComplete="off"
          autoCapitalize="off"
          spellcheck={false}
          maxLength={253}
          value={text}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => (setText((e.target as HTMLInputElement).value), setError(''))}
        />
        <button type="submit" class="btn">
          {t('placeholder.set')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
