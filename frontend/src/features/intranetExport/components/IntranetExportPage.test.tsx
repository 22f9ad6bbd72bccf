import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import { IntranetExportPage } from './IntranetExportPage';

const snapshot = {
  name: '20260305T133100Z-full',
  kind: 'full',
  created_at: '2026-03-05T13:31:00Z',
  since: null,
  next_since: '2026-03-05T13:31:00Z',
  files: 87,
  bytes: 1_572_864,
};

function open() {
  return renderRoute(<IntranetExportPage />, { path: '/export', url: '/export' });
}

describe('intranet export page', () => {
  it('runs an export and shows when, how many files and how large', async () => {
    const calls = mockApi({ 'POST /api/v1/exports/intranet': () => json(snapshot, 201) });
    const user = userEvent.setup();
    open();
    expect(screen.getByText(/„netzwerk export“/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export jetzt erstellen' }));
    const result = await screen.findByText('Der Export wurde erstellt.');
    const alert = result.closest('[role="status"]');
    expect(alert).toHaveTextContent('05.03.2026, 14:31');
    expect(alert).toHaveTextContent('Dateien (mit manifest.json)87');
    expect(alert).toHaveTextContent('Größe1,5 MB');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/exports/intranet']);
    expect(screen.getByRole('button', { name: 'Export jetzt erstellen' })).toBeEnabled();
  });

  it('says that an export is already running on 409', async () => {
    mockApi({ 'POST /api/v1/exports/intranet': () => problem(409, 'conflict') });
    const user = userEvent.setup();
    open();
    await user.click(screen.getByRole('button', { name: 'Export jetzt erstellen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Gerade läuft bereits ein Export');
  });
});
