/**
 * A product key passed from one screen to the key checker in memory only: never in a URL, a history
 * entry, a title or storage. It is gone once the checker takes it, or when the page is closed.
 */
import { replaceProductKeys } from '../redact/key-in-text.ts';

let handed: string | undefined;

/** Keeps a key for the key checker to show. */
export function handOverKey(key: string): void {
  handed = key;
}

/** Whether a key is waiting for the key checker. */
export function hasHandedKey(): boolean {
  return handed !== undefined;
}

/** Takes the waiting key (once), or undefined. */
export function takeHandedKey(): string | undefined {
  const key = handed;
  handed = undefined;
  return key;
}

/** Takes product keys out of a text, handing the first one to the key checker; returns what is left, trimmed. */
export function handOverKeysIn(text: string): { rest: string; handed: boolean } {
  let key: string | undefined;
  const rest = replaceProductKeys(text, (k) => ((key ??= k), ' ')).trim();
  if (key !== undefined) handOverKey(key);
  return { rest, handed: key !== undefined };
}
