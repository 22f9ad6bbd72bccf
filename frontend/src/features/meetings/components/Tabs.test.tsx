import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './shared';

function Harness() {
  const [selected, setSelected] = useState('a');
  return (
    <Tabs
      label="Bereiche"
      selected={selected}
      onSelect={setSelected}
      tabs={[
        { id: 'a', label: 'Tagesordnung', panel: () => <p>Inhalt A</p> },
        { id: 'b', label: 'Anwesenheit', panel: () => <p>Inhalt B</p> },
        { id: 'c', label: 'Protokoll', panel: () => <p>Inhalt C</p> },
      ]}
    />
  );
}

describe('Tabs', () => {
  it('links tabs and panel and keeps only the selected tab in the tab order', () => {
    render(<Harness />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Tagesordnung' });
    expect(panel).toHaveTextContent('Inhalt A');
    expect(tabs[0]).toHaveAttribute('aria-controls', panel.id);
  });

  it('moves with the arrow keys, Home and End, wrapping around', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('tab', { name: 'Tagesordnung' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Anwesenheit' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Inhalt B');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Protokoll' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Tagesordnung' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Inhalt C');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Inhalt A');
  });
});
