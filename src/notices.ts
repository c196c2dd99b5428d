/** One-time notices (storage problems, update ready): each kind is shown once per page load. */
export type NoticeKind =
  | 'storage-unavailable'
  | 'storage-quota'
  | 'storage-write-failed'
  | 'storage-corrupt'
  | 'storage-blocked'
  | 'storage-upgraded-elsewhere';

const shown = new Set<NoticeKind>();
const listeners = new Set<(kinds: NoticeKind[]) => void>();
let active: NoticeKind[] = [];

/** Raises a notice unless that kind was already shown. */
export function raiseNotice(kind: NoticeKind): void {
  if (shown.has(kind)) return;
  shown.add(kind);
  active = [...active, kind];
  for (const l of listeners) l(active);
}

/** Dismisses a notice. */
export function dismissNotice(kind: NoticeKind): void {
  active = active.filter((k) => k !== kind);
  for (const l of listeners) l(active);
}

/** Subscribes to the active notices; returns the unsubscribe function. */
export function onNotices(listener: (kinds: NoticeKind[]) => void): () => void {
  listeners.add(listener);
  listener(active);
  return () => void listeners.delete(listener);
}
