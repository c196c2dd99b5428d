/** `npm run icons`: renders public/icons/*.svg to the PNG sizes the manifest and iOS need (Debian's Chromium). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/support/chromium.ts';

const dir = join(import.meta.dirname, '../../public/icons');
const targets: Array<[svg: string, png: string, size: number]> = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['maskable.svg', 'maskable-512.png', 512],
  ['maskable.svg', 'apple-touch-icon.png', 180],
  ['icon.svg', 'favicon-32.png', 32],
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const [svg, png, size] of targets) {
  const src = `data:image/svg+xml;base64,${readFileSync(join(dir, svg)).toString('base64')}`;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>*{margin:0}</style><img src="${src}" width="${size}" height="${size}">`);
  writeFileSync(join(dir, png), await page.screenshot({ omitBackground: true }));
}
await browser.close();
