/**
 * A photo or screenshot of a console made ready for text recognition: one channel of grey, dark text on
 * light (a console's light text on dark is turned over), its contrast stretched, small text scaled up, large
 * photos scaled down by area, and the lines of a photo taken at an angle levelled.
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
 * between its darkest and lightest values, scaled to the size recognition reads best (bilinear up, by area
 * down) and its lines levelled.
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
  const out = scale < 1 ? shrink(g, width, height, W, H) : enlarge(g, width, height, W, H, scale);
  for (let i = 0; i < out.length; i++) out[i] = map[out[i]!]!;
  return { width: W, height: H, gray: straighten(out, W, H), inverted, scale };
}

// Tilts a photo's lines may have, as dy/dx: up to 6° either way, in steps of a quarter degree.
// Level first, then outwards: on a tie (a band with no text) the level one stays.
const SLOPES = Array.from({ length: 49 }, (_, i) => ((i + 1) >> 1) * (i % 2 ? 1 : -1)).map((q) =>
  Math.tan((q * 0.25 * Math.PI) / 180),
);
// A tilt below this (about a fifth of a degree) is left alone: a screenshot's lines are level.
const LEVEL = Math.tan((0.2 * Math.PI) / 180);
// The tilt is found on a copy about this wide: enough to see lines, cheap to shear 49 times.
const PROBE_WIDTH = 400;

// A band's tilt counts only if lining its rows up that way is this much sharper than level: grain is sharpest
// at some tilt too, but barely.
const MIN_GAIN = 0.05;
// A picture of a few lines is measured whole, and its tilt must stand out more: a strip of three level lines
// can be a little sharper at some tilt by the shapes of its letters.
const MIN_GAIN_FEW = 0.2;
// A screen seen at an angle fans its lines out evenly: the middle third's tilt lies between the others', within
// this (1°). Thirds that do not agree so (a band misled by a cut line or by grain) give one tilt, their median.
const MAX_BEND = Math.tan((1 * Math.PI) / 180);
// Two thirds measured, one apart from the other by more than this (4°), give their median too.
const MAX_FAN = Math.tan((4 * Math.PI) / 180);
// Fewer whole lines than this and the picture is measured as one band.
const MIN_LINES = 6;
const MAX_SLOPE = SLOPES.reduce((m, s) => Math.max(m, s), 0);

/** A band's profile along a slope: the ink of each of its rows, those rows running at that slope. */
function profile(ink: Float32Array, w: number, y0: number, y1: number, slope: number): Float64Array {
  const cx = w / 2;
  const off = Math.ceil(w * MAX_SLOPE) + 1;
  const rows = new Float64Array(y1 - y0 + 2 * off + 1);
  for (let y = y0; y < y1; y++)
    for (let x = 0; x < w; x++) rows[Math.round(y - y0 + off - slope * (x - cx))]! += ink[y * w + x]!;
  return rows;
}

/** Whole lines in a profile: runs of inked rows with blank rows above and below. */
function linesIn(rows: Float64Array): number {
  const mean = rows.reduce((a, v) => a + v, 0) / rows.length;
  let lines = 0;
  let inLine = false;
  let opened = false;
  for (const r of rows) {
    if (r > mean) {
      if (!inLine) opened = true;
      inLine = true;
    } else {
      if (inLine && opened) lines++;
      inLine = false;
    }
  }
  return lines;
}

/** A band's best tilt, how much sharper it lines the rows up than level, and the whole lines it then holds. */
interface Fit {
  slope: number;
  gain: number;
  lines: number;
}

/** The tilt that lines a band's text up best (its rows sharpest); none for a band with no ink. */
function bestFit(ink: Float32Array, w: number, y0: number, y1: number): Fit | undefined {
  const sharpness = (rows: Float64Array) => rows.reduce((a, r) => a + r * r, 0);
  const level = sharpness(profile(ink, w, y0, y1, 0));
  if (level <= 0) return undefined;
  let slope = 0;
  let score = level;
  for (const s of SLOPES) {
    const here = sharpness(profile(ink, w, y0, y1, s));
    if (here > score) {
      score = here;
      slope = s;
    }
  }
  return { slope, gain: score / level - 1, lines: linesIn(profile(ink, w, y0, y1, slope)) };
}

/** A fit's tilt when it counts: two whole lines at least, and clearly sharper than level (or level itself). */
const accepted = (fit: Fit | undefined, gain: number): number | undefined =>
  fit && fit.lines >= 2 && (fit.slope === 0 || fit.gain >= gain) ? fit.slope : undefined;

/**
 * Levels the lines of a photo taken at an angle. The tilt is measured in the top, middle and bottom thirds
 * (a screen seen from below or aside fans its lines out, so the tilt changes down the picture) and each
 * output row is read along the line it had, slope(y) = a + b·y, fitted to the thirds and kept within the
 * tilts searched. A picture of a few lines is measured whole, and thirds that disagree more than a screen at
 * an angle would give one tilt, their median.
 */
