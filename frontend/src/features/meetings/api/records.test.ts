// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupByItem } from './meetings';

describe('groupByItem', () => {
  it('groups offers by their agenda item and leaves out those without one', () => {
    const rows = [
      { id: '1', title: 'Sprachcafé', item: 'a' },
      { id: '2', title: 'Elternkurs', item: null },
      { id: '3', title: 'Bewerbungstraining', item: 'a' },
      { id: '4', title: 'Hausaufgabenhilfe', item: 'b' },
    ];
    const grouped = groupByItem(rows, (r) => r.item);
    expect(grouped.get('a')).toEqual([
      { id: '1', title: 'Sprachcafé' },
      { id: '3', title: 'Bewerbungstraining' },
    ]);
    expect(grouped.get('b')).toEqual([{ id: '4', title: 'Hausaufgabenhilfe' }]);
    expect([...grouped.keys()]).toEqual(['a', 'b']);
  });
});
