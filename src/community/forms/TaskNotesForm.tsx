import * as React from 'react';

import { localize } from '../../metadata/localize';
import { searchableTasks, searchTasks } from '../../metadata/search';
import type { ITask, LocalizedString } from '../../metadata/types';
import { CardList } from './CardList';
import { Field, FieldProblems } from './Field';
import { fieldAt, IFormContext } from './formContext';
import { asEntry, asList, setField } from './listEdit';
import { LocalizedTextField } from './LocalizedTextField';

/**
 * How many matches the task picker lists.
 */
const MATCHES_SHOWN = 8;

type NoteDraft = { id?: string; how?: { text?: LocalizedString } };

/**
 * Notes on the panel's tasks: each picks a task by searching the panel's own
 * list, then says how to do it on this hub.
 */
export function TaskNotesForm(props: {
  context: IFormContext;
  value: unknown;
  onChange: (value: unknown) => void;
  tasks: readonly ITask[];
}): JSX.Element {
  const { context, tasks } = props;
  const { trans, language } = context;
  const notes = asList(props.value).map(asEntry) as NoteDraft[];
  const title = (id: string | undefined) => {
    const task = tasks.find(t => t.id === id);
    return task ? localize(task.title, language) : (id ?? '');
  };
  return (
    <CardList<NoteDraft>
      items={notes}
      onChange={props.onChange}
      label={trans.__('Task notes')}
      addLabel={trans.__('Add a note on a task')}
      empty={trans.__('No task has a note yet.')}
      name={(n, i) => title(n.id) || trans.__('Note %1', i + 1)}
      newItem={() => ({})}
      trans={trans}
      render={(note, i, update) => {
        const at = `$.tasks[${i}]`;
        return (
          <div className="jp-HubHelp-cardBody">
            <FieldProblems problems={fieldAt(context, at).problems} />
            <TaskPicker
              context={context}
              at={`${at}.id`}
              tasks={tasks}
              chosen={note.id}
              title={title(note.id)}
              onChange={id => update(setField(note, ['id'], id))}
            />
            <LocalizedTextField
              context={context}
              path={`${at}.how.text`}
              label={trans.__('How to do it on this hub')}
              multiline
              value={note.how?.text}
              onChange={text => update(setField(note, ['how', 'text'], text))}
            />
          </div>
        );
      }}
    />
  );
}

/**
 * A search over the panel's tasks; the task chosen is named, and changed by
 * searching again.
 */
function TaskPicker(props: {
  context: IFormContext;
  at: string;
  tasks: readonly ITask[];
  chosen: string | undefined;
  title: string;
  onChange: (id: string) => void;
}): JSX.Element {
  const { context } = props;
  const { trans, language } = context;
  const [query, setQuery] = React.useState('');
  const [searching, setSearching] = React.useState(!props.chosen);
  const field = fieldAt(context, props.at);
  const matches = React.useMemo(
    () =>
      searching
        ? searchTasks(searchableTasks(props.tasks, language), query).slice(
            0,
            MATCHES_SHOWN
          )
        : [],
    [props.tasks, language, query, searching]
  );
  if (!searching) {
    return (
      <div className="jp-HubHelp-field">
        <span>{trans.__('Task: %1', props.title)}</span>
        <button
          type="button"
          className="jp-mod-styled jp-HubHelp-small"
          onClick={() => setSearching(true)}
        >
          {trans.__('Change the task')}
        </button>
        <FieldProblems problems={field.problems} />
      </div>
    );
  }
  return (
    <Field field={field} label={trans.__('Find the task')}>
      {control => (
        <>
          <input
            {...control}
            type="search"
            className="jp-HubHelp-input"
            value={query}
            onChange={e => setQuery(e.target.value)}
          />
          <ul
            className="jp-HubHelp-taskChoices"
            aria-label={trans.__('Tasks found')}
          >
            {matches.map(({ item }) => (
              <li key={item.task.id}>
                <button
                  type="button"
                  className="jp-HubHelp-linkButton"
                  onClick={() => {
                    props.onChange(item.task.id);
                    setSearching(false);
                  }}
                >
                  {item.title}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Field>
  );
}
