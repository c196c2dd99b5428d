import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../i18n/index.ts';

/** A checker tool's page: its title (`tools:<tool>.title`), its introduction, then the tool itself. */
export function ToolPage({ tool, children }: { tool: 'key' | 'code'; children: ComponentChildren }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Loaded on demand, the page can appear after the shell looked for a heading to focus.
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, []);
  return (
    <section class={`stack tool ${tool}-checker`} aria-labelledby={`${tool}-title`}>
      <h1 id={`${tool}-title`} ref={heading} tabIndex={-1}>
        {t(`tools:${tool}.title`)}
      </h1>
      <p>{t(`tools:${tool}.intro`)}</p>
      {children}
    </section>
  );
}
