import * as React from 'react';

import { AnnouncementDraft, MessageFields } from './AnnouncementFields';
import { ClearAfter, clearedAt, toPicker } from './dateTime';
import { Field, FieldProblems } from './Field';
import { fieldAt, IFormContext } from './formContext';
import { asEntry, setField } from './listEdit';

/**
 * The status note: what is going on now, and when it clears itself. The
 * time it clears is worked out again at each change, so that "after 1 hour"
 * counts from the last edit.
 */
export function StatusNoteForm(props: {
  context: IFormContext;
  value: unknown;
  onChange: (value: unknown) => void;
  /**
   * Now, in milliseconds (the page's clock).
   */
  now: () => number;
}): JSX.Element {
  const { context } = props;
  const { trans } = context;
  const note = asEntry(props.value) as AnnouncementDraft;
  const [choice, setChoice] = React.useState<ClearAfter>(
    note.end ? 'date' : note.text ? 'keep' : '4h'
  );
  const [date, setDate] = React.useState(toPicker(note.end));
  const emit = (next: AnnouncementDraft, clear = choice, on = date) =>
    props.onChange(setField(next, ['end'], clearedAt(clear, props.now(), on)));
  const end = fieldAt(context, '$.status.end');
  const choices: [ClearAfter, string][] = [
    ['1h', trans.__('1 hour')],
    ['4h', trans.__('4 hours')],
    ['1d', trans.__('1 day')],
    ['date', trans.__('At a date and time')],
    ['keep', trans.__('Keep it until it is cleared')]
  ];
  return (
    <div className="jp-HubHelp-cardBody">
      <FieldProblems problems={fieldAt(context, '$.status').problems} />
      <MessageFields
        context={context}
        at="$.status"
        entry={note}
        update={next => emit(next)}
      />
      <fieldset className="jp-HubHelp-choices" id={end.id} data-path={end.path}>
        <legend>{trans.__('Clear it after')}</legend>
        {choices.map(([value, label]) => (
          <label key={value} className="jp-HubHelp-choice">
            <input
              type="radio"
              name={end.id}
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                emit(note, value);
              }}
            />
            {label}
          </label>
        ))}
        <FieldProblems problems={end.problems} />
      </fieldset>
      {choice === 'date' && (
        <Field
          field={{ ...end, id: `${end.id}-at`, problems: [] }}
          label={trans.__('Clear it at')}
        >
          {control => (
            <input
              {...control}
              type="datetime-local"
              className="jp-HubHelp-input"
              value={date}
              onChange={e => {
                setDate(e.target.value);
                emit(note, 'date', e.target.value);
              }}
            />
          )}
        </Field>
      )}
    </div>
  );
}
