import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type OffersPath = paths['/api/v1/offers'];
type OfferPath = paths['/api/v1/offers/{offer_id}'];
type PublicOffersPath = paths['/api/v1/public/offers'];

export type Offer = OfferPath['get']['responses'][200]['content']['application/json'];
export type OfferPage = OffersPath['get']['responses'][200]['content']['application/json'];
export type OfferListParams = NonNullable<OffersPath['get']['parameters']['query']>;
export type OfferCreate = OffersPath['post']['requestBody']['content']['application/json'];
export type OfferUpdate = OfferPath['patch']['requestBody']['content']['application/json'];
export type PublicOfferPage = PublicOffersPath['get']['responses'][200]['content']['application/json'];
export type PublicOffer = PublicOfferPage['items'][number];
export type PublicOfferParams = NonNullable<PublicOffersPath['get']['parameters']['query']>;

export const OFFER_PAGE_SIZE = 20;

export const offerKeys = {
  all: ['offers'] as const,
  list: (params: OfferListParams) => ['offers', 'list', params] as const,
  detail: (id: string) => ['offers', 'detail', id] as const,
  publicList: (params: PublicOfferParams) => ['offers', 'public', 'list', params] as const,
  publicDetail: (id: string) => ['offers', 'public', 'detail', id] as const,
};

const noFocusRefetch = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

/** The public catalogue (no login): published offers that have not expired. */
export function publicOffersQuery(params: PublicOfferParams) {
  return queryOptions({
    queryKey: offerKeys.publicList(params),
    queryFn: async ({ signal }): Promise<PublicOfferPage> =>
      unwrap(await api.GET('/api/v1/public/offers', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function publicOfferQuery(id: string) {
  return queryOptions({
    queryKey: offerKeys.publicDetail(id),
    queryFn: async ({ signal }): Promise<PublicOffer> =>
      unwrap(await api.GET('/api/v1/public/offers/{offer_id}', { params: { path: { offer_id: id } }, signal })),
  });
}

/** The internal register: every offer, internal ones too. */
export function offersListQuery(params: OfferListParams) {
  return queryOptions({
    queryKey: offerKeys.list(params),
    queryFn: async ({ signal }): Promise<OfferPage> =>
      unwrap(await api.GET('/api/v1/offers', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function offerQuery(id: string) {
  return queryOptions({
    queryKey: offerKeys.detail(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/offers/{offer_id}', { params: { path: { offer_id: id } }, signal })),
    ...noFocusRefetch,
  });
}

export async function fetchLatestOffer(id: string) {
  return unwrapWithEtag(await api.GET('/api/v1/offers/{offer_id}', { params: { path: { offer_id: id } } }));
}

export function useCreateOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: OfferCreate) => unwrapWithEtag(await api.POST('/api/v1/offers', { body })),
    onSuccess: async (result) => {
      queryClient.setQueryData(offerKeys.detail(result.data.id), result);
      await queryClient.invalidateQueries({ queryKey: ['offers', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['offers', 'public'] });
    },
  });
}

export function useUpdateOffer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: OfferUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/offers/{offer_id}', {
          params: { path: { offer_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(offerKeys.detail(id), result);
      await queryClient.invalidateQueries({ queryKey: ['offers', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['offers', 'public'] });
    },
  });
}

export function useDeleteOffer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (etag: string) => {
      unwrap(
        await api.DELETE('/api/v1/offers/{offer_id}', {
          params: { path: { offer_id: id }, header: { 'If-Match': etag } },
        }),
      );
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: offerKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: ['offers', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['offers', 'public'] });
    },
  });
}
