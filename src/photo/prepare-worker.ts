/**
 * Prepares a picture off the page's main thread: decoding, turning grey and scaling a 12-megapixel photo
 * is a long task, and the page stays responsive while it runs here.
 */
import { pgmOf } from './picture.ts';

/** What the page is answered: the PGM, or why there is none. */
export type PrepareAnswer = { pgm: Uint8Array } | { error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Blob>) => void) | null;
  postMessage(answer: PrepareAnswer, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  pgmOf(e.data).then(
    (pgm) => scope.postMessage({ pgm }, [pgm.buffer]),
    (err: unknown) => scope.postMessage({ error: String(err) }),
  );
};
