import { memo } from '../../hooks/memo.ts';
import { useT } from '../../i18n/index.ts';
import './style.css';

// A key or a GUID with whatever was pasted around it fits in far less; a cap keeps every keystroke cheap.
const MAX_TOOL_INPUT = 200;

interface Props {
  id: string;
  /** Which checker: the label and placeholder are `tools:<tool>.label` and `.placeholder`. */
  tool: 'key' | 'code';
  describedBy: string;
  /** What the field holds when it appears; after that it is the user's, not re-rendered as they type. */
  initial: string;
  onInput: (value: string) => void;
}

/**
 * The labelled monospace field of a checker tool, sized to show a whole key or code: no autocorrect, capitals,
 * nothing remembered. Its props do not change as the user types, so a keystroke never renders it again.
 */
export const ToolField = memo(function ToolField({ id, tool, describedBy, initial, onInput }: Props) {
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
        defaultValue={initial}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
    </>
  );
});
