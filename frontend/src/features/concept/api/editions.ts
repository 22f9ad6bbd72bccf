import type { EditionSummary } from './concept';

/**
 * The edition in force (the adopted concept edition), the live draft and the guiding principles,
 * from the list of all editions.
 */
export function pickEditions<E extends Pick<EditionSummary, 'kind' | 'status'>>(editions: readonly E[]) {
  return {
    current: editions.find((e) => e.kind === 'concept' && e.status === 'adopted') ?? null,
    draft: editions.find((e) => e.status === 'draft') ?? null,
    principles: editions.find((e) => e.kind === 'guiding_principles' && e.status !== 'draft') ?? null,
  };
}
