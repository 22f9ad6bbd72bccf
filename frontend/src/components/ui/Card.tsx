import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { cx } from './cx';

export interface CardProps {
  title: string;
  headingLevel?: 2 | 3;
  preline?: string;
  /** Makes the whole card a link (KERN stretched link). */
  to?: string;
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
}

export function Card({ title, headingLevel = 2, preline, to, children, footer, className }: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={cx('kern-card', 'kern-card--hug', to && 'kern-card--interactive', className)}>
      <div className="kern-card__container">
        <header className="kern-card__header">
          {preline && <p className="kern-preline">{preline}</p>}
          <Heading className="kern-title">
            {to ? (
              <Link className="kern-link kern-link--stretched" to={to}>
                {title}
              </Link>
            ) : (
              title
            )}
          </Heading>
        </header>
        {children && <div className="kern-card__body">{children}</div>}
        {footer && <footer className="kern-card__footer">{footer}</footer>}
      </div>
    </article>
  );
}
