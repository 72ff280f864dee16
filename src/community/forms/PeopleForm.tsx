import * as React from 'react';

import { localize } from '../../metadata/localize';
import type { IPersonEntry, IRole } from '../../metadata/types';
import { CardList } from './CardList';
import { Field, FieldProblems } from './Field';
import { fieldAt, IFormContext } from './formContext';
import { asEntry, asList, setField } from './listEdit';
import { LocalizedTextField } from './LocalizedTextField';
import { UsernameChips } from './UsernameChips';

/**
 * The people the community lists: one card each, with roles picked from the
 * hub's roles by their labels and usernames as chips.
 */
export function PeopleForm(props: {
  context: IFormContext;
  value: unknown;
  onChange: (value: unknown) => void;
  roles: readonly IRole[];
  usernames: readonly string[];
}): JSX.Element {
  const { context } = props;
  const { trans } = context;
  const suggestions = `${context.idPrefix}usernames`;
  const people = asList(props.value).map(asEntry) as Partial<IPersonEntry>[];
  return (
    <>
      <datalist id={suggestions}>
        {props.usernames.map(u => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <CardList<Partial<IPersonEntry>>
        items={people}
        onChange={props.onChange}
        label={trans.__('People')}
        addLabel={trans.__('Add a person')}
        empty={trans.__('No one is listed yet.')}
        name={(p, i) => p.name || trans.__('Person %1', i + 1)}
        newItem={() => ({ name: '', roles: [] })}
        trans={trans}
        render={(person, i, update) => (
          <PersonFields
            context={context}
            at={`$.people[${i}]`}
            person={person}
            update={update}
            roles={props.roles}
            suggestions={suggestions}
          />
        )}
      />
    </>
  );
}

function PersonFields(props: {
  context: IFormContext;
  at: string;
  person: Partial<IPersonEntry>;
  update: (person: Partial<IPersonEntry>) => void;
  roles: readonly IRole[];
  suggestions: string;
}): JSX.Element {
  const { context, at, person } = props;
  const { trans } = context;
  const [showId, setShowId] = React.useState(person.id !== undefined);
  const set = (keys: string[], value: unknown) =>
    props.update(setField(person, keys, value));
  const text = (
    keys: string[],
    label: string,
    type = 'text',
    hint?: string
  ) => {
    const field = fieldAt(context, `${at}.${keys.join('.')}`);
    let value: unknown = person;
    keys.forEach(k => (value = (value as any)?.[k]));
    return (
      <Field field={field} label={label} hint={hint}>
        {control => (
          <input
            {...control}
            type={type}
            className="jp-HubHelp-input"
            value={typeof value === 'string' ? value : ''}
            onChange={e => set(keys, e.target.value)}
          />
        )}
      </Field>
    );
  };
  const usernames = fieldAt(context, `${at}.usernames`);
  const entry = fieldAt(context, at);
  return (
    <div className="jp-HubHelp-cardBody">
      <FieldProblems problems={entry.problems} />
      {text(['name'], trans.__('Name'))}
      <RoleChoice
        context={context}
        at={`${at}.roles`}
        roles={props.roles}
        value={person.roles ?? []}
        onChange={roles => set(['roles'], roles)}
      />
      <Field
        field={usernames}
        label={trans.__('Hub usernames')}
        hint={trans.__('So that the panel recognises them.')}
      >
        {control => (
          <UsernameChips
            control={control}
            value={person.usernames ?? []}
            onChange={names =>
              set(['usernames'], names.length ? names : undefined)
            }
            suggestionsId={props.suggestions}
            trans={trans}
          />
        )}
      </Field>
      {text(['contact', 'email'], trans.__('Email'), 'email')}
      {text(['contact', 'url'], trans.__('Web page'), 'url')}
      {text(
        ['contact', 'chat'],
        trans.__('Chat'),
        'text',
        trans.__('A chat handle such as @ann:example.org, or a room’s URL.')
      )}
      <LocalizedTextField
        context={context}
        path={`${at}.note`}
        label={trans.__('Note')}
        hint={trans.__('For example when or in which languages they answer.')}
        value={person.note}
        onChange={note => set(['note'], note)}
      />
      {showId ? (
        text(
          ['id'],
          trans.__('Id'),
          'text',
          trans.__('Made from the first username or the name when left empty.')
        )
      ) : (
        <button
          type="button"
          className="jp-HubHelp-linkButton"
          onClick={() => setShowId(true)}
        >
          {trans.__('Show the id')}
        </button>
      )}
    </div>
  );
}

/**
 * A person's roles, picked from the hub's roles by their labels; a role the
 * hub does not define stays listed, to be unticked.
 */
function RoleChoice(props: {
  context: IFormContext;
  at: string;
  roles: readonly IRole[];
  value: readonly string[];
  onChange: (roles: string[]) => void;
}): JSX.Element {
  const { context, value } = props;
  const { trans, language } = context;
  const field = fieldAt(context, props.at);
  const known = new Set(props.roles.map(r => r.id));
  const choices = [
    ...props.roles.map(r => ({ id: r.id, label: localize(r.label, language) })),
    ...value
      .filter(id => !known.has(id))
      .map(id => ({ id, label: trans.__('%1 (not defined on this hub)', id) }))
  ];
  const nested = props.context.problems.filter(p =>
    p.path.startsWith(`${props.at}[`)
  );
  return (
    <fieldset
      className="jp-HubHelp-choices"
      id={field.id}
      data-path={field.path}
      aria-invalid={field.problems.length + nested.length > 0 || undefined}
    >
      <legend>{trans.__('Roles')}</legend>
      {choices.map(role => (
        <label key={role.id} className="jp-HubHelp-choice">
          <input
            type="checkbox"
            checked={value.includes(role.id)}
            onChange={e =>
              props.onChange(
                e.target.checked
                  ? [...value, role.id]
                  : value.filter(id => id !== role.id)
              )
            }
          />
          {role.label}
        </label>
      ))}
      <FieldProblems problems={[...field.problems, ...nested]} />
    </fieldset>
  );
}
