/**
 * The access token lives in memory only (never in localStorage/sessionStorage).
 * The refresh token is an httpOnly cookie the browser sends to /api/v1/auth.
 */

type Listener = () => void;

let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<Listener>();

/** Refresh a bit before expiry: at 80 % of the lifetime, at least 5 s before. */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lifetime = Math.max(0, expiresInSeconds) * 1000;
  return Math.max(1000, Math.min(lifetime * 0.8, lifetime - 5000));
}

export const tokenStore = {
  get(): string | null {
    return accessToken;
  },
  set(token: string, expiresInSeconds: number, onDue: () => void): void {
    accessToken = token;
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(onDue, refreshDelayMs(expiresInSeconds));
    listeners.forEach((l) => l());
  },
  clear(): void {
    accessToken = null;
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = null;
    listeners.forEach((l) => l());
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
