import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

export type MeasureMatch = paths['/api/v1/measures']['get']['responses'][200]['content']['application/json']['items'][number];

/** Measures whose reference, title or description match `q` (newest first), for the agenda item's measure select. */
export function measureSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['meetings', 'measure-search', q],
    queryFn: async ({ signal }): Promise<{ items: MeasureMatch[]; total: number }> =>
      unwrap(await api.GET('/api/v1/measures', { params: { query: { limit: 20, ...(q ? { q } : {}) } }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
