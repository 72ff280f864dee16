import * as React from 'react';

import type { IAnnouncementEntry, Severity } from '../../metadata/types';
import { Field } from './Field';
import { fieldAt, IFormContext } from './formContext';
import { setField } from './listEdit';
import { LocalizedTextField } from './LocalizedTextField';
import { SeverityChoice } from './SeverityChoice';

export type AnnouncementDraft = Partial<IAnnouncementEntry>;

/**
 * The fields an announcement and the status note share: the text, how it
 * looks, and an optional link.
 */
export function MessageFields(props: {
  context: IFormContext;
  at: string;
  entry: AnnouncementDraft;
  update: (entry: AnnouncementDraft) => void;
}): JSX.Element {
  const { context, at, entry } = props;
  const { trans } = context;
  const set = (keys: string[], value: unknown) =>
    props.update(setField(entry, keys, value));
  const url = fieldAt(context, `${at}.link.url`);
  return (
    <>
      <LocalizedTextField
        context={context}
        path={`${at}.text`}
        label={trans.__('Text')}
        multiline
        value={entry.text}
        onChange={text => set(['text'], text)}
      />
      <SeverityChoice
        id={fieldAt(context, `${at}.severity`).id}
        path={`${at}.severity`}
        value={entry.severity as Severity | undefined}
        onChange={severity => set(['severity'], severity)}
        trans={trans}
      />
      <Field
        field={url}
        label={trans.__('Link (optional)')}
        hint={trans.__('A page with more, such as the status page.')}
      >
        {control => (
          <input
            {...control}
            type="url"
            className="jp-HubHelp-input"
            value={entry.link?.url ?? ''}
            onChange={e => set(['link', 'url'], e.target.value)}
          />
        )}
      </Field>
      {entry.link?.url && (
        <LocalizedTextField
          context={context}
          path={`${at}.link.label`}
          label={trans.__("The link's text")}
          value={entry.link?.label}
          onChange={label => set(['link', 'label'], label)}
        />
      )}
    </>
  );
}
