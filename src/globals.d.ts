declare const __APP_VERSION__: string;

/** Every flow's title by flow id, made at build time from flows/*.json (vite.config.ts). */
declare module 'virtual:flow-titles' {
  import type { Text } from './flow-format/schema.ts';
  const titles: Record<string, Text>;
  export default titles;
}
