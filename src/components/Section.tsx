import * as React from 'react';

/**
 * A titled region of the panel or the report dialog: a landmark named by its
 * heading, so that screen readers can list and jump to each part.
 */
export function Section(props: {
  id: string;
  title: string;
  className?: string;
  children: React.ReactNode;
}): JSX.Element {
  const headingId = `jp-HubHelp-${props.id}-heading`;
  return (
    <section
      className={`jp-HubHelp-section ${props.className ?? ''}`.trim()}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="jp-HubHelp-heading">
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}
