// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_JOIN, joinBody, validateJoin } from './joinForm';

const filled = {
  ...EMPTY_JOIN,
  givenName: ' Lina ',
  familyName: 'Beispiel',
  email: 'lina@example.org ',
  engagement: 'volunteer' as const,
  consent: true,
};

describe('join form', () => {
  it('requires names, e-mail, engagement and consent', () => {
    expect(validateJoin(EMPTY_JOIN)).toEqual({
      givenName: { key: 'validation.required' },
      familyName: { key: 'validation.required' },
      email: { key: 'validation.required' },
      engagement: { key: 'joining.validation.engagement' },
      consent: { key: 'joining.validation.consent' },
    });
  });

  it('accepts a complete form and checks e-mail syntax and lengths', () => {
    expect(validateJoin(filled)).toEqual({});
    expect(validateJoin({ ...filled, email: 'kein-at' }).email).toEqual({ key: 'validation.email' });
    expect(validateJoin({ ...filled, message: 'x'.repeat(2001) }).message).toEqual({
      key: 'validation.serverLimit.string_too_long',
      options: { count: 2000 },
    });
  });

  it('builds the body: trimmed, empty organisation as null, honeypot only when filled', () => {
    expect(joinBody(filled, '2026-07')).toEqual({
      given_name: 'Lina',
      family_name: 'Beispiel',
      email: 'lina@example.org',
      organisation_name: null,
      engagement: 'volunteer',
      working_group_ids: [],
      message: '',
      consent: true,
      privacy_text_version: '2026-07',
      website: null,
    });
    expect(joinBody({ ...filled, organisation: ' AWO ', website: 'http://spam' }, '2026-01')).toMatchObject({
      organisation_name: 'AWO',
      website: 'http://spam',
    });
  });

  it('sends the chosen working groups', () => {
    const ids = ['0b6c1f6e-1111-4c4c-9a9a-000000000001', '0b6c1f6e-1111-4c4c-9a9a-000000000002'];
    expect(joinBody({ ...filled, workingGroups: ids }, '2026-01').working_group_ids).toEqual(ids);
  });
});
