import * as React from 'react';

import { InputGroup } from '@jupyterlab/ui-components';

/**
 * A search box that Escape empties; only then is the key kept from
 * JupyterLab's own shortcuts.
 */
export function SearchBox(props: {
  id: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
  /**
   * The id of the list the box filters.
   */
  controls?: string;
}): JSX.Element {
  const { id, value, placeholder, onChange, controls } = props;
  return (
    <InputGroup
      id={id}
      type="search"
      className="jp-HubHelp-search"
      value={value}
      placeholder={placeholder}
      rightIcon="ui-components:search"
      aria-controls={controls}
      onChange={event => onChange(event.currentTarget.value)}
      onKeyDown={event => {
        if (event.key === 'Escape' && value) {
          event.stopPropagation();
          onChange('');
        }
      }}
    />
  );
}
