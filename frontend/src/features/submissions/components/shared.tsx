import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { useSession } from '@/lib/session/SessionProvider';
import type { Abilities } from '../api/actions';
import {
  type LinkChoice,
  type Outcome,
  type SubmissionStatus,
  ledBodiesQuery,
  linkedMeasureQuery,
  linkedNeedQuery,
} from '../api/submissions';

/** Admins and coordinators; spokespersons for the bodies they lead. `pending` while those load. */
export function useAbilities(): Abilities & { pending: boolean } {
  const { hasRole, user } = useSession();
  const coordinator = hasRole('admin') || hasRole('coordinator');
  const memberId = user?.member_id ?? '';
  const spokesperson = hasRole('spokesperson') && memberId !== '';
  const led = useQuery({ ...ledBodiesQuery(memberId), enabled: !coordinator && spokesperson });
  return {
    coordinator,
    ledBodyIds: led.data ?? [],
    pending: !coordinator && spokesperson && led.isPending,
  };
}

const STATUS_VARIANT: Record<SubmissionStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  draft: 'info',
  submitted: 'info',
  scheduled: 'warning',
  decided: 'success',
  withdrawn: 'danger',
};

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={STATUS_VARIANT[status]} small>
      {t(`submissions.statuses.${status}`)}
    </Badge>
  );
}

const OUTCOME_VARIANT: Record<Outcome, 'info' | 'success' | 'warning' | 'danger'> = {
  approved: 'success',
  approved_with_changes: 'success',
  rejected: 'danger',
  deferred: 'warning',
  noted: 'info',
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <Badge variant={OUTCOME_VARIANT[outcome]} small>
      {t(`submissions.outcomes.${outcome}`)}
    </Badge>
  );
}

/** "Ja: 9, Nein: 3, Enthaltungen: 1", or null when no votes were recorded. */
export function useVotesText(): (paper: { votes_for: number | null; votes_against: number | null; abstentions: number | null }) => string | null {
  const { t } = useTranslation();
  return (paper) => {
    const parts = [
      paper.votes_for !== null ? t('submissions.decision.votesFor', { value: paper.votes_for }) : null,
      paper.votes_against !== null ? t('submissions.decision.votesAgainst', { value: paper.votes_against }) : null,
      paper.abstentions !== null ? t('submissions.decision.abstentions', { value: paper.abstentions }) : null,
    ].filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  };
}

/**
 * The labels of the measures and needs a paper links (it stores only their ids). A link whose
 * target is gone or hidden reads "nicht (mehr) verfügbar". `pending` until all have answered.
 */
export function useLinkLabels(measureIds: readonly string[], needIds: readonly string[]) {
  const { t } = useTranslation();
  const measures = useQueries({ queries: measureIds.map((id) => linkedMeasureQuery(id)) });
  const needs = useQueries({ queries: needIds.map((id) => linkedNeedQuery(id)) });
  const label = (ids: readonly string[], results: typeof measures, missing: string): LinkChoice[] =>
    ids.map((id, index) => results[index]?.data ?? { id, label: missing });
  return {
    measures: label(measureIds, measures, t('submissions.links.missingMeasure')),
    needs: label(needIds, needs, t('submissions.links.missingNeed')),
    pending: [...measures, ...needs].some((result) => result.isPending),
  };
}

/** The value once typing pauses (searches run then, not on every key). */
export function useDebounced(value: string, delay = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value.trim()), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
