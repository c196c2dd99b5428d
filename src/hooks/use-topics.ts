/** The ways into every flow without a code, loaded after the first screen (they are not part of it). */
import type { topicSearch } from '../components/TopicLinks/index.tsx';
import { useAsync } from './use-async.ts';

/** The topics, the search over them and the links that show them. */
export type TopicSearch = Awaited<ReturnType<typeof topicSearch>>;

/** Returns the topics and their search, or undefined while they load or when they cannot be fetched. */
export function useTopics(): TopicSearch | undefined {
  return useAsync(
    () =>
      import('../components/TopicLinks/index.tsx').then(
        (m) => m.topicSearch(),
        () => undefined,
      ),
    [],
  );
}
