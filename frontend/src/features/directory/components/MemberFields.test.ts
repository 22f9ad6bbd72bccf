// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_MEMBER, memberBody, memberLanguages, memberToValues, validateMember } from './MemberFields';

describe('member form values', () => {
  it('splits languages into the offered checkboxes and further codes, and joins them back', () => {
    const values = memberToValues({
      id: 'x',
      title: null,
      given_name: 'Erika',
      family_name: 'Muster',
      organisation_id: null,
      engagement: 'volunteer',
      function: null,
      languages: ['ar', 'de', 'sq'],
      status: 'active',
    });
    expect(values.languages).toEqual(['ar', 'de']);
    expect(values.otherLanguages).toBe('sq');
    expect(memberLanguages(values)).toEqual(['de', 'ar', 'sq']);
  });

  it('sends null for empty optional fields and trims names', () => {
    const body = memberBody({ ...EMPTY_MEMBER, givenName: ' Erika ', familyName: 'Muster', otherLanguages: 'SQ, de' });
    expect(body).toMatchObject({
      given_name: 'Erika',
      title: null,
      email: null,
      organisation_id: null,
      joined_on: null,
      languages: ['de', 'sq'],
      engagement: 'professional',
      status: 'active',
    });
  });

  it('checks required names, e-mail, language codes and date order', () => {
    const errors = validateMember({
      ...EMPTY_MEMBER,
      email: 'kaputt',
      otherLanguages: 'sq, Albanisch',
      joinedOn: '2026-05-01',
      leftOn: '2026-04-30',
    });
    expect(Object.keys(errors).sort()).toEqual(['email', 'familyName', 'givenName', 'leftOn', 'otherLanguages']);
    expect(errors.otherLanguages?.options).toEqual({ entries: 'Albanisch' });
  });
});
