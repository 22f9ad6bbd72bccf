// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizeProblem } from '../api/problem';
import { mapFieldErrors } from './fieldErrors';

function validation(errors: unknown[]) {
  return normalizeProblem({
    response: new Response(null, { status: 422 }),
    body: { type: 'urn:netzwerk:problem:validation-error', title: 'x', status: 422, errors },
  });
}

const translate = (e: { code: string }) => `msg:${e.code}`;

describe('mapFieldErrors', () => {
  it('puts each body error on its form field, first error per field wins', () => {
    const result = mapFieldErrors(
      validation([
        { location: 'body', field: 'email', message: 'm', code: 'value_error' },
        { location: 'body', field: 'email', message: 'm', code: 'string_too_long' },
        { location: 'body', field: 'name', message: 'm', code: 'missing' },
      ]),
      { email: 'email', name: 'name' },
      translate,
    );
    expect(result).toEqual({ fieldErrors: { email: 'msg:value_error', name: 'msg:missing' }, formErrors: [] });
  });

  it('maps nested paths to the nearest mapped parent (roles.0 -> roles)', () => {
    const result = mapFieldErrors(
      validation([{ location: 'body', field: 'roles.0', message: 'm', code: 'enum' }]),
      { roles: 'roles' },
      translate,
    );
    expect(result.fieldErrors).toEqual({ roles: 'msg:enum' });
  });

  it('maps server names to differently named form fields', () => {
    const result = mapFieldErrors(
      validation([{ location: 'body', field: 'new_password', message: 'm', code: 'string_too_short' }]),
      { new_password: 'next', current_password: 'current' },
      translate,
    );
    expect(result.fieldErrors).toEqual({ next: 'msg:string_too_short' });
  });

  it('keeps errors without a field on the form, never dropping them', () => {
    const result = mapFieldErrors(
      validation([
        { location: 'query', field: 'limit', message: 'm', code: 'less_than_equal' },
        { location: 'body', field: 'unknown_field', message: 'm', code: 'extra_forbidden' },
        { location: 'header', field: 'if-match', message: 'm', code: 'missing' },
      ]),
      { name: 'name' },
      translate,
      (e) => `Feld ${e.field}`,
    );
    expect(result.fieldErrors).toEqual({});
    expect(result.formErrors).toEqual([
      'Feld limit: msg:less_than_equal',
      'Feld unknown_field: msg:extra_forbidden',
      'Feld if-match: msg:missing',
    ]);
  });
});
