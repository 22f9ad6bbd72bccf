import { cx } from './cx';

export type IconName =
  | 'add'
  | 'arrow-back'
  | 'chevron-left'
  | 'chevron-right'
  | 'close'
  | 'danger'
  | 'edit'
  | 'delete'
  | 'home'
  | 'info'
  | 'logout'
  | 'search'
  | 'success'
  | 'warning'
  | 'account-circle'
  | 'autorenew'
  | 'dark-mode'
  | 'light-mode'
  | 'language';

/** KERN icon (decorative: always hidden from assistive technology). */
export function Icon({ name, size }: { name: IconName; size?: 'small' | 'large' }) {
  return <span className={cx('kern-icon', `kern-icon--${name}`, size && `kern-icon--${size}`)} aria-hidden="true" />;
}
