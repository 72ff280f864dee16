import * as React from 'react';

import { checkLink } from '../metadata/links';

/**
 * A link from operator data. Anything but an allowed link renders as plain
 * text; a link that leaves the page (another origin, mailto:) opens in a new
 * tab without access to this page, a path on this origin in place. `label` names
 * the link for assistive technology when its text alone does not say whom it
 * reaches ("Email" beside a person's name).
 */
export function SafeLink(props: {
  href: string | undefined;
  children: React.ReactNode;
  className?: string;
  title?: string;
  label?: string;
}): JSX.Element {
  const { href, children, className, title, label } = props;
  const link = checkLink(href, window.location.origin);
  if (!link) {
    return <span className={className}>{children}</span>;
  }
  return (
    <a
      className={className}
      href={link.href}
      title={title}
      aria-label={label}
      {...(link.external
        ? { target: '_blank', rel: 'noopener noreferrer' }
        : {})}
    >
      {children}
    </a>
  );
}

/**
 * An image address from operator data (the organisation's logo): an allowed
 * http(s) link or a path on this origin, never mailto:.
 */
export function safeImageSource(src: string | undefined): string | undefined {
  const link = checkLink(src, window.location.origin);
  return link && /^(https?:|\/)/i.test(link.href) ? link.href : undefined;
}
