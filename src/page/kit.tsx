// What the answers' views take from @jupyterlab/ui-components, for the help
// page and the hub's pages, where JupyterLab is not: the same markup and
// class names (so that the panel's styles apply) without the whole library.
// scripts/build-pages.mjs puts this module in that package's place.
import * as React from 'react';

import caretDownSvg from '@jupyterlab/ui-components/style/icons/arrow/caret-down.svg';
import caretRightSvg from '@jupyterlab/ui-components/style/icons/arrow/caret-right.svg';
import closeSvg from '@jupyterlab/ui-components/style/icons/toolbar/close.svg';
import copySvg from '@jupyterlab/ui-components/style/icons/toolbar/copy.svg';
import searchSvg from '@jupyterlab/ui-components/style/icons/toolbar/search.svg';

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

interface IIconProps extends React.HTMLAttributes<HTMLElement> {
  tag?: 'span' | 'div';
  elementPosition?: string;
}

/**
 * An icon as LabIcon renders it: JupyterLab's own SVG file (trusted,
 * bundled), never text from anywhere else.
 */
function icon(name: string, file: string) {
  // No text of its own between the tags: the SVG reads as nothing.
  const svg = file.replace(/>\s+</g, '><').trim();
  return {
    name,
    react: function Icon(props: IIconProps): JSX.Element {
      const { tag = 'div', elementPosition, className, ...rest } = props;
      return React.createElement(tag, {
        ...rest,
        className: classes(
          className,
          elementPosition && `jp-icon-align-${elementPosition}`
        ),
        'aria-hidden': true,
        dangerouslySetInnerHTML: { __html: svg }
      });
    }
  };
}

export const caretDownIcon = icon('ui-components:caret-down', caretDownSvg);
export const caretRightIcon = icon('ui-components:caret-right', caretRightSvg);
export const closeIcon = icon('ui-components:close', closeSvg);
export const copyIcon = icon('ui-components:copy', copySvg);
const searchIcon = icon('ui-components:search', searchSvg);

export function Button(
  props: React.ButtonHTMLAttributes<HTMLButtonElement> & {
    minimal?: boolean;
    small?: boolean;
  }
): JSX.Element {
  const { minimal, small, className, ...rest } = props;
  return (
    <button
      {...rest}
      className={classes(
        className,
        minimal && 'jp-mod-minimal',
        small && 'jp-mod-small',
        'jp-Button'
      )}
    />
  );
}

export function HTMLSelect(
  props: React.SelectHTMLAttributes<HTMLSelectElement>
): JSX.Element {
  const { className, ...rest } = props;
  return (
    <div className={classes('jp-HTMLSelect', 'jp-DefaultStyle', className)}>
      <select {...rest} />
    </div>
  );
}

export function InputGroup(
  props: React.InputHTMLAttributes<HTMLInputElement> & { rightIcon?: string }
): JSX.Element {
  const { className, rightIcon, ...rest } = props;
  return (
    <div className={classes('jp-InputGroup', className)}>
      <input {...rest} />
      {rightIcon === searchIcon.name && (
        <span className="jp-InputGroupAction">
          <searchIcon.react tag="span" />
        </span>
      )}
    </div>
  );
}
