import { describe, expect, it } from 'vitest';
import { snapshotSummary } from './intranetExport';

describe('intranet export result', () => {
  it('shows time (Europe/Berlin), number of files and size in German formats', () => {
    expect(
      snapshotSummary({
        name: '20260305T133100Z-full',
        kind: 'full',
        created_at: '2026-03-05T13:31:00Z',
        since: null,
        next_since: '2026-03-05T13:31:00Z',
        files: 1234,
        bytes: 2_621_440,
      }),
    ).toEqual({ name: '20260305T133100Z-full', createdAt: '05.03.2026, 14:31', files: '1.234', size: '2,5 MB' });
  });
});
