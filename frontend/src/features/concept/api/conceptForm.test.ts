// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FIELD,
  adoptBody,
  deriveDefaults,
  editionChanges,
  fieldBody,
  fieldChanges,
  goalChanges,
  nextGoalCode,
  validateAdopt,
  validateDerive,
  validateEdition,
  validateField,
  validateGoal,
} from './conceptForm';

const A = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';
const B = '9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

describe('concept forms', () => {
  it('checks year and title of a new draft and proposes this year', () => {
    expect(deriveDefaults(new Date(2026, 10, 25))).toEqual({ year: '2026', title: 'Integrationskonzept 2026' });
    expect(validateDerive({ year: '', title: ' ' })).toEqual({ year: 'validation.required', title: 'validation.required' });
    expect(validateDerive({ year: '26', title: 'X' }).year).toBe('concept.validation.year');
    expect(validateDerive({ year: '1989', title: 'X' }).year).toBe('concept.validation.year');
    expect(validateDerive({ year: '2026', title: 'x'.repeat(301) }).title).toBe('concept.validation.tooLong300');
    expect(validateDerive({ year: ' 2026 ', title: 'Integrationskonzept 2026' })).toEqual({});
  });

  it('sends only the changed details of a draft', () => {
    const before = { year: '2026', title: 'Entwurf', introduction: 'Text' };
    expect(editionChanges(before, before)).toEqual({});
    expect(editionChanges(before, { ...before, title: ' Entwurf 2026 ', year: '2027' })).toEqual({ year: 2027, title: 'Entwurf 2026' });
    expect(validateEdition({ ...before, introduction: 'a\u0000b' }).introduction).toBe('validation.server.fallback');
    expect(validateEdition({ ...before, introduction: 'Zeile 1\nZeile 2\tmit Tab' })).toEqual({});
  });

  it('maps a field of action and compares its bodies regardless of order', () => {
    expect(validateField(EMPTY_FIELD)).toEqual({ code: 'validation.required', title: 'validation.required' });
    expect(validateField({ ...EMPTY_FIELD, code: 'B'.repeat(17), title: 'Bildung' }).code).toBe('concept.validation.tooLong16');
    const values = { code: ' B ', title: 'Bildung und Sprache', description: '', bodies: [A, B] };
    expect(fieldBody(values)).toEqual({ code: 'B', title: 'Bildung und Sprache', description: '', body_ids: [A, B] });
    expect(fieldChanges(values, { ...values, bodies: [B, A] })).toEqual({});
    expect(fieldChanges(values, { ...values, bodies: [B] })).toEqual({ body_ids: [B] });
    expect(fieldChanges(values, { ...values, title: 'Bildung' })).toEqual({ title: 'Bildung' });
  });

  it('needs a field for a goal; moving it sends the new field only', () => {
    expect(validateGoal({ field: '', code: 'B.1', title: 'Ziel', description: '' })).toEqual({ field: 'concept.validation.field' });
    const before = { field: A, code: 'B.2', title: 'Übergänge begleiten', description: '' };
    expect(goalChanges(before, { ...before, field: B })).toEqual({ field_of_action_id: B });
    expect(goalChanges(before, { ...before, title: 'Übergänge mit Mentoring begleiten ' })).toEqual({
      title: 'Übergänge mit Mentoring begleiten',
    });
  });

  it('proposes the next goal code of a field', () => {
    expect(nextGoalCode('B', ['B.1', 'B.2', 'A.1', 'B.10x'])).toBe('B.3');
    expect(nextGoalCode('T', ['B.1'])).toBe('T.1');
    expect(nextGoalCode('A', ['A.1', 'A.3'])).toBe('A.4');
  });

  it('requires the date and who adopted it', () => {
    expect(validateAdopt({ adoptedOn: '', adoptedBy: '' })).toEqual({
      adoptedOn: 'validation.required',
      adoptedBy: 'validation.required',
    });
    expect(validateAdopt({ adoptedOn: '17.12.2026', adoptedBy: 'Kreistag' }).adoptedOn).toBe('concept.validation.date');
    expect(validateAdopt({ adoptedOn: '2026-12-17', adoptedBy: 'Kreistag' })).toEqual({});
    expect(adoptBody({ adoptedOn: '2026-12-17', adoptedBy: ' Kreistag ' })).toEqual({
      adopted_on: '2026-12-17',
      adopted_by: 'Kreistag',
    });
  });
});
