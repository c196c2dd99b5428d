/** Lighthouse load measurements: performance category only, mobile defaults, median of several runs. */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from './browser.ts';
import { median, reason } from './stats.ts';
import type { LighthouseRun, LighthouseSummary } from './lighthouse-types.ts';

// The pages are served over HTTPS with a self-signed certificate (see tls.ts).
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--ignore-certificate-errors'];

/** Runs Lighthouse `runs` times on every target, interleaved, and returns the median figures per target. */
export async function measureLighthouse(
  targets: Record<string, string>,
  runs: number,
): Promise<Record<string, LighthouseSummary | { error: string }>> {
  process.env.CHROME_PATH = CHROMIUM;
  const collected: Record<string, { runs: LighthouseRun[]; errors: string[] }> = {};
  for (const name of Object.keys(targets)) collected[name] = { runs: [], errors: [] };
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    for (let i = 0; i < runs; i++)
      for (const [name, url] of Object.entries(targets)) {
        const slot = collected[name]!;
        try {
          const result = await lighthouse(url, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance'],
            formFactor: 'mobile',
          });
          if (!result) throw new Error('Lighthouse returned no result');
          const { lhr } = result;
          if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
          const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
          slot.runs.push({
            score: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
            fcp: num('first-contentful-paint'),
            lcp: num('largest-contentful-paint'),
            tbt: num('total-blocking-time'),
            cls: num('cumulative-layout-shift'),
            bytes: num('total-byte-weight'),
          });
        } catch (e) {
          slot.errors.push(reason(e));
        }
      }
  } finally {
    chrome.kill();
  }
  const out: Record<string, LighthouseSummary | { error: string }> = {};
  for (const [name, { runs: rs, errors }] of Object.entries(collected)) {
    if (rs.length === 0) {
      out[name] = { error: errors[0] ?? 'no run' };
      continue;
    }
    const pick = (k: keyof LighthouseRun) => median(rs.map((r) => r[k]));
    out[name] = {
      score: pick('score'),
      fcp: pick('fcp'),
      lcp: pick('lcp'),
      tbt: pick('tbt'),
      cls: pick('cls'),
      bytes: pick('bytes'),
      runs: rs,
      errors,
    };
  }
  return out;
}
