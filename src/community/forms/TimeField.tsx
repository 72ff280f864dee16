import * as React from 'react';

import { Field } from './Field';
import { fieldAt, IFormContext } from './formContext';
import { fromPicker, toPicker } from './dateTime';

/**
 * A date and time in the person's time zone, stored as ISO 8601. What the
 * picker cannot show (text that is not a time) is named by the checks and
 * kept until the person picks a time.
 */
export function TimeField(props: {
  context: IFormContext;
  path: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}): JSX.Element {
  const { trans } = props.context;
  const field = fieldAt(props.context, props.path);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Field
      field={field}
      label={props.label}
      hint={trans.__('In your time zone (%1).', zone)}
    >
      {control => (
        <input
          {...control}
          type="datetime-local"
          className="jp-HubHelp-input"
          value={toPicker(props.value)}
          onChange={e => props.onChange(fromPicker(e.target.value))}
        />
      )}
    </Field>
  );
}
