/**
 * What both apps do at the top: load the installation (/api/site) and send the user to the app's
 * sign-in page, with the server's message, whenever a request finds the session missing or expired.
 */
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { type ApiErrorCode, api, setSignedOutHandler } from './api';
import type { Site } from './types';
import { useLoad } from './useLoad';

export interface SignInNotice {
  notice?: string;
  code?: ApiErrorCode;
  /** Where the user was (path inside the app, with its query), to go back after signing in: a scanned QR link. */
  from?: string;
}

export function useAppShell(basePath: '/admin' | '/m') {
  const navigate = useNavigate();
  const site = useLoad(() => api.get<Site>('/api/site'), []);
  useEffect(() => {
    setSignedOutHandler((e) => {
      const path = window.location.pathname;
      if (path.startsWith(`${basePath}/sign-in`) || path.startsWith(`${basePath}/public/`)) return;
      const { pathname, search } = window.location;
      const from = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) + search : undefined;
      const state: SignInNotice = { notice: e.message, code: e.code, from };
      navigate('/sign-in', { replace: true, state });
    });
    return () => setSignedOutHandler(null);
  }, [navigate, basePath]);
  return site;
}
