import type { components } from './api/schema.gen';

export type ConsentOverview = components['schemas']['ConsentOverview'];
export type ConsentEvent = components['schemas']['ConsentRead'];
export type ConsentPurpose = ConsentEvent['purpose'];
export type ConsentAction = ConsentEvent['action'];
export type ConsentChannel = components['schemas']['ConsentCreate']['channel'];

export const CONSENT_PURPOSES = ['directory_listing', 'contact_sharing', 'photo'] as const satisfies readonly ConsentPurpose[];
export const CONSENT_CHANNELS = ['paper', 'email', 'web_form', 'in_person'] as const satisfies readonly ConsentChannel[];
/** Current version of the consent text (privacy notice). */
export const CONSENT_TEXT_VERSION = '2026-01';

export interface ConsentRow {
  purpose: ConsentPurpose;
  /** 'given', 'withdrawn' or 'never' (never asked counts as not given). */
  state: 'given' | 'withdrawn' | 'never';
  latest: ConsentEvent | null;
}

/** One row per purpose in the fixed order, whatever the server sends or leaves out. */
export function consentRows(overview: ConsentOverview): ConsentRow[] {
  return CONSENT_PURPOSES.map((purpose) => {
    const current = overview.current.find((c) => c.purpose === purpose);
    const latest =
      current?.latest ?? overview.history.find((e) => e.purpose === purpose) ?? null;
    const state = latest === null ? 'never' : latest.action === 'given' ? 'given' : 'withdrawn';
    return { purpose, state, latest };
  });
}

/** The event log, newest first. */
export function consentHistory(overview: ConsentOverview): ConsentEvent[] {
  return [...overview.history].sort((a, b) => b.recorded_at.localeCompare(a.recorded_at));
}
