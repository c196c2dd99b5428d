import './style.css';
interface Props {
  id: string;
  label: string;
  placeholder: string;
  describedBy: string;
  value: string;
  onInput: (value: string) => void;
}

/** The labelled monospace field of a checker tool: no autocorrect, capitals, nothing remembered by the browser. */
export function ToolField({ id, label, placeholder, describedBy, value, onInput }: Props) {
  return (
    <>
      <label for={id} class="tool-label">
        {label}
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
        aria-describedby={describedBy}
        value={value}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
    </>
  );
}