export function straighten(gray: Uint8Array, width: number, height: number): Uint8Array {
  const f = Math.max(1, Math.floor(width / PROBE_WIDTH));
  const w = Math.floor(width / f);
  const h = Math.floor(height / f);
  if (w < 40 || h < 30) return gray;
  // Ink: dark text high, the background near 0; averaged over f × f blocks.
  const ink = new Float32Array(w * h);
  for (let y = 0; y < h * f; y++)
    for (let x = 0; x < w * f; x++)
      ink[Math.floor(y / f) * w + Math.floor(x / f)]! += 255 - gray[y * width + x]!;
  const mean = ink.reduce((a, v) => a + v, 0) / ink.length;
  for (let i = 0; i < ink.length; i++) ink[i] = Math.max(0, ink[i]! - mean);
  const whole = bestFit(ink, w, 0, h);
  const few = (whole?.lines ?? 0) < MIN_LINES;
  const bands = few
    ? [{ y0: 0, y1: h, fit: whole }]
    : [0, 1, 2].map((k) => {
        const y0 = Math.floor((k * h) / 3);
        const y1 = Math.floor(((k + 1) * h) / 3);
        return { y0, y1, fit: bestFit(ink, w, y0, y1) };
      });
  const measured = bands.flatMap(({ y0, y1, fit }) => {
    const s = accepted(fit, few ? MIN_GAIN_FEW : MIN_GAIN);
    return s === undefined ? [] : [{ y: ((y0 + y1) / 2) * f, s }];
  });
  if (measured.every((t) => Math.abs(t.s) < LEVEL)) return gray;
  const slopes = measured.map((t) => t.s).sort((a, b) => a - b);
  const median = slopes[Math.floor(slopes.length / 2)]!;
  const [top, mid, bottom] = measured.map((t) => t.s);
  const fanned =
    measured.length === 3
      ? Math.abs(mid! - (top! + bottom!) / 2) <= MAX_BEND
      : slopes[slopes.length - 1]! - slopes[0]! <= MAX_FAN;
  // Least squares through the thirds with text: slope(y) = a + b·(y − ȳ); one third gives one tilt for all.
  const my = measured.reduce((a, t) => a + t.y, 0) / measured.length;
  const ms = fanned ? measured.reduce((a, t) => a + t.s, 0) / measured.length : median;
  const spread = measured.reduce((a, t) => a + (t.y - my) ** 2, 0);
  const b = fanned && spread ? measured.reduce((a, t) => a + (t.y - my) * (t.s - ms), 0) / spread : 0;
  // Thirds that disagree, their median level: nothing to do.
  if (Math.abs(ms) < LEVEL && b === 0) return gray;
  const cx = width / 2;
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    const slope = Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, ms + b * (y - my)));
    for (let x = 0; x < width; x++) {
      const sy = y + slope * (x - cx);
      const y0 = Math.floor(sy);
      if (y0 < 0 || y0 + 1 >= height) continue;
      const fy = sy - y0;
      out[y * width + x] = Math.round(gray[y0 * width + x]! * (1 - fy) + gray[(y0 + 1) * width + x]! * fy);
    }
  }
  return out;
}

/** Bilinear enlargement: each output pixel from the four source pixels around it. */
function enlarge(g: Uint8Array, width: number, height: number, W: number, H: number, scale: number) {
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
      out[y * W + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return out;
}

/**
 * Reduction by area: each output pixel is the mean of the source pixels it covers. A photo's grain and
 * the screen's pixel grid average out, where sampling a few pixels would keep them.
 */
function shrink(g: Uint8Array, width: number, height: number, W: number, H: number) {
  const out = new Uint8Array(W * H);
  const sums = new Float64Array(W);
  const counts = new Uint32Array(W);
  const col = new Uint32Array(width);
  for (let x = 0; x < width; x++) col[x] = Math.min(W - 1, Math.floor((x * W) / width));
  let y = 0;
  for (let oy = 0; oy < H; oy++) {
    sums.fill(0);
    counts.fill(0);
    const end = Math.max(y + 1, Math.min(height, Math.round(((oy + 1) * height) / H)));
    for (; y < end; y++)
      for (let x = 0, row = y * width; x < width; x++) {
        sums[col[x]!]! += g[row + x]!;
        counts[col[x]!]!++;
      }
    for (let ox = 0; ox < W; ox++) out[oy * W + ox] = Math.round(sums[ox]! / Math.max(1, counts[ox]!));
  }
  return out;
}

/** The grey image as a binary PGM file, a format the recognizer reads with no decoder of its own. */
export function toPgm({ width, height, gray }: Prepared): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const file = new Uint8Array(head.length + gray.length);
  file.set(head);
  file.set(gray, head.length);
  return file;
}
