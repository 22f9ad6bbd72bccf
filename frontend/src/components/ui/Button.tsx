import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';
import { Icon, type IconName } from './Icon';

type Variant = 'primary' | 'secondary' | 'tertiary';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  icon?: IconName;
  block?: boolean;
  /** Shows the text to screen readers only (icon-only button). */
  hideLabel?: boolean;
  children: ReactNode;
}

export function Button({
  variant = 'primary',
  icon,
  block,
  hideLabel,
  type = 'button',
  className,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx('kern-btn', `kern-btn--${variant}`, block && 'kern-btn--block', className)}
      {...rest}
    >
      {icon && <Icon name={icon} />}
      <span className={hideLabel ? 'kern-label kern-sr-only' : 'kern-label'}>{children}</span>
    </button>
  );
}
