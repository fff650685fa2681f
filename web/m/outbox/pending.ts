/** In the signed-in shell: sends drafts left from before (flag.ts), now and whenever the phone comes online. */
import { useEffect } from 'react';
import { hasPendingDrafts } from './flag';

export function useOutboxStart(userId: string): void {
  useEffect(() => {
    const start = () => {
      if (hasPendingDrafts()) void import('./outbox').then((o) => o.startOutbox(userId));
    };
    start();
    window.addEventListener('online', start);
    return () => window.removeEventListener('online', start);
  }, [userId]);
}
