import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new Error('kaputt');
}

describe('ErrorBoundary', () => {
  it('shows a German message with a reload button instead of a blank page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Ein Fehler ist aufgetreten' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte laden Sie die Seite neu.');
    expect(screen.getByRole('button', { name: 'Seite neu laden' })).toBeInTheDocument();
    expect(screen.queryByText('kaputt')).toBeNull();
  });
});
