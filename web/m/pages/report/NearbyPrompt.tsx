/**
 * "附近已有相同问题，是否关注它？" as a bottom sheet rather than antd-mobile's Dialog. The sheet (Popup and
 * its animation code) is its own chunk, fetched once the form shows: not in the report page's first
 * load on a slow network.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Ask } from './NearbySheet';

const loadSheet = () => import('./NearbySheet');
const NearbySheet = lazy(loadSheet);

/** `ask(...)` resolves true (follow it) or false (report anyway); `prompt` is the element to render. */
export function useNearbyPrompt() {
  const [open, setOpen] = useState<Ask | null>(null);
  const [asked, setAsked] = useState(false); // mounted once asked (its closing motion)
  const resolver = useRef<(follow: boolean) => void>(() => {});
  useEffect(() => {
    void loadSheet().catch(() => undefined);
  }, []);
  const answer = (follow: boolean) => {
    setOpen(null);
    resolver.current(follow);
  };
  const ask = (a: Ask) =>
    new Promise<boolean>((resolve) => {
      resolver.current = resolve;
      setAsked(true);
      setOpen(a);
    });
  const prompt = asked ? (
    <Suspense fallback={null}>
      <NearbySheet ask={open} answer={answer} />
    </Suspense>
  ) : null;
  return { ask, prompt };
}
