import type { NormalizedProblem } from '@/lib/api/problem';

/**
 * The submission deadline as the API states it when it refuses a late paper. The dates come
 * inside the English problem texts (there is no separate field), so they are read from there:
 * 409 for a spokesperson ("… steering meeting on 2026-12-09 was 2026-11-18; …") and 422 at
 * `late_reason` for a coordinator without a reason ("The deadline was 2026-11-18; …").
 */
export interface Deadline {
  /** dd.mm.yyyy, or null when the text names no date. */
  deadline: string | null;
  /** The steering meeting's day (dd.mm.yyyy), when named. */
  meetingDay: string | null;
}

const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function germanDays(text: string | null): string[] {
  return [...(text ?? '').matchAll(ISO_DAY)].map(([, y, m, d]) => `${d}.${m}.${y}`);
}

/** A 409 of `submit` that is about the deadline (a spokesperson after it). */
export function deadlineConflict(problem: NormalizedProblem): Deadline | null {
  if (problem.kind !== 'conflict' || !/deadline/i.test(problem.detail ?? '')) return null;
  const days = germanDays(problem.detail);
  // "on <meeting day> was <deadline>"
  return days.length >= 2 ? { meetingDay: days[0] ?? null, deadline: days[1] ?? null } : { meetingDay: null, deadline: days[0] ?? null };
}

/** A 422 of `submit` asking a coordinator why the late paper is accepted. */
export function lateReasonRequired(problem: NormalizedProblem): Deadline | null {
  if (problem.kind !== 'validation-error') return null;
  const error = problem.fieldErrors.find((e) => e.field === 'late_reason');
  if (!error) return null;
  return { meetingDay: null, deadline: germanDays(error.message)[0] ?? null };
}

/** A 422 of `submit`: a request or recommendation without a proposed resolution. */
export function missingProposal(problem: NormalizedProblem): boolean {
  return problem.kind === 'validation-error' && problem.fieldErrors.some((e) => e.field === 'proposed_resolution');
}
