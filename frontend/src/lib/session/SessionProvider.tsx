import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, onSessionEnded, refreshAccessToken, storeToken, unwrap } from '../api/client';
import type { paths } from '../api/schema.gen';
import { tokenStore } from '../api/tokens';

export type CurrentUser = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];
export type Role = CurrentUser['roles'][number];

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: 'expired' | 'logged-out' }
  | { status: 'authenticated'; user: CurrentUser };

export interface Session {
  state: SessionState;
  user: CurrentUser | null;
  hasRole: (role: Role) => boolean;
  /** Throws ApiError (401, 429, ...) on failure. */
  login: (email: string, password: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
  /** Updates the cached user after "Mein Konto" changes. */
  setUser: (user: CurrentUser) => void;
}

const SessionContext = createContext<Session | null>(null);

async function fetchMe(): Promise<CurrentUser> {
  return unwrap(await api.GET('/api/v1/auth/me'));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  // On start: a valid refresh cookie means we are still signed in.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const ok = await refreshAccessToken();
      if (!ok) {
        if (!cancelled) setState({ status: 'anonymous' });
        return;
      }
      try {
        const user = await fetchMe();
        if (!cancelled) setState({ status: 'authenticated', user });
      } catch {
        tokenStore.clear();
        if (!cancelled) setState({ status: 'anonymous' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onSessionEnded(() => {
        queryClient.clear();
        setState({ status: 'anonymous', reason: 'expired' });
      }),
    [queryClient],
  );

  const login = useCallback(async (email: string, password: string) => {
    const token = unwrap(
      await api.POST('/api/v1/auth/token', {
        body: { grant_type: 'password', username: email, password, scope: '' },
        bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    storeToken(token);
    const user = await fetchMe();
    setState({ status: 'authenticated', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout');
    } catch {
      // Even if the server is unreachable, forget everything locally.
    }
    tokenStore.clear();
    queryClient.clear();
    setState({ status: 'anonymous', reason: 'logged-out' });
  }, [queryClient]);

  const setUser = useCallback((user: CurrentUser) => setState({ status: 'authenticated', user }), []);

  const value = useMemo<Session>(() => {
    const user = state.status === 'authenticated' ? state.user : null;
    return {
      state,
      user,
      hasRole: (role) => user?.roles.includes(role) ?? false,
      login,
      logout,
      setUser,
    };
  }, [state, login, logout, setUser]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
