import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui';

/**
 * The result of an action: a status message that takes the focus, so keyboard and screen-reader
 * users learn about it where they are (the button they used may be gone after the action).
 */
export function Notice({ message, variant = 'success' }: { message: string | null; variant?: 'success' | 'danger' | 'warning' }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="app-notice">
      <Alert variant={variant} title={message} live={variant === 'danger' ? 'alert' : 'status'} />
    </div>
  );
}
