/** Hash routes: every screen has a link that works offline, in a chat message or on a home-screen icon. */
export type Route =
  | { name: 'home' }
  | { name: 'code'; query: string }
  | { name: 'flow'; flow: string; node?: string }
  | { name: 'tool'; tool: 'key' | 'product-code' }
  | { name: 'history' }
  | { name: 'paste' }
  | { name: 'session'; id: string }
  | { name: 'procedure'; flow: string }
  | { name: 'not-found'; path: string };

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined; // malformed %-escapes
  }
}

/** Parses location.hash into a route; anything unknown becomes not-found. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === '') return { name: 'home' };
  const [head, ...rest] = path.split('/');
  const parts = rest.map(decode);
  if (parts.some((p) => p === undefined)) return { name: 'not-found', path };
  const [a, b] = parts as string[];
  switch (head) {
    case 'code':
      // The code part may itself hold slashes (a pasted line): keep everything after "code/".
      return parts.length
        ? { name: 'code', query: (parts as string[]).join('/') }
        : { name: 'not-found', path };
    case 'flow':
      if (a && parts.length <= 2) return b ? { name: 'flow', flow: a, node: b } : { name: 'flow', flow: a };
      break;
    case 'tools':
      if (a === 'key' || a === 'product-code') return { name: 'tool', tool: a };
      break;
    case 'history':
      if (parts.length === 0) return { name: 'history' };
      break;
    case 'paste':
      if (parts.length === 0) return { name: 'paste' };
      break;
    case 'session':
      if (a && parts.length === 1) return { name: 'session', id: a };
      break;
    case 'procedure':
      if (a && parts.length === 1) return { name: 'procedure', flow: a };
      break;
  }
  return { name: 'not-found', path };
}

/** Builds the hash for a route. */
export function toHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
      return '#/';
    case 'code':
      return `#/code/${e(route.query)}`;
    case 'flow':
      return route.node ? `#/flow/${e(route.flow)}/${e(route.node)}` : `#/flow/${e(route.flow)}`;
    case 'tool':
      return `#/tools/${route.tool}`;
    case 'history':
      return '#/history';
    case 'paste':
      return '#/paste';
    case 'session':
      return `#/session/${e(route.id)}`;
    case 'procedure':
      return `#/procedure/${e(route.flow)}`;
    case 'not-found':
      return `#/${route.path}`;
  }
}
