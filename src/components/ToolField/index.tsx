import { useT } from '../../i18n/index.ts';
import './style.css';

// A key or a GUID with whatever was pasted around it fits in far less; a cap keeps every keystroke cheap.
const MAX_TOOL_INPUT = 200;

interface Props {
  id: string;
  /** Which checker: the label and placeholder are `tools:<tool>.label` and `.placeholder`. */
  tool: 'key' | 'code';
  describedBy: string;
  value: string;
  onInput: (value: string) => void;
}

/** The labelled monospace field of a checker tool, sized to show a whole key or code: no autocorrect, capitals, nothing remembered. */
export function ToolField({ id, tool, describedBy, value, onInput }: Props) {
  const { t } = useT();
  const placeholder = t(`tools:${tool}.placeholder`);
  return (
    <>
      <label for={id} class="tool-label">
        {t(`tools:${tool}.label`)}
      </label>
      <input
        id={id}
        class="field mono tool-field"
        type="text"
        inputMode="text"
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellcheck={false}
        placeholder={placeholder}
        style={{ '--chars': String(placeholder.length) }}
        maxLength={MAX_TOOL_INPUT}
        aria-describedby={describedBy}
        value={value}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
    </>
  );
}
