import { Component, createElement } from 'preact';
import type { FunctionComponent } from 'preact';

/** Props equal key by key (the same values, the same handlers): nothing for a render to change. */
function sameProps(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (x[k] !== y[k]) return false;
  for (const k in y) if (!(k in x)) return false;
  return true;
}

/**
 * A component that renders again only when its props change (its own hooks, a language change among them,
 * still render it). What preact/compat's `memo` does, without compat, which would change how every element
 * of the app is created.
 */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !sameProps(this.props, next);
    }
    override render(props: P): ReturnType<FunctionComponent<P>> {
      return createElement(render, props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
