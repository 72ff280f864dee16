import * as React from 'react';

import { isSafeLink } from '../metadata/links';

/**
 * A link from operator data. Anything but an allowed link renders as plain
 * text; outside links open in a new tab without access to this page.
 */
export function SafeLink(props: {
  href: string | undefined;
  children: React.ReactNode;
  className?: string;
  title?: string;
}): JSX.Element {
  const { href, children, className, title } = props;
  if (!isSafeLink(href)) {
    return <span className={className}>{children}</span>;
  }
  const external = /^https?:/i.test(href);
  return (
    <a
      className={className}
      href={href}
      title={title}
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
    >
      {children}
    </a>
  );
}
