/** The resident app's site and session (/api/me); `setMe` after saving my place. */
import { DotLoading } from 'antd-mobile';
import { LoadFailed } from './components/LoadFailed';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { api, ApiError, errorMessage, SIGNED_OUT_CODES } from '../shared/api';
import type { Me, Site } from '../shared/types';
import { useLoad } from '../shared/useLoad';
import { useI18n } from './i18n';
import { isPublicPath } from './public-paths';

export const SiteContext = createContext<Site | null>(null);

/** The site, or null while /api/site has not answered (only the sign-in page renders before it). */
export function useSiteIfLoaded(): Site | null {
  return useContext(SiteContext);
}

export function useSite(): Site {
  const s = useContext(SiteContext);
  if (!s) throw new Error('useSite outside SiteContext');
  return s;
}

interface Session {
  me: Me;
  setMe: (me: Me) => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionGate');
  return s;
}

/**
 * /api/me asked as the app starts, beside /api/site (not after it: one round trip less before a page
 * behind the sign-in shows on a slow network); not on the pages that need no sign-in (public-paths.ts).
 * Used once, by the first gate.
 */
let early: Promise<Me> | null = isPublicPath(window.location.pathname) ? null : api.get<Me>('/api/me');
// A failed early answer is not kept: when it is a 401 the app goes to the sign-in page before any gate
// took it, and the gate after signing in must ask again, not read the stale refusal.
early?.catch(() => {
  early = null;
});
const takeEarly = (): Promise<Me> => {
  const p = early ?? api.get<Me>('/api/me');
  early = null;
  return p;
};

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const loaded = useLoad(takeEarly, []);
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    if (loaded.data) setMe(loaded.data);
  }, [loaded.data]);

  if (loaded.error) {
    if (loaded.error instanceof ApiError && SIGNED_OUT_CODES.includes(loaded.error.code)) return null;
    return <LoadFailed detail={errorMessage(loaded.error)} retry={loaded.reload} />;
  }
  if (!me)
    return (
      <div className="cc-m-center">
        <DotLoading color="primary" />
      </div>
    );
  return <SessionContext.Provider value={{ me, setMe }}>{children}</SessionContext.Provider>;
}
