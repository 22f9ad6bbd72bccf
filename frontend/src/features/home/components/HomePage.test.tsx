import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '@/test/utils';
import { DASHBOARD } from '../api/fixture';
import { DashboardView } from './HomePage';

function render() {
  renderRoute(<DashboardView dashboard={DASHBOARD} />, { path: '/', url: '/' });
}

/** The cells of a table, row by row (row header first). */
function cells(caption: string): string[][] {
  const table = screen.getByRole('table', { name: caption, hidden: true });
  return within(table)
    .getAllByRole('row', { hidden: true })
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('the dashboard', () => {
  it('lists in its tables exactly the numbers of the API', () => {
    render();
    expect(cells('Maßnahmen nach Status je Arbeitskreis oder Gremium')).toEqual(
      DASHBOARD.measures_by_body.map((row) => [
        row.body_short_name,
        ...DASHBOARD.measure_statuses.map((status) => String(row.counts[status])),
        String(row.total),
      ]),
    );
    expect(cells('Maßnahmen nach Status je Handlungsfeld')).toEqual(
      DASHBOARD.measures_by_field.map((row) => [
        row.code ? `${row.code} ${row.title}` : 'Ohne Handlungsfeld',
        ...DASHBOARD.measure_statuses.map((status) => String(row.counts[status])),
        String(row.total),
      ]),
    );
    expect(cells('Offene Bedarfe je Arbeitskreis oder Gremium')).toEqual(
      DASHBOARD.open_needs_by_body.map((row) => [row.body_short_name, String(row.open)]),
    );
    expect(cells('Durchschnittlicher Fortschritt je Quartal')).toEqual([
      ['4. Quartal 2024', '0', 'keine Angabe'],
      ['1. Quartal 2025', '1', '10 %'],
      ['2. Quartal 2025', '1', '10 %'],
      ['3. Quartal 2025', '0', 'keine Angabe'],
      ['4. Quartal 2025', '2', '35,5 %'],
      ['1. Quartal 2026', '3', '50 %'],
      ['2. Quartal 2026', '3', '63,3 %'],
      ['3. Quartal 2026', '4', '70 %'],
    ]);
  });

  it('names every bar with its numbers, and the table heads link the lists', () => {
    render();
    expect(screen.getByRole('img', { name: 'AK Bildung: Idee 1, Geplant 3, In Umsetzung 4, Abgeschlossen 2, Eingestellt 1' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'AK Teilhabe: keine Maßnahmen' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Steuerungsgruppe: 1 offene Bedarfe' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Liniendiagramm, durchschnittlicher Fortschritt je Quartal: 4\. Quartal 2024: keine Angabe; 1\. Quartal 2025: 10 %/ })).toBeInTheDocument();
    const legend = screen.getAllByRole('list', { name: 'Legende' })[0];
    expect(within(legend as HTMLElement).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Idee', 'Geplant', 'In Umsetzung', 'Abgeschlossen', 'Pausiert', 'Eingestellt',
    ]);
    const table = screen.getByRole('table', { name: 'Maßnahmen nach Status je Arbeitskreis oder Gremium', hidden: true });
    expect(within(table).getByRole('link', { name: 'AK Bildung', hidden: true })).toHaveAttribute(
      'href',
      `/massnahmen?gremium=${DASHBOARD.measures_by_body[0]?.body_id}`,
    );
  });

  it('shows the key figures, the next meetings, goals without measures and recent milestones', () => {
    render();
    const figures = screen.getByRole('region', { name: 'Kennzahlen' });
    expect(within(figures).getByText('Maßnahmen').nextSibling?.textContent).toBe('14');
    expect(within(figures).getByText('Offene Bedarfe').nextSibling?.textContent).toBe('5');
    expect(within(figures).getByText('Kommende Sitzungen').nextSibling?.textContent).toBe('7');
    const meetings = screen.getByRole('region', { name: 'Nächste Sitzungen' });
    expect(within(meetings).getByRole('link', { name: 'AK Bildung 2/2026' })).toHaveAttribute('href', `/sitzungen/${DASHBOARD.upcoming_meetings[0]?.id}`);
    expect(within(meetings).getByText(/13\.05\.2026, 15:00 · AK Bildung · Eingeladen/)).toBeInTheDocument();
    expect(within(meetings).getByRole('link', { name: 'Alle Sitzungen (7 kommende)' })).toBeInTheDocument();
    const goals = screen.getByRole('region', { name: 'Ziele ohne Maßnahme' });
    expect(within(goals).getByText('C.1')).toBeInTheDocument();
    const milestones = screen.getByRole('region', { name: 'Neueste Meilensteine' });
    expect(within(milestones).getByRole('link', { name: 'M-2026-004 Sprachcafé für Eltern' })).toHaveAttribute(
      'href',
      `/massnahmen/${DASHBOARD.recent_milestones[0]?.measure_id}`,
    );
    expect(within(milestones).getByText(/30\.04\.2026: Erster Termin/)).toBeInTheDocument();
    const decisions = screen.getByRole('region', { name: 'Neueste Beschlüsse' });
    expect(within(decisions).getByRole('link', { name: 'SG-2026-002 Kinderbetreuung während der Sprachkurse' })).toHaveAttribute(
      'href',
      `/vorlagen/${DASHBOARD.recent_decisions[0]?.submission_id}`,
    );
    expect(within(decisions).getByText(/22\.04\.2026 · AK Familienleben · mit Änderungen beschlossen/)).toBeInTheDocument();
    const directives = screen.getByRole('region', { name: 'Überfällige Handlungsanweisungen' });
    expect(within(directives).getByRole('link', { name: 'SG-2026-002 Standorte für die Kursbetreuung prüfen' })).toHaveAttribute(
      'href',
      `/handlungsanweisungen/${DASHBOARD.overdue_directives[0]?.directive_id}`,
    );
    expect(within(directives).getByText('Fällig seit 30.04.2026 · Stabsstelle Integration')).toBeInTheDocument();
    expect(within(directives).getByRole('link', { name: 'Alle überfälligen Handlungsanweisungen (3)' })).toHaveAttribute(
      'href',
      '/handlungsanweisungen?ueberfaellig=1',
    );
  });
});
