import { cx } from './cx';
import { Icon } from './Icon';

export function Badge({
  variant,
  children,
  small,
}: {
  variant: 'info' | 'success' | 'warning' | 'danger';
  children: string;
  small?: boolean;
}) {
  return (
    <span className={cx('kern-badge', `kern-badge--${variant}`, small && 'kern-badge--small')}>
      <Icon name={variant} />
      <span className="kern-label">{children}</span>
    </span>
  );
}
