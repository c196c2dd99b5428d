/**
 * The ways into every flow without a code, with each flow's title: loaded with the catalog, never on the
 * first screen. Titles come from the flows themselves at build time, so a door always says what its flow says.
 */
import type { Text, Topic } from '../flow-format/schema.ts';

/** A topic with the title of the flow it opens. */
export interface TitledTopic extends Topic {
  title: Text;
}

// Only each flow's title is kept in this chunk: the rest of a flow stays in its own.
const titles = import.meta.glob<Text>(
  [
    '@flows/*.json',
    '!@flows/catalog.json',
    '!@flows/sources.json',
    '!@flows/organization.json',
    '!@flows/*.schema.json',
  ],
  { import: 'title', eager: true },
);

let pending: Promise<readonly TitledTopic[]> | undefined;

/** Loads every topic with its flow's title; an empty list when the catalog cannot be fetched. */
export function loadTopics(): Promise<readonly TitledTopic[]> {
  pending ??= import('@flows/catalog.json').then(
    (m) => {
      const byId = new Map(
        Object.entries(titles).map(([path, title]) => [path.replace(/^.*\/|\.json$/g, ''), title]),
      );
      return (m.default as { topics: Topic[] }).topics.flatMap((t) => {
        const title = byId.get(t.flow);
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
