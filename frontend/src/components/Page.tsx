import { type ReactNode, useEffect, useRef } from 'react';
import { useSite } from '@/lib/site';

let firstPage = true;

/**
 * Sets the document title and renders the page's h1. After client-side
 * navigation the h1 receives focus, so screen readers announce the new page
 * and keyboard users continue from the top of the content.
 */
export function Page({ title, lead, actions, children }: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const site = useSite();
  const heading = useRef<HTMLHeadingElement>(null);
  const siteName = site?.site_name ?? 'Netzwerk Integration';

  useEffect(() => {
    document.title = `${title} – ${siteName}`;
  }, [title, siteName]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);

  return (
    <>
      <div className="app-page-header">
        <div>
          <h1 className="kern-heading-large" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead && <p className="kern-body kern-body--large">{lead}</p>}
        </div>
        {actions && <div className="app-page-header__actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
