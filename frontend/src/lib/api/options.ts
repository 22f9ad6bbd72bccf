import { queryOptions } from '@tanstack/react-query';
import { sortBodies } from '@/lib/reference';
import { api, unwrap } from './client';

/** Every organisation, by name, for the select boxes (the API allows 200 a page). */
export const organisationOptionsQuery = queryOptions({
  queryKey: ['options', 'organisations'],
  queryFn: async ({ signal }) =>
    unwrap(await api.GET('/api/v1/organisations', { params: { query: { sort: 'name', limit: 200 } }, signal })).items,
  staleTime: 60_000,
});

/** Every body (working groups first, see `sortBodies`), for the select boxes and filters. */
export const bodyOptionsQuery = queryOptions({
  queryKey: ['options', 'bodies'],
  queryFn: async ({ signal }) =>
    sortBodies(unwrap(await api.GET('/api/v1/bodies', { params: { query: { limit: 200 } }, signal })).items),
  staleTime: 60_000,
});
