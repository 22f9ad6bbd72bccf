// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { reasonError } from './reason';

describe('reason for an export or erasure', () => {
  it('is required and needs at least five characters', () => {
    expect(reasonError('')).toBe('directory.reason.required');
    expect(reasonError('   ')).toBe('directory.reason.required');
    expect(reasonError(' abc ')).toBe('directory.reason.tooShort');
    expect(reasonError('Anfrage vom 20.11.')).toBeNull();
  });

  it('stays on one line and within 500 characters', () => {
    expect(reasonError('Zeile eins\nZeile zwei')).toBe('directory.reason.singleLine');
    expect(reasonError('x'.repeat(501))).toBe('directory.reason.tooLong');
    expect(reasonError('x'.repeat(500))).toBeNull();
  });
});
