import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { vi } from 'vitest';

export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: string;
}

type Handler = (request: Request, body: string) => Response | Promise<Response>;

export const SITE = {
  site_name: 'Netzwerk Integration',
  county_name: 'Landkreis Gifhorn',
  office_name: 'Stabsstelle Integration',
  accessibility_contact_email: 'integration@gifhorn.de',
  imprint_url: 'https://www.gifhorn.de/impressum',
  privacy_url: 'https://www.gifhorn.de/datenschutz',
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

export function problem(status: number, slug: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json(
    { type: `urn:netzwerk:problem:${slug}`, title: slug, status, detail: 'English detail', request_id: 'req-1', ...extra },
    status,
    headers,
  );
}

/**
 * Replaces fetch with a tiny router: handlers are keyed "METHOD /path" and
 * may be arrays (used in order, the last one repeats). /api/v1/site is served
 * by default. Returns the recorded requests.
 */
export function mockApi(handlers: Record<string, Handler | Handler[]>) {
  const calls: Recorded[] = [];
  const counters = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const body = request.method === 'GET' ? '' : await request.clone().text();
    const key = `${request.method} ${url.pathname}`;
    calls.push({ method: request.method, path: `${url.pathname}${url.search}`, headers: request.headers, body });
    const entry = handlers[key];
    if (!entry) {
      if (key === 'GET /api/v1/site') return json(SITE);
      return problem(404, 'not-found');
    }
    const list = Array.isArray(entry) ? entry : [entry];
    const index = counters.get(key) ?? 0;
    counters.set(key, index + 1);
    const handler = list[Math.min(index, list.length - 1)];
    if (!handler) throw new Error(`no handler for ${key}`);
    return handler(request, body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

/** Renders a page inside a memory router and a fresh QueryClient. */
export function renderRoute(element: ReactElement, { path, url }: { path: string; url: string }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: <p>Andere Seite</p> },
    ],
    { initialEntries: [url] },
  );
  return { client, router, ...render(<QueryClientProvider client={client}><RouterProvider router={router} /></QueryClientProvider>) };
}
