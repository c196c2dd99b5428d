/** The ways into every flow without a code, loaded after the first screen (they are not part of it). */
import type { topicSearch } from '../components/TopicLinks/index.tsx';
import { useAsync } from './use-async.ts';

/** The topics, the search over them and the links that show them. */
export type TopicSearch = Awaited<ReturnType<typeof topicSearch>>;

let loading: Promise<TopicSearch | undefined> | undefined;

/**
 * Loads the topics once for every screen that shows them (the error code field and Browse both do). When they
 * cannot be fetched it resolves to undefined or to no topics, and the next screen that shows them loads again.
 */
export function loadTopicSearch(): Promise<TopicSearch | undefined> {
  loading ??= import('../components/TopicLinks/index.tsx')
    .then((m) => m.topicSearch())
    .then((search) => {
      // No topics: the catalog could not be fetched (it is read again next time), so neither is this kept.
      if (search.topics.length === 0) loading = undefined;
      return search;
    })
    .catch(() => {
      loading = undefined;
      return undefined;
    });
  return loading;
}

/** Returns the topics and their search, or undefined while they load or when they cannot be fetched. */
export function useTopics(): TopicSearch | undefined {
  return useAsync(loadTopicSearch, []);
}
