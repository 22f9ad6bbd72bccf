import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConflictDialog } from './ConflictDialog';

describe('ConflictDialog', () => {
  it('is closed until a conflict happens', () => {
    render(<ConflictDialog open={false} onReload={vi.fn()} onClose={vi.fn()} />);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('explains that nothing was saved and lists what differs', () => {
    render(
      <ConflictDialog
        open
        changes={[{ label: 'Name', mine: 'Meine Eingabe', theirs: 'Neuer Name' }]}
        onReload={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Eintrag wurde zwischenzeitlich geändert' });
    expect(dialog).toHaveTextContent('Ihre Änderungen wurden nicht gespeichert.');
    const row = within(dialog).getByRole('row', { name: /Name/ });
    expect(within(row).getByText('Meine Eingabe')).toBeInTheDocument();
    expect(within(row).getByText('Neuer Name')).toBeInTheDocument();
  });

  it('offers to load the current version or to go back to the input', async () => {
    const onReload = vi.fn();
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(<ConflictDialog open onReload={onReload} onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Aktuellen Stand laden' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Zurück zu meiner Eingabe' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
