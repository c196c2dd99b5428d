/// <reference types="vitest/config" />
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { checkAll, formatProblem } from './src/engine/check.ts';
import { loadFlowDir } from './src/cli/load-flows.ts';

const FLOWS_DIR = join(import.meta.dirname, 'flows');

/** Fails the build (and warns in dev) when any flow or the catalog has a problem. */
function flowsCheck(): Plugin {
  const run = () => {
    const { flows, catalog } = loadFlowDir(process.env.FLOWS_DIR ?? FLOWS_DIR, import.meta.dirname);
    return checkAll(flows, catalog).problems.map(formatProblem);
  };
  return {
    name: 'flows-check',
    buildStart() {
      const problems = run();
      if (problems.length) this.error(`flow check failed:\n${problems.join('\n')}`);
    },
  };
}

export default defineConfig({
  root: 'src',
  publicDir: '../public',
  build: { outDir: '../dist', emptyOutDir: true },
  plugins: [flowsCheck(), preact()],
  test: {
    root: import.meta.dirname,
    include: ['tests/unit/**/*.test.ts', 'tests/flows/**/*.test.ts'],
    environment: 'node',
  },
});
