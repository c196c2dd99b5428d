/** The flows the app ships: each flow is its own lazy chunk, so the first screen never waits for them. */
import type { Flow } from '../flow-format/schema.ts';
import type { FlowMap } from '../flow/engine.ts';
import { linkedFlows } from '../flow/links.ts';
import { loadingCode } from '../pwa/stale.ts';

type Loaders = Map<string, () => Promise<{ default: Flow }>>;
let registry: Promise<Loaders> | undefined;
const cache = new Map<string, Promise<Flow | undefined>>();

function loaders(): Promise<Loaders> {
  registry ??= import('./registry.ts').then(
    (m) => m.loaders,
    (e: unknown) => {
      registry = undefined; // let a later attempt retry (e.g. after the network returns)
      throw e;
    },
  );
  return registry;
}

/** Loads one flow; undefined when there is no such flow or its chunk cannot be fetched. */
export function loadFlow(id: string): Promise<Flow | undefined> {
  let p = cache.get(id);
  if (!p) {
    p = loadingCode(() => loaders().then((all) => all.get(id)?.())).then(
      (m) => {
        if (!m) cache.delete(id);
        return m?.default;
      },
      () => {
        cache.delete(id);
        return undefined;
      },
    );
    cache.set(id, p);
  }
  return p;
}

/** Tells whether a flow id exists in this version, or whether that cannot be known (its chunk is unreachable). */
export async function flowExists(id: string): Promise<boolean | 'unknown'> {
  try {
    return (await loaders()).has(id);
  } catch {
    return 'unknown';
  }
}

/** Loads flows and the flows they link to directly, so the next step never waits on the network. */
export async function loadFlows(ids: readonly string[]): Promise<FlowMap> {
  const out: Record<string, Flow> = {};
  const first = await Promise.all([...new Set(ids)].map(async (id) => [id, await loadFlow(id)] as const));
  const next = new Set<string>();
  for (const [id, flow] of first)
    if (flow) {
      out[id] = flow;
      for (const l of linkedFlows(flow)) if (!ids.includes(l)) next.add(l);
    }
  await Promise.all(
    [...next].map(async (id) => {
      const flow = await loadFlow(id);
      if (flow) out[id] = flow;
    }),
  );
  return out;
}
