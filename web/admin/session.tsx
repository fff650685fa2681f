/** The console's site and session: who is signed in, their roles and what they may use. */
import { Result, Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { api, ApiError, SIGNED_OUT_CODES } from '../shared/api';
import type { Capability, Department, Me, RoleInfo, Site } from '../shared/types';
import { useLoad } from '../shared/useLoad';
import { ErrorResult } from './components/ErrorResult';
import { useI18n } from './i18n';

export const SiteContext = createContext<Site | null>(null);

export function useSite(): Site {
  const s = useContext(SiteContext);
  if (!s) throw new Error('useSite outside SiteContext');
  return s;
}

export interface Session {
  me: Me;
  can: (capability: Capability) => boolean;
  roleLabel: (role: string) => string;
  roles: RoleInfo[];
  departments: Department[];
  departmentName: (code: string | null) => string;
  reload: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionGate');
  return s;
}

interface Loaded {
  me: Me;
  roles: RoleInfo[];
  departments: Department[];
}

async function loadSession(): Promise<Loaded> {
  const me = await api.get<Me>('/api/me');
  const [roles, departments] = await Promise.all([
    api.get<RoleInfo[]>('/api/roles').catch(() => []),
    api.get<Department[]>('/api/departments').catch(() => []),
  ]);
  return { me, roles, departments };
}

/** Renders its children only with a signed-in staff session; otherwise the API client's handler goes to sign-in. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t, pick } = useI18n();
  const loaded = useLoad(loadSession, []);
  const { data, reload } = loaded;
  const roleLabel = useCallback(
    (role: string) => {
      const r = data?.roles.find((x) => x.role === role);
      return r ? pick(r.zh, r.en) : role;
    },
    [data, pick],
  );
  const departmentName = useCallback(
    (code: string | null) => {
      if (!code) return '';
      const d = data?.departments.find((x) => x.code === code);
      return d ? pick(d.name, d.nameEn) : code;
    },
    [data, pick],
  );
  const session = useMemo<Session | null>(
    () => (data ? { ...data, can: (c) => data.me.capabilities.includes(c), roleLabel, departmentName, reload } : null),
    [data, roleLabel, departmentName, reload],
  );
  if (loaded.error) {
    const signedOut = loaded.error instanceof ApiError && SIGNED_OUT_CODES.includes(loaded.error.code);
    if (signedOut) return <Spin fullscreen />;
    return <ErrorResult error={loaded.error} onRetry={reload} />;
  }
  if (!session) return <Spin fullscreen tip={t('common.loading')} />;
  if (!session.can('console.use'))
    return <Result status="403" title={t('session.noConsole')} subTitle={t('session.noConsoleHint')} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
