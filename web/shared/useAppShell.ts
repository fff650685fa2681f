/**
 * What both apps do at the top: load the installation (/api/site) and send the user to the app's
 * sign-in page, with the server's message, whenever a request finds the session missing or expired.
 */
import { useEffect, useRef } from 'react';
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

/** `isPublic`: the app's pages that need no sign-in (default: its sign-in page); a 401 there stays put. */
export function useAppShell(basePath: '/admin' | '/m', isPublic?: (pathname: string) => boolean) {
  const navigate = useNavigate();
  const publicPage = useRef(isPublic ?? ((p: string) => p.startsWith(`${basePath}/sign-in`)));
  const site = useLoad(() => api.get<Site>('/api/site'), []);
  useEffect(() => {
    setSignedOutHandler((e) => {
      if (publicPage.current(window.location.pathname)) return;
      const { pathname, search } = window.location;
      const from = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) + search : undefined;
      const state: SignInNotice = { notice: e.message, code: e.code, from };
      navigate('/sign-in', { replace: true, state });
    });
    return () => setSignedOutHandler(null);
  }, [navigate]);
  return site;
}
