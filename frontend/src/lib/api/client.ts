/**
 * The one API client: openapi-fetch on the generated `paths`, with the bearer
 * token attached from memory and one silent refresh (httpOnly cookie) on 401.
 */
import createClient from 'openapi-fetch';
import { ApiError, normalizeProblem } from './problem';
import type { components, paths } from './schema.gen';
import { tokenStore } from './tokens';

export type Schemas = components['schemas'];

const NO_RETRY_PATHS = ['/api/v1/auth/token', '/api/v1/auth/refresh', '/api/v1/auth/logout'];

type TokenBody = paths['/api/v1/auth/refresh']['post']['responses'][200]['content']['application/json'];

type SessionEndListener = () => void;
const sessionEndListeners = new Set<SessionEndListener>();

/** Called when a refresh fails while the app believed it was signed in. */
export function onSessionEnded(listener: SessionEndListener): () => void {
  sessionEndListeners.add(listener);
  return () => sessionEndListeners.delete(listener);
}

function origin(): string {
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}

export function storeToken(body: TokenBody): void {
  tokenStore.set(body.access_token, body.expires_in, () => {
    void refreshAccessToken();
  });
}

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Exchanges the refresh cookie for a new access token. Single-flight: the
 * cookie rotates on every use, so concurrent refreshes must share one call.
 */
export function refreshAccessToken(): Promise<boolean> {
  if (refreshInFlight) return refreshInFlight;
  const hadToken = tokenStore.get() !== null;
  refreshInFlight = (async () => {
    try {
      const response = await fetch(`${origin()}/api/v1/auth/refresh`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) {
        tokenStore.clear();
        if (hadToken) sessionEndListeners.forEach((l) => l());
        return false;
      }
      storeToken((await response.json()) as TokenBody);
      return true;
    } catch {
      // Network trouble: keep the current token; the next request will tell.
      return false;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

function withToken(request: Request): Request {
  const token = tokenStore.get();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

async function authFetch(input: Request): Promise<Response> {
  const path = new URL(input.url).pathname;
  const canRetry = !NO_RETRY_PATHS.includes(path);
  const retryCopy = canRetry ? input.clone() : null;
  const response = await fetch(withToken(input));
  if (response.status !== 401 || !retryCopy) return response;
  const refreshed = await refreshAccessToken();
  if (!refreshed) return response;
  return fetch(withToken(retryCopy));
}

export const api = createClient<paths>({
  baseUrl: origin(),
  fetch: authFetch,
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
});

/**
 * Turns an openapi-fetch result into data or a thrown ApiError.
 * Use inside TanStack Query queryFn/mutationFn.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(normalizeProblem({ body: result.error, response: result.response }));
  }
  return result.data as T;
}

/** Like unwrap, but keeps the strong ETag for a later If-Match. */
export function unwrapWithEtag<T>(result: { data?: T; error?: unknown; response: Response }): {
  data: T;
  etag: string | null;
} {
  const data = unwrap(result);
  return { data, etag: result.response.headers.get('ETag') };
}
