import * as React from 'react';

import type { TranslationBundle } from '@jupyterlab/translation';
import {
  addIcon,
  caretDownIcon,
  caretUpIcon,
  closeIcon
} from '@jupyterlab/ui-components';

import { moveItem, removeItem, replaceItem } from './listEdit';

/**
 * A section's entries as cards: each can be moved (its buttons, or dragged
 * by its header) and removed; a button adds one at the end. Moving keeps
 * the focus on the moved entry's button.
 */
export function CardList<T>(props: {
  items: readonly T[];
  onChange: (items: T[]) => void;
  /**
   * An entry's name, for its heading and its buttons' labels.
   */
  name: (item: T, index: number) => string;
  render: (
    item: T,
    index: number,
    update: (item: T) => void
  ) => React.ReactNode;
  newItem: () => T;
  addLabel: string;
  /**
   * Labels the list for screen readers.
   */
  label: string;
  /**
   * Said when there is no entry yet.
   */
  empty: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { items, trans } = props;
  const list = React.useRef<HTMLOListElement>(null);
  // What to focus once drawn: the first of these selectors that finds an
  // enabled element.
  const [focus, setFocus] = React.useState<string[] | null>(null);
  const dragged = React.useRef<number | null>(null);
  React.useEffect(() => {
    if (focus) {
      const found = focus
        .map(s => list.current?.parentElement?.querySelector<HTMLElement>(s))
        .find(e => e && !(e as HTMLButtonElement).disabled);
      found?.focus();
      setFocus(null);
    }
  }, [focus]);
  const move = (from: number, to: number, button: string) => {
    props.onChange(moveItem(items, from, to));
    // At an end, the button that moved it is disabled: the other one.
    setFocus([
      `[data-card="${to}"] [data-move="${button}"]`,
      `[data-card="${to}"] [data-move]:not(:disabled)`
    ]);
  };
  return (
    <div className="jp-HubHelp-cards">
      {items.length === 0 && <p className="jp-HubHelp-muted">{props.empty}</p>}
      <ol ref={list} aria-label={props.label}>
        {items.map((item, i) => {
          const name = props.name(item, i);
          return (
            <li
              key={i}
              data-card={i}
              className="jp-HubHelp-card"
              onDragOver={e => dragged.current !== null && e.preventDefault()}
              onDrop={e => {
                e.preventDefault();
                if (dragged.current !== null) {
                  move(dragged.current, i, 'up');
                  dragged.current = null;
                }
              }}
            >
              <div
                className="jp-HubHelp-cardHeader"
                draggable
                title={trans.__('Drag to reorder')}
                onDragStart={e => {
                  dragged.current = i;
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDragEnd={() => (dragged.current = null)}
              >
                <h3 className="jp-HubHelp-cardTitle">{name}</h3>
                <button
                  type="button"
                  data-move="up"
                  className="jp-HubHelp-iconButton"
                  disabled={i === 0}
                  aria-label={trans.__('Move %1 up the list', name)}
                  title={trans.__('Move up')}
                  onClick={() => move(i, i - 1, 'up')}
                >
                  <caretUpIcon.react tag="span" />
                </button>
                <button
                  type="button"
                  data-move="down"
                  className="jp-HubHelp-iconButton"
                  disabled={i === items.length - 1}
                  aria-label={trans.__('Move %1 down the list', name)}
                  title={trans.__('Move down')}
                  onClick={() => move(i, i + 1, 'down')}
                >
                  <caretDownIcon.react tag="span" />
                </button>
                <button
                  type="button"
                  className="jp-HubHelp-iconButton"
                  aria-label={trans.__('Remove %1 from the list', name)}
                  title={trans.__('Remove from the list')}
                  onClick={() => props.onChange(removeItem(items, i))}
                >
                  <closeIcon.react tag="span" />
                </button>
              </div>
              {props.render(item, i, next =>
                props.onChange(replaceItem(items, i, next))
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="jp-mod-styled jp-HubHelp-action"
        onClick={() => {
          props.onChange([...items, props.newItem()]);
          const card = `[data-card="${items.length}"]`;
          setFocus([`${card} input, ${card} textarea`]);
        }}
      >
        <addIcon.react tag="span" className="jp-HubHelp-buttonIcon" />
        {props.addLabel}
      </button>
    </div>
  );
}
