import { afterEach, describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '@/test/utils';
import { api, refreshAccessToken, unwrap } from './client';
import { ApiError } from './problem';
import { tokenStore } from './tokens';

afterEach(() => tokenStore.clear());

const me = {
  id: '1', email: 'a@example.org', name: 'A', roles: ['admin'], is_active: true,
  created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', version: 1,
};

describe('API client and silent refresh', () => {
  it('attaches the in-memory token and refreshes once on 401, then retries', async () => {
    tokenStore.set('old', 600, () => {});
    const calls = mockApi({
      'GET /api/v1/auth/me': [() => problem(401, 'unauthenticated'), () => json(me)],
      'POST /api/v1/auth/refresh': () => json({ access_token: 'new', token_type: 'bearer', expires_in: 600 }),
    });
    const result = unwrap(await api.GET('/api/v1/auth/me'));
    expect(result.email).toBe('a@example.org');
    const meCalls = calls.filter((c) => c.path === '/api/v1/auth/me');
    expect(meCalls.map((c) => c.headers.get('Authorization'))).toEqual(['Bearer old', 'Bearer new']);
    expect(tokenStore.get()).toBe('new');
  });

  it('shares one refresh between parallel requests (the cookie rotates)', async () => {
    const calls = mockApi({
      'POST /api/v1/auth/refresh': () => json({ access_token: 't', token_type: 'bearer', expires_in: 600 }),
    });
    const results = await Promise.all([refreshAccessToken(), refreshAccessToken(), refreshAccessToken()]);
    expect(results).toEqual([true, true, true]);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('gives up when the refresh cookie is no longer valid', async () => {
    tokenStore.set('old', 600, () => {});
    mockApi({
      'GET /api/v1/auth/me': () => problem(401, 'unauthenticated'),
      'POST /api/v1/auth/refresh': () => problem(401, 'unauthenticated'),
    });
    const result = await api.GET('/api/v1/auth/me');
    expect(() => unwrap(result)).toThrow(ApiError);
    expect(tokenStore.get()).toBeNull();
  });

  it('never retries the login itself', async () => {
    const calls = mockApi({ 'POST /api/v1/auth/token': () => problem(401, 'unauthenticated') });
    await api.POST('/api/v1/auth/token', {
      body: { grant_type: 'password', username: 'a', password: 'b', scope: '' },
      bodySerializer: (b) => new URLSearchParams(b as Record<string, string>),
    });
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(0);
  });
});
