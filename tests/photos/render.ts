/**
 * Makes the photo test set: real console outputs from tests/fixtures/console drawn as the consoles draw
 * them (cmd, PowerShell, the slmgr dialog box), then the same pictures through photo-like distortions
 * (perspective, blur, uneven light, noise, JPEG), all deterministic. Writes the PNGs of tests/photos/set.ts
 * to tests/fixtures/photos. Run: npx tsx tests/photos/render.ts
 */
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';
import { consoleText } from './read.ts';
import { PHOTO_SET } from './set.ts';
import type { Look, Distortion } from './set.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'photos');

// The consoles' colours (cmd's and Windows Terminal's Campbell scheme; Windows PowerShell 5's blue) and a
// monospace face of the same cell shape as Consolas; the dialog box in a proportional face on the system grey.
const LOOKS: Record<Look, string> = {
  cmd: "background:#0c0c0c;color:#cccccc;font:16px/1.2 'DejaVu Sans Mono',monospace;white-space:pre;padding:8px",
  powershell:
    "background:#012456;color:#eeedf0;font:16px/1.2 'DejaVu Sans Mono',monospace;white-space:pre;padding:8px",
  dialog:
    "background:#ffffff;color:#000000;font:14px/1.35 'DejaVu Sans',sans-serif;white-space:pre-wrap;width:420px;padding:18px 20px 56px;border:1px solid #888;box-shadow:inset 0 -44px 0 #f0f0f0",
};

function distortionCss(d: Distortion): string {
  if (d === 'clean') return '';
  return 'transform:perspective(900px) rotateY(8deg) rotateX(5deg) rotateZ(-1.5deg);filter:blur(0.7px)';
}

/** Device pixels per CSS pixel of a photo: a 12-megapixel phone across a console is about 2 of them. */
const PHONE_SCALE = 2;

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // A screenshot has the screen's pixels; a phone's photo of the same text has about twice as many across.
  const screen = await browser.newPage({ viewport: { width: 1100, height: 1400 }, deviceScaleFactor: 1 });
  const phone = await browser.newPage({
    viewport: { width: 1100, height: 1400 },
    deviceScaleFactor: PHONE_SCALE,
  });
  for (const item of PHOTO_SET) {
    const page = item.distortion === 'clean' ? screen : phone;
    const text = consoleText(item.source).replace(/\n+$/, '');
    await page.setContent(
      `<body style="margin:0;background:#333;display:inline-block;padding:${item.distortion === 'clean' ? 0 : 40}px">
        <div id="shot" style="position:relative;display:inline-block;${distortionCss(item.distortion)}">
          <div id="screen" style="${LOOKS[item.look]}"></div>
          <canvas id="light" style="position:absolute;inset:0;width:100%;height:100%;pointer-events:none"></canvas>
        </div></body>`,
    );
    await page.evaluate(
      ({ text, photo }) => {
        document.getElementById('screen')!.textContent = text;
        if (!photo) return;
        // Uneven light: a bright patch of glare and a darker edge; then grain, the same on every run.
        const c = document.getElementById('light') as HTMLCanvasElement;
        const r = c.getBoundingClientRect();
        c.width = Math.ceil(r.width * devicePixelRatio);
        c.height = Math.ceil(r.height * devicePixelRatio);
        const g = c.getContext('2d')!;
        const glare = g.createRadialGradient(
          c.width * 0.7,
          c.height * 0.3,
          0,
          c.width * 0.7,
          c.height * 0.3,
          c.width * 0.6,
        );
        glare.addColorStop(0, 'rgba(255,255,255,0.22)');
        glare.addColorStop(1, 'rgba(0,0,0,0.18)');
        g.fillStyle = glare;
        g.fillRect(0, 0, c.width, c.height);
        const img = g.getImageData(0, 0, c.width, c.height);
        // A seeded generator inline (no named function: the page has no helpers of the script runner).
        let seed = 12345;
        for (let i = 0; i < img.data.length; i += 4) {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          const n = (seed / 4294967296 - 0.5) * 60;
          img.data[i] = img.data[i + 1] = img.data[i + 2] = n > 0 ? 255 : 0;
          img.data[i + 3] = Math.max(img.data[i + 3]!, Math.abs(n));
        }
        g.putImageData(img, 0, 0);
      },
      { text, photo: item.distortion !== 'clean' },
    );
    // A phone saves a photo as JPEG (quality 55 here): its blocks and ringing are part of the photo.
    const file =
      item.distortion === 'clean'
        ? await page.locator('#screen').screenshot({ type: 'png' })
        : await page.locator('body').screenshot({ type: 'jpeg', quality: 55 });
    writeFileSync(join(OUT, item.image), file);
    console.log(item.image);
  }
  await browser.close();
}

await main();
