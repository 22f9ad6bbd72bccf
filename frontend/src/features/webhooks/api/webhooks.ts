import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type SubscriptionsPath = paths['/api/v1/webhooks'];
type DeliveriesPath = paths['/api/v1/webhooks/{subscription_id}/deliveries'];

export type SubscriptionPage = SubscriptionsPath['get']['responses'][200]['content']['application/json'];
export type Subscription = SubscriptionPage['items'][number];
export type SubscriptionListParams = NonNullable<SubscriptionsPath['get']['parameters']['query']>;
export type DeliveryPage = DeliveriesPath['get']['responses'][200]['content']['application/json'];
export type Delivery = DeliveryPage['items'][number];
export type WebhookEvent = Subscription['events'][number];
export type DeliveryStatus = Delivery['status'];
type ApiClientPage = paths['/api/v1/api-clients']['get']['responses'][200]['content']['application/json'];
export type ApiClientSummary = Pick<ApiClientPage['items'][number], 'id' | 'name' | 'revoked_at'>;

export const SUBSCRIPTION_PAGE_SIZE = 20;
export const DELIVERY_PAGE_SIZE = 20;
/** The API's largest page, for the lookups that need every row. */
const MAX_LIMIT = 200;

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: (params: SubscriptionListParams) => ['webhooks', 'list', params] as const,
  subscription: (id: string) => ['webhooks', 'subscription', id] as const,
  deliveries: (id: string, offset: number) => ['webhooks', 'deliveries', id, offset] as const,
  clients: ['webhooks', 'api-clients'] as const,
};

/** Every row of a paged list, page by page. */
async function allPages<T>(fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const page = await fetchPage(offset, MAX_LIMIT);
    rows.push(...page.items);
    if (page.items.length === 0 || offset + MAX_LIMIT >= page.total) return rows;
  }
}

export function subscriptionsQuery(params: SubscriptionListParams) {
  return queryOptions({
    queryKey: webhookKeys.list(params),
    queryFn: async ({ signal }): Promise<SubscriptionPage> =>
      unwrap(await api.GET('/api/v1/webhooks', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One subscription. */
export function subscriptionQuery(id: string) {
  return queryOptions({
    queryKey: webhookKeys.subscription(id),
    queryFn: async ({ signal }): Promise<Subscription> =>
      unwrap(await api.GET('/api/v1/webhooks/{subscription_id}', { params: { path: { subscription_id: id } }, signal })),
  });
}

/** All API clients (live and revoked), loaded once per visit, to name a subscription's client. */
export function apiClientsQuery() {
  return queryOptions({
    queryKey: webhookKeys.clients,
    queryFn: async ({ signal }): Promise<ApiClientSummary[]> =>
      allPages(async (offset, limit) =>
        unwrap(await api.GET('/api/v1/api-clients', { params: { query: { offset, limit } }, signal })),
      ),
    staleTime: 5 * 60_000,
  });
}

export function deliveriesQuery(subscriptionId: string, offset: number) {
  return queryOptions({
    queryKey: webhookKeys.deliveries(subscriptionId, offset),
    queryFn: async ({ signal }): Promise<DeliveryPage> =>
      unwrap(
        await api.GET('/api/v1/webhooks/{subscription_id}/deliveries', {
          params: { path: { subscription_id: subscriptionId }, query: { limit: DELIVERY_PAGE_SIZE, offset } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Sends a delivery again (a new log entry, due at once) and reloads the log. */
export function useReplayDelivery(subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deliveryId: string): Promise<Delivery> =>
      unwrap(await api.POST('/api/v1/webhook-deliveries/{delivery_id}/replay', { params: { path: { delivery_id: deliveryId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['webhooks', 'deliveries', subscriptionId] });
    },
  });
}
