import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client';
import type { paths } from './api/schema.gen';

export type SiteInfo = paths['/api/v1/site']['get']['responses'][200]['content']['application/json'];

export const siteQuery = queryOptions({
  queryKey: ['site'],
  queryFn: async () => unwrap(await api.GET('/api/v1/site')),
  staleTime: Infinity,
  retry: 1,
});

/** Public site settings (county name, legal links); undefined while loading or on error. */
export function useSite(): SiteInfo | undefined {
  return useQuery(siteQuery).data;
}
