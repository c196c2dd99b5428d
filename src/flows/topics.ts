/**
 * The ways into every flow without a code, with each flow's title: loaded with the catalog, never on the
 * first screen. Titles come from the flows themselves at build time, so a door always says what its flow says.
 */
import titles from 'virtual:flow-titles';
import type { Text, Topic } from '../flow-format/schema.ts';

/** A topic with the title of the flow it opens. */
export interface TitledTopic extends Topic {
  title: Text;
}

let pending: Promise<readonly TitledTopic[]> | undefined;

/** Loads every topic with its flow's title; an empty list when the catalog cannot be fetched. */
export function loadTopics(): Promise<readonly TitledTopic[]> {
  pending ??= import('@flows/catalog.json').then(
    (m) => {
      return (m.default as { topics: Topic[] }).topics.flatMap((t) => {
        const title = titles[t.flow];
        return title ? [{ ...t, title }] : [];
      });
    },
    () => {
      pending = undefined;
      return [];
    },
  );
  return pending;
}

export { findTopics, flowsOfKind } from '../codes/topics.ts';

/** Every flow's title by flow id, made at build time: lists of sessions take theirs from here. */
export const flowTitles: Readonly<Record<string, Text>> = titles;
