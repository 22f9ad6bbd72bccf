// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type ConsentEvent, consentHistory, consentRows } from './consents';

const event = (purpose: ConsentEvent['purpose'], action: ConsentEvent['action'], at: string): ConsentEvent => ({
  id: `${purpose}-${at}`,
  purpose,
  action,
  text_version: '2026-01',
  channel: 'paper',
  recorded_at: at,
  recorded_by_user_id: null,
});

describe('consent states', () => {
  it('gives one row per purpose in a fixed order; never asked is not given', () => {
    const given = event('photo', 'given', '2026-01-02T10:00:00Z');
    const rows = consentRows({
      member_id: 'm',
      current: [
        { purpose: 'photo', given: true, latest: given },
        { purpose: 'directory_listing', given: false, latest: null },
      ],
      history: [given],
    });
    expect(rows.map((r) => [r.purpose, r.state])).toEqual([
      ['directory_listing', 'never'],
      ['contact_sharing', 'never'],
      ['photo', 'given'],
    ]);
  });

  it('a withdrawal after giving is the current state; history is newest first', () => {
    const older = event('contact_sharing', 'given', '2026-01-01T10:00:00Z');
    const newer = event('contact_sharing', 'withdrawn', '2026-02-01T10:00:00Z');
    const overview = { member_id: 'm', current: [{ purpose: 'contact_sharing' as const, given: false, latest: newer }], history: [older, newer] };
    expect(consentRows(overview)[1]).toEqual({ purpose: 'contact_sharing', state: 'withdrawn', latest: newer });
    expect(consentHistory(overview).map((e) => e.action)).toEqual(['withdrawn', 'given']);
  });
});
