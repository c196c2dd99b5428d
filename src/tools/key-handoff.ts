/**
 * A product key passed from one screen to the key checker in memory only: never in a URL, a history
 * entry, a title or storage. It is gone once the checker takes it, or when the page is closed.
 */
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
