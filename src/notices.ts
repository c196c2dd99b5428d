/** One-time notices (storage problems): each kind is shown once per page load, until dismissed. */
import { observable } from './observable.ts';
import type { StorageProblem } from './storage/session-store.ts';

/** A notice is named by the problem it tells of; its text is `notice.<kind>` in the locales. */
export type NoticeKind = StorageProblem;

const shown = new Set<NoticeKind>();

/** The notices on screen, oldest first. */
export const notices = observable<readonly NoticeKind[]>([]);

/** Raises a notice unless that kind was already shown. */
export function raiseNotice(kind: NoticeKind): void {
  if (shown.has(kind)) return;
  shown.add(kind);
  notices.update((active) => [...active, kind]);
}

/** Dismisses a notice. */
export function dismissNotice(kind: NoticeKind): void {
  notices.update((active) => active.filter((k) => k !== kind));
}
