declare const __APP_VERSION__: string;

/** Every flow's title by flow id, made at build time from flows/*.json (vite.config.ts). */
declare module 'virtual:flow-titles' {
  const titles: Record<string, import('./flow-format/schema.ts').Text>;
  export default titles;
}
