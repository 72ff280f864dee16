import * as React from 'react';

import type { TranslationBundle } from '@jupyterlab/translation';
import { closeIcon } from '@jupyterlab/ui-components';

import type { IControlProps } from './Field';

/**
 * Hub usernames as chips: typed and added with Enter (or a comma), each
 * removed by its button; suggestions from the usernames the panel knows.
 */
export function UsernameChips(props: {
  control: IControlProps;
  value: readonly string[];
  onChange: (usernames: string[]) => void;
  suggestionsId: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { value, trans } = props;
  const [typed, setTyped] = React.useState('');
  const add = () => {
    const name = typed.trim().replace(/,$/, '');
    if (name && !value.includes(name)) {
      props.onChange([...value, name]);
    }
    setTyped('');
  };
  return (
    <div className="jp-HubHelp-chips">
      <ul aria-label={trans.__('Hub usernames')}>
        {value.map(name => (
          <li key={name} className="jp-HubHelp-chip">
            <span>{name}</span>
            <button
              type="button"
              className="jp-HubHelp-iconButton"
              aria-label={trans.__('Remove username %1', name)}
              onClick={() => props.onChange(value.filter(v => v !== name))}
            >
              <closeIcon.react tag="span" />
            </button>
          </li>
        ))}
      </ul>
      <input
        {...props.control}
        className="jp-HubHelp-input"
        value={typed}
        list={props.suggestionsId}
        placeholder={trans.__('Type a username, then Enter')}
        autoComplete="off"
        onChange={e =>
          e.target.value.endsWith(',') ? add() : setTyped(e.target.value)
        }
        onKeyDown={e => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && !typed && value.length) {
            props.onChange(value.slice(0, -1));
          }
        }}
        onBlur={add}
      />
    </div>
  );
}
