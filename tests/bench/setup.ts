/**
 * Installs the benchmark's own packages (Lighthouse, the SurveyJS peer) into tests/bench/node_modules on first
 * use, from tests/bench/package-lock.json, so that installing the app or running `npm test` never fetches them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const ready = ['lighthouse', 'chrome-launcher', 'survey-core', 'survey-js-ui'].every((p) =>
  existsSync(join(dir, 'node_modules', p, 'package.json')),
);
if (!ready) {
  console.log('Installing the benchmark’s packages into tests/bench/node_modules (once)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
