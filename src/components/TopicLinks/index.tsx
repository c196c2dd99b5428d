/** The ways into a problem without a code, loaded after the first screen: none of this is part of it. */
import { findTopics, flowsOfKind, loadTopics } from '../../flows/topics.ts';
import type { TitledTopic } from '../../flows/topics.ts';
import { useT } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';

/** Flows by their titles, each a link to its first step. */
export function TopicLinks({ topics }: { topics: readonly TitledTopic[] }) {
  const { lang } = useT();
  return (
    <ul class="topic-links">
      {topics.map((topic) => (
        <li key={topic.flow}>
          <a href={toHash({ name: 'flow', flow: topic.flow })}>{topic.title[lang]}</a>
        </li>
      ))}
    </ul>
  );
}

/** The topics with their titles, the search over them, the flows of a code's kind and the links that show them. */
export async function topicSearch() {
  return { topics: await loadTopics(), find: findTopics, flowsOfKind, TopicLinks };
}
