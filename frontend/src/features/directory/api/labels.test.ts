// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { translations } from '../i18n';
import { groupByRole, memberName, roleGroupKey, roleLabelKey, rolesFor, todayIso } from './labels';

function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translations.de);
}

describe('membership roles', () => {
  it('working groups and the steering group have their own roles in page order', () => {
    expect(rolesFor('working_group')).toEqual(['spokesperson', 'deputy_spokesperson', 'member', 'guest']);
    expect(rolesFor('network')).toEqual(['spokesperson', 'deputy_spokesperson', 'member', 'guest']);
    expect(rolesFor('steering_group')).toEqual(['chair', 'deputy_chair', 'member']);
  });

  it('every role has a German label and a group heading', () => {
    for (const role of ['spokesperson', 'deputy_spokesperson', 'member', 'guest', 'chair', 'deputy_chair'] as const) {
      expect(lookup(roleLabelKey(role)), role).toBeTypeOf('string');
      expect(lookup(roleGroupKey(role)), role).toBeTypeOf('string');
    }
    expect(lookup(roleLabelKey('spokesperson'))).toBe('Sprecher:in');
    expect(lookup(roleLabelKey('deputy_chair'))).toBe('stellv. Vorsitz');
  });
});

describe('groupByRole', () => {
  const items = [
    { role: 'member' as const, name: 'Zora' },
    { role: 'spokesperson' as const, name: 'Bert' },
    { role: 'member' as const, name: 'Änne' },
    { role: 'chair' as const, name: 'Landrat' },
  ];

  it('lists every role of the body in order, sorted by name with German collation', () => {
    const groups = groupByRole('working_group', items, (i) => i.name);
    expect(groups.map((g) => g.role)).toEqual(['spokesperson', 'deputy_spokesperson', 'member', 'guest', 'chair']);
    expect(groups[2]?.items.map((i) => i.name)).toEqual(['Änne', 'Zora']);
    expect(groups[1]?.items).toEqual([]);
    // A role the body does not know is not dropped.
    expect(groups[4]?.items.map((i) => i.name)).toEqual(['Landrat']);
  });

  it('uses the steering group roles for the steering group', () => {
    const groups = groupByRole('steering_group', items, (i) => i.name);
    expect(groups.map((g) => g.role)).toEqual(['chair', 'deputy_chair', 'member', 'spokesperson']);
  });
});

describe('helpers', () => {
  it('builds display names and today in Berlin', () => {
    expect(memberName({ title: 'Dr.', given_name: 'Erika', family_name: 'Muster' })).toBe('Dr. Erika Muster');
    expect(memberName({ title: null, given_name: 'Erika', family_name: 'Muster' })).toBe('Erika Muster');
    expect(todayIso(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
  });
});
