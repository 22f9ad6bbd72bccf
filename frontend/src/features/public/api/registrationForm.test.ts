// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatMeetingTime, formatPlace } from './meetingTime';
import { isPlausibleToken } from './publicMeetings';
import { EMPTY_REGISTRATION, registrationBody, validateRegistration } from './registrationForm';

const filled = { ...EMPTY_REGISTRATION, givenName: ' Mira ', familyName: 'Beispiel', email: 'mira@example.org ', consent: true };

describe('registration form', () => {
  it('requires names, e-mail and consent', () => {
    expect(validateRegistration(EMPTY_REGISTRATION)).toEqual({
      givenName: { key: 'validation.required' },
      familyName: { key: 'validation.required' },
      email: { key: 'validation.required' },
      consent: { key: 'publicPages.register.consentRequired' },
    });
    expect(validateRegistration(filled)).toEqual({});
    expect(validateRegistration({ ...filled, email: 'kein-at' }).email).toEqual({ key: 'validation.email' });
    expect(validateRegistration({ ...filled, organisation: 'o'.repeat(201) }).organisation).toEqual({
      key: 'validation.serverLimit.string_too_long',
      options: { count: 200 },
    });
  });

  it('builds the body with the server-named privacy text version and the honeypot', () => {
    expect(registrationBody(filled, '2026-01')).toEqual({
      given_name: 'Mira',
      family_name: 'Beispiel',
      email: 'mira@example.org',
      organisation_name: null,
      consent: true,
      privacy_text_version: '2026-01',
      website: null,
    });
    expect(registrationBody({ ...filled, website: 'http://spam' }, '2026-01').website).toBe('http://spam');
  });
});

describe('meeting time and place', () => {
  it('shows Berlin local time in summer and winter', () => {
    expect(formatMeetingTime('2026-10-14T13:00:00Z', '2026-10-14T15:00:00Z')).toBe('Mittwoch, 14. Oktober 2026, 15:00–17:00 Uhr');
    expect(formatMeetingTime('2026-11-11T14:00:00+00:00', '2026-11-11T16:30:00+00:00')).toBe('Mittwoch, 11. November 2026, 15:00–17:30 Uhr');
  });

  it('names both days when a meeting runs past midnight', () => {
    expect(formatMeetingTime('2026-11-11T21:00:00Z', '2026-11-11T23:30:00Z')).toBe(
      'Mittwoch, 11. November 2026, 22:00 Uhr – Donnerstag, 12. November 2026, 00:30 Uhr',
    );
  });

  it('joins address and room', () => {
    expect(formatPlace('Schlossplatz 1, 38518 Gifhorn', 'Saal')).toBe('Schlossplatz 1, 38518 Gifhorn – Saal');
    expect(formatPlace(null, ' ')).toBe('');
  });

  it('accepts only link secrets of the right shape', () => {
    expect(isPlausibleToken('a'.repeat(43))).toBe(true);
    expect(isPlausibleToken('kurz')).toBe(false);
    expect(isPlausibleToken(`${'a'.repeat(30)}/../x`)).toBe(false);
  });
});
