import * as React from 'react';

import { localize } from '../../metadata/localize';
import { AnnouncementDraft, MessageFields } from './AnnouncementFields';
import { CardList } from './CardList';
import { FieldProblems } from './Field';
import { fieldAt, IFormContext } from './formContext';
import { asEntry, asList, setField } from './listEdit';
import { TimeField } from './TimeField';

/**
 * The community's announcements: one card each, with the time they are
 * shown from and until.
 */
export function AnnouncementsForm(props: {
  context: IFormContext;
  value: unknown;
  onChange: (value: unknown) => void;
}): JSX.Element {
  const { context } = props;
  const { trans, language } = context;
  const entries = asList(props.value).map(asEntry) as AnnouncementDraft[];
  return (
    <CardList<AnnouncementDraft>
      items={entries}
      onChange={props.onChange}
      label={trans.__('Announcements')}
      addLabel={trans.__('Add an announcement')}
      empty={trans.__('No announcement yet.')}
      name={(a, i) =>
        shorten(localize(a.text, language)) ||
        trans.__('Announcement %1', i + 1)
      }
      newItem={() => ({ text: '', severity: 'info' })}
      trans={trans}
      render={(entry, i, update) => {
        const at = `$.announcements[${i}]`;
        const set = (key: string, value: unknown) =>
          update(setField(entry, [key], value));
        return (
          <div className="jp-HubHelp-cardBody">
            <FieldProblems problems={fieldAt(context, at).problems} />
            <MessageFields
              context={context}
              at={at}
              entry={entry}
              update={update}
            />
            <div className="jp-HubHelp-fieldRow">
              <TimeField
                context={context}
                path={`${at}.start`}
                label={trans.__('Shown from')}
                value={entry.start}
                onChange={start => set('start', start)}
              />
              <TimeField
                context={context}
                path={`${at}.end`}
                label={trans.__('Shown until')}
                value={entry.end}
                onChange={end => set('end', end)}
              />
            </div>
          </div>
        );
      }}
    />
  );
}

/**
 * The start of a text, for a card's heading.
 */
function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
