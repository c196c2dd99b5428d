/**
 * The recognizer's life in the app: started once and kept between pictures, ended a minute after the last
 * one or when the paste box closes, and never kept after a failure. Tesseract itself is stood in for here
 * (tests/unit/photos.test.ts runs the real one); what is checked is when its worker is made and ended.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const made: { langs: string[]; terminate: ReturnType<typeof vi.fn>; fail: boolean }[] = [];
let failNext = false;

vi.mock('tesseract.js', () => ({
  createWorker: vi.fn(async (langs: string[]) => {
    const w = { langs, terminate: vi.fn(async () => undefined), fail: failNext };
    failNext = false;
    made.push(w);
    return {
      recognize: vi.fn(async () => {
        if (w.fail) throw new Error('recognition failed');
        return { data: { blocks: [] } };
      }),
      terminate: w.terminate,
    };
  }),
}));
// The picture's preparation needs a canvas: the bytes it gives are not what is checked here.
vi.mock('../../src/photo/picture.ts', () => ({ pgmOf: vi.fn(async () => new Uint8Array(16)) }));

const { recognizePhoto, releaseRecognizer, warmRecognizer } = await import('../../src/photo/recognize.ts');
const { RECOGNIZER_CONFIG } = await import('../../src/ocr/lines.ts');
const BASE = 'http://localhost/';
const picture = new Blob([new Uint8Array(4)]);

beforeEach(() => {
  made.length = 0;
  vi.useFakeTimers();
});
afterEach(async () => {
  await releaseRecognizer();
  vi.useRealTimers();
});

describe('the recognizer between pictures', () => {
  it('is started once for several pictures, and ended a minute after the last', async () => {
    await recognizePhoto(picture, 'eng', undefined, BASE);
    await vi.advanceTimersByTimeAsync(30_000);
    await recognizePhoto(picture, 'eng', undefined, BASE);
    expect(made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(made[0]!.terminate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(made[0]!.terminate).toHaveBeenCalledTimes(1);
  });

  it('is ended a minute after the last picture also when two were read at once', async () => {
    await Promise.all([
      recognizePhoto(picture, 'eng', undefined, BASE),
      recognizePhoto(picture, 'eng', undefined, BASE),
    ]);
    await vi.advanceTimersByTimeAsync(30_000);
    await recognizePhoto(picture, 'eng', undefined, BASE);
    // A minute after the first two, half a minute after the last: still there.
    await vi.advanceTimersByTimeAsync(31_000);
    expect(made[0]!.terminate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(made[0]!.terminate).toHaveBeenCalledTimes(1);
    expect(made).toHaveLength(1);
  });

  it('reads with the settings the photo set is scored with', async () => {
    const { createWorker } = await import('tesseract.js');
    await recognizePhoto(picture, 'rus+eng', undefined, BASE);
    expect(vi.mocked(createWorker)).toHaveBeenLastCalledWith(
      ['rus', 'eng'],
      1,
      expect.objectContaining({ workerBlobURL: false }),
      RECOGNIZER_CONFIG,
    );
  });

  it('is started by a tap before the picture comes, and that one reads it', async () => {
    void warmRecognizer('eng', BASE);
    await recognizePhoto(picture, 'eng', undefined, BASE);
    expect(made).toHaveLength(1);
  });

  it('is ended when the paste box closes, and a new one started for another language', async () => {
    await recognizePhoto(picture, 'eng', undefined, BASE);
    await recognizePhoto(picture, 'rus+eng', undefined, BASE);
    expect(made.map((w) => w.langs.join('+'))).toEqual(['eng', 'rus+eng']);
    expect(made[0]!.terminate).toHaveBeenCalledTimes(1);
    await releaseRecognizer();
    expect(made[1]!.terminate).toHaveBeenCalledTimes(1);
  });

  it('stays when a picture cannot be prepared', async () => {
    const { pgmOf } = await import('../../src/photo/picture.ts');
    vi.mocked(pgmOf).mockRejectedValueOnce(new Error('not an image'));
    await expect(recognizePhoto(picture, 'eng', undefined, BASE)).rejects.toThrow('not an image');
    await recognizePhoto(picture, 'eng', undefined, BASE);
    expect(made).toHaveLength(1);
    expect(made[0]!.terminate).not.toHaveBeenCalled();
  });

  it('is not kept after it failed: the next picture starts a new one', async () => {
    failNext = true;
    await expect(recognizePhoto(picture, 'eng', undefined, BASE)).rejects.toThrow('recognition failed');
    expect(made[0]!.terminate).toHaveBeenCalledTimes(1);
    await recognizePhoto(picture, 'eng', undefined, BASE);
    expect(made).toHaveLength(2);
  });
});
