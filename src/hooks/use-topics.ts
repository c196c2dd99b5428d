/** The ways into every flow without a code, loaded after the first screen (they are not part of it). */
import type { CodeKind } from '../codes/code-kind.ts';
import type { TitledTopic } from '../flows/topics.ts';
import { useAsync } from './use-async.ts';

/** The topics and the search over them, once loaded. */
export interface TopicSearch {
  topics: readonly TitledTopic[];
  /** The topics a text finds, best first. */
  find: (text: string) => TitledTopic[];
  /** The flows of a code's kind (a DNS error's, a network error's). */
  flowsOfKind: (kind: CodeKind | undefined) => readonly string[];
}

/** Returns the topics and their search, or undefined while they load or when they cannot be fetched. */
export function useTopics(): TopicSearch | undefined {
  return useAsync(
    () =>
      import('../flows/topics.ts').then(
        async (m) => {
          const topics = await m.loadTopics();
          return { topics, find: (text: string) => m.findTopics(topics, text), flowsOfKind: m.flowsOfKind };
        },
        () => undefined,
      ),
    [],
  );
}
