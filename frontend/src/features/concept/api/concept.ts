import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Schemas, api, unwrap } from '@/lib/api/client';

export type EditionSummary = Schemas['EditionSummary'];
export type Edition = Schemas['EditionRead'];
export type Field = Schemas['FieldRead'];
export type Goal = Schemas['GoalRead'];
export type EditionStatus = EditionSummary['status'];
export type Comparison = Schemas['EditionComparison'];
export type FieldChange = Schemas['FieldChange'];
export type GoalChange = Schemas['GoalChange'];
export type EditionUpdate = Schemas['EditionUpdate'];
export type EditionDerive = Schemas['EditionDerive'];
export type EditionCreate = Schemas['EditionCreate'];
export type EditionAdopt = Schemas['EditionAdopt'];
export type FieldCreate = Schemas['FieldCreate'];
export type FieldUpdate = Schemas['FieldUpdate'];
export type GoalCreate = Schemas['GoalCreate'];
export type GoalUpdate = Schemas['GoalUpdate'];

/** The strong ETag of a row: its version in quotes (the API builds it so). */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const conceptKeys = {
  all: ['concept'] as const,
  editions: ['concept', 'editions'] as const,
  edition: (id: string) => ['concept', 'edition', id] as const,
  comparison: (id: string, base: string) => ['concept', 'comparison', id, base] as const,
};

const noFocusRefetch = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

/** Every edition (there are only a handful), newest year first. */
export const editionsQuery = queryOptions({
  queryKey: conceptKeys.editions,
  queryFn: async ({ signal }) =>
    unwrap(await api.GET('/api/v1/concept/editions', { params: { query: { limit: 200 } }, signal })).items,
});

export function editionQuery(id: string) {
  return queryOptions({
    queryKey: conceptKeys.edition(id),
    queryFn: async ({ signal }): Promise<Edition> =>
      unwrap(await api.GET('/api/v1/concept/editions/{edition_id}', { params: { path: { edition_id: id } }, signal })),
    ...noFocusRefetch,
  });
}

export function comparisonQuery(id: string, base: string) {
  return queryOptions({
    queryKey: conceptKeys.comparison(id, base),
    queryFn: async ({ signal }): Promise<Comparison> =>
      unwrap(
        await api.GET('/api/v1/concept/editions/{edition_id}/comparison', {
          params: { path: { edition_id: id }, query: { base } },
          signal,
        }),
      ),
  });
}

export async function fetchEdition(id: string): Promise<Edition> {
  return unwrap(await api.GET('/api/v1/concept/editions/{edition_id}', { params: { path: { edition_id: id } } }));
}

/** After any change: the edition, the list, comparisons and the pickers of other pages. */
function useConceptChanged() {
  const queryClient = useQueryClient();
  return async (edition?: Edition) => {
    if (edition) queryClient.setQueryData(conceptKeys.edition(edition.id), edition);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: conceptKeys.all }),
      // The needs' field-of-action picker follows the current edition.
      queryClient.invalidateQueries({ queryKey: ['needs', 'fields-of-action'] }),
    ]);
  };
}

export function useCreateEdition() {
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async (body: EditionCreate) => unwrap(await api.POST('/api/v1/concept/editions', { body })),
    onSuccess: (edition) => changed(edition),
  });
}

export function useDeriveEdition() {
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async ({ sourceId, body }: { sourceId: string; body: EditionDerive }) =>
      unwrap(
        await api.POST('/api/v1/concept/editions/{edition_id}/derive', {
          params: { path: { edition_id: sourceId } },
          body,
        }),
      ),
    onSuccess: (edition) => changed(edition),
  });
}

export function useUpdateEdition(edition: Edition) {
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async ({ body, version }: { body: EditionUpdate; version: number }) =>
      unwrap(
        await api.PATCH('/api/v1/concept/editions/{edition_id}', {
          params: { path: { edition_id: edition.id } },
          headers: ifMatch(version),
          body,
        }),
      ),
    onSuccess: (saved) => changed(saved),
  });
}

export function useDeleteEdition(edition: Edition) {
  const queryClient = useQueryClient();
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async () => {
      unwrap(
        await api.DELETE('/api/v1/concept/editions/{edition_id}', {
          params: { path: { edition_id: edition.id } },
          headers: ifMatch(edition.version),
        }),
      );
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: conceptKeys.edition(edition.id) });
      await changed();
    },
  });
}

export function useAdoptEdition(edition: Edition) {
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async (body: EditionAdopt) =>
      unwrap(
        await api.POST('/api/v1/concept/editions/{edition_id}/adopt', {
          params: { path: { edition_id: edition.id } },
          headers: ifMatch(edition.version),
          body,
        }),
      ),
    onSuccess: (saved) => changed(saved),
  });
}

export function useSaveField(editionId: string) {
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async (
      args: { field: null; body: FieldCreate } | { field: Field; body: FieldUpdate },
    ): Promise<Schemas['FieldRead']> =>
      args.field === null
        ? unwrap(
            await api.POST('/api/v1/concept/editions/{edition_id}/fields', {
              params: { path: { edition_id: editionId } },
              body: args.body,
            }),
          )
        : unwrap(
            await api.PATCH('/api/v1/concept/fields/{field_id}', {
              params: { path: { field_id: args.field.id } },
              headers: ifMatch(args.field.version),
              body: args.body,
            }),
          ),
    onSuccess: () => changed(),
  });
}

export function useDeleteField() {
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async (field: Field) => {
      unwrap(
        await api.DELETE('/api/v1/concept/fields/{field_id}', {
          params: { path: { field_id: field.id } },
          headers: ifMatch(field.version),
        }),
      );
    },
    onSuccess: () => changed(),
  });
}

export function useSaveGoal(editionId: string) {
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async (args: { goal: null; body: GoalCreate } | { goal: Goal; body: GoalUpdate }): Promise<Goal> =>
      args.goal === null
        ? unwrap(
            await api.POST('/api/v1/concept/editions/{edition_id}/goals', {
              params: { path: { edition_id: editionId } },
              body: args.body,
            }),
          )
        : unwrap(
            await api.PATCH('/api/v1/concept/goals/{goal_id}', {
              params: { path: { goal_id: args.goal.id } },
              headers: ifMatch(args.goal.version),
              body: args.body,
            }),
          ),
    onSuccess: () => changed(),
  });
}

export function useDeleteGoal() {
  const changed = useConceptChanged();
  return useMutation({
    mutationFn: async (goal: Goal) => {
      unwrap(
        await api.DELETE('/api/v1/concept/goals/{goal_id}', {
          params: { path: { goal_id: goal.id } },
          headers: ifMatch(goal.version),
        }),
      );
    },
    onSuccess: () => changed(),
  });
}
