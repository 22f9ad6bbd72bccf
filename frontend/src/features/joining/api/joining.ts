import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type JoinPath = paths['/api/v1/join-requests'];

export type JoinRequestCreate = JoinPath['post']['requestBody']['content']['application/json'];
export type JoinEngagement = JoinRequestCreate['engagement'];

/** Version of the privacy notice the public form shows (stored with the consent). */
export const PRIVACY_TEXT_VERSION = '2026-01';

/** `POST /join-requests` (no login); always a neutral 202 when accepted. */
export function useCreateJoinRequest() {
  return useMutation({
    mutationFn: async (body: JoinRequestCreate) => unwrap(await api.POST('/api/v1/join-requests', { body })),
  });
}
