// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { diffChanges, orNull } from './changes';

describe('diffChanges', () => {
  it('lists only the fields whose shown value differs', () => {
    const fields = [
      { label: 'Titel', show: (v: { title: string; city: string }) => v.title },
      { label: 'Ort', show: (v: { title: string; city: string }) => v.city },
    ];
    expect(diffChanges(fields, { title: 'A', city: 'Gifhorn' }, { title: 'B', city: 'Gifhorn' })).toEqual([
      { label: 'Titel', mine: 'A', theirs: 'B' },
    ]);
    expect(diffChanges(fields, { title: 'A', city: 'X' }, { title: 'A', city: 'X' })).toEqual([]);
  });
});

describe('orNull', () => {
  it('turns blank text into null and trims the rest', () => {
    expect(orNull('   ')).toBeNull();
    expect(orNull('')).toBeNull();
    expect(orNull(' Gifhorn ')).toBe('Gifhorn');
  });
});
