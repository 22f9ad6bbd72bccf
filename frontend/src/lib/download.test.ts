// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download';

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name, then the quoted one, then the fallback', () => {
    expect(fileNameFrom(`attachment; filename="Mitglieder-2026-11-25.csv"; filename*=UTF-8''Mitglieder-2026-11-25.csv`, 'x')).toBe(
      'Mitglieder-2026-11-25.csv',
    );
    expect(fileNameFrom(`attachment; filename*=UTF-8''%C3%9Cbersicht.csv`, 'x')).toBe('Übersicht.csv');
    expect(fileNameFrom('attachment; filename="Auskunft-Art15-1.json"', 'x')).toBe('Auskunft-Art15-1.json');
    expect(fileNameFrom('attachment', 'fallback.csv')).toBe('fallback.csv');
    expect(fileNameFrom(null, 'fallback.csv')).toBe('fallback.csv');
  });
});
