/**
 * A tab's page loaded on first visit (its own chunk), so the sign-in page needs only the shell's code:
 * on a weak network the first screen comes before the pages behind it. While the chunk loads, dots;
 * when it fails (the network dropped), a message and a retry that loads it again.
 */
import { DotLoading } from 'antd-mobile';
import { Component, type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';
import { LoadFailed } from './components/LoadFailed';
import { pageNeedsReload } from './pwa';

function ChunkFailed({ retry }: { retry: () => void }) {
  return <LoadFailed retry={retry} fullPage />;
}

class Boundary extends Component<{ children: ReactNode; retry: () => void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <ChunkFailed retry={this.props.retry} /> : this.props.children;
  }
}

const LOADING = (
  <div className="cc-m-center">
    <DotLoading color="primary" />
  </div>
);

type Make = () => ComponentType;

function LazyPage({ first, make }: { first: ComponentType; make: Make }) {
  const [state, setState] = useState(() => ({ Page: first, attempt: 0 }));
  const retry = () => {
    if (pageNeedsReload())
      window.location.reload(); // a new deploy: its chunks, not this page's old ones
    else setState((s) => ({ Page: make(), attempt: s.attempt + 1 }));
  };
  return (
    <Boundary key={state.attempt} retry={retry}>
      <Suspense fallback={LOADING}>
        <state.Page />
      </Suspense>
    </Boundary>
  );
}

let pages = 0;
const loaders = new WeakMap<object, () => Promise<unknown>>();

/**
 * Starts fetching a route's page at once (the one the app opens on): its chunk then loads while the
 * app asks the server for the site and the session, not after — one round trip fewer on a slow network.
 */
export function preload(element: ReactNode): void {
  const load = element && typeof element === 'object' ? loaders.get(element) : undefined;
  load?.().catch(() => {}); // a failure shows when the page renders (and may be retried there)
}

/** The element of a route whose page component `name` is exported by the module `load` imports. */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactNode {
  // made once per route (the module's promise is kept); made anew only when a retry follows a failure
  const make: Make = () => lazy(() => load().then((m): { default: ComponentType } => ({ default: m[name] })));
  // a key of its own: two routes' pages at the same place in the tree are two components, not one kept
  const element = <LazyPage key={`page-${++pages}`} first={make()} make={make} />;
  loaders.set(element, load);
  return element;
}
