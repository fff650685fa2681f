/**
 * The big screen's requests: its token in X-Screen-Token and no cookie (a kiosk has no session), so a
 * revoked or unknown token is the screen's own 401, never the console's "go to sign-in".
 */
import { ApiError, type Query, withQuery } from '../../../shared/api';
import { currentLang } from '../../../shared/i18n';

export async function screenGet<T>(path: string, query: Query, token: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      credentials: 'omit',
      headers: { Accept: 'application/json', 'Accept-Language': currentLang(), 'X-Screen-Token': token },
    });
  } catch {
    throw new ApiError(0, 'network_error', currentLang() === 'en' ? 'Cannot reach the server' : '无法连接服务器');
  }
  const body = (await res.json().catch(() => ({}))) as { code?: ApiError['code']; message?: string };
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'http_error', body.message ?? `HTTP ${res.status}`);
  return body as T;
}
