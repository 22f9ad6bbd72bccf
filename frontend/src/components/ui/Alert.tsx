import type { ReactNode } from 'react';
import { Icon } from './Icon';

export type AlertVariant = 'info' | 'success' | 'warning' | 'danger';

export interface AlertProps {
  variant: AlertVariant;
  title: string;
  children?: ReactNode;
  /** 'alert' interrupts screen readers (errors), 'status' waits politely. None for static notes. */
  live?: 'alert' | 'status';
  id?: string;
}

export function Alert({ variant, title, children, live, id }: AlertProps) {
  return (
    <div className={`kern-alert kern-alert--${variant}`} role={live} id={id}>
      <div className="kern-alert__header">
        <Icon name={variant} />
        <span className="kern-title">{title}</span>
      </div>
      {children && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}
