/**
 * A photo or screenshot of a console made ready for text recognition: one channel of grey, dark text on
 * light (a console's light text on dark is turned over), its contrast stretched, and small text scaled up.
 * Pure: pixels in, pixels out, the same in a browser's worker and in Node.
 */

/** An image as a canvas gives it: RGBA, 4 bytes a pixel, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** The grey image handed to recognition, and what was done to make it. */
export interface Prepared {
  width: number;
  height: number;
  /** One byte a pixel, 0 black … 255 white, dark text on light. */
  gray: Uint8Array;
  /** The picture was light on dark (cmd, PowerShell, Windows Terminal) and was turned over. */
  inverted: boolean;
  /** How much it was scaled (2 = twice as wide). */
  scale: number;
}

// Recognition reads best with capital letters about 20 to 40 pixels tall. A console screenshot's 16 px
// text is too small; a phone's 12-megapixel photo of a screen more than large enough and slow to read.
const TARGET_WIDTH = 1600;
const MAX_SCALE = 3;
const MIN_SCALE = 0.5;
// Bounds the work of one photo whatever its size.
const MAX_PIXELS = 8_000_000;
// The darkest and lightest hundredth are glare, dust and the cursor: the stretch ignores them.
const CLIP = 0.01;

/** The scale that brings an image of this size near the size recognition reads best. */
export function scaleFor(width: number, height: number): number {
  let s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, TARGET_WIDTH / Math.max(1, width)));
  if (width * height * s * s > MAX_PIXELS) s = Math.sqrt(MAX_PIXELS / (width * height));
  return s;
}

/** Luma of each pixel (ITU-R BT.601 weights), as integers. */
function grayOf({ width, height, data }: Pixels): Uint8Array {
  const n = width * height;
  const g = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4)
    g[i] = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114 + 500) / 1000;
  return g;
}

/** The grey value below which a share of the pixels lies. */
function percentile(hist: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= total * share) return v;
  }
  return 255;
}

/**
 * Grey, turned over when the background is dark (most pixels of a screen are background), stretched
 * between its darkest and lightest values, and scaled (bilinear) to the size recognition reads best.
 */
export function prepareImage(px: Pixels, scale = scaleFor(px.width, px.height)): Prepared {
  const { width, height } = px;
  if (width < 1 || height < 1 || px.data.length < width * height * 4)
    throw new RangeError(`not an RGBA image of ${width} × ${height}`);
  const g = grayOf(px);
  const hist = new Uint32Array(256);
  for (const v of g) hist[v]!++;
  const n = width * height;
  const inverted = percentile(hist, n, 0.5) < 128;
  const lo = percentile(hist, n, CLIP);
  const hi = percentile(hist, n, 1 - CLIP);
  const span = Math.max(1, hi - lo);
  // One lookup for the stretch and the turn, rather than arithmetic for every scaled pixel.
  const map = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const s = Math.min(255, Math.max(0, Math.round(((v - lo) * 255) / span)));
    map[v] = inverted ? 255 - s : s;
  }
  const W = Math.max(1, Math.round(width * scale));
  const H = Math.max(1, Math.round(height * scale));
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    const sy = Math.min(height - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < W; x++) {
      const sx = Math.min(width - 1, Math.max(0, (x + 0.5) / scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(width - 1, x0 + 1);
      const fx = sx - x0;
      const top = g[y0 * width + x0]! * (1 - fx) + g[y0 * width + x1]! * fx;
      const bottom = g[y1 * width + x0]! * (1 - fx) + g[y1 * width + x1]! * fx;
      out[y * W + x] = map[Math.round(top * (1 - fy) + bottom * fy)]!;
    }
  }
  return { width: W, height: H, gray: out, inverted, scale };
}

/** The grey image as a binary PGM file, a format the recognizer reads with no decoder of its own. */
export function toPgm({ width, height, gray }: Prepared): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const file = new Uint8Array(head.length + gray.length);
  file.set(head);
  file.set(gray, head.length);
  return file;
}
