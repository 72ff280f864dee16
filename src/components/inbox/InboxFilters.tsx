import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import {
  IInboxFilters,
  InboxSession,
  InboxStatus
} from '../../report/inbox/session';
import { statusLabel } from './words';

const STATUSES: InboxStatus[] = [
  'received',
  'acknowledged',
  'passed-on',
  'resolved'
];

/**
 * What the inbox shows: one status, one category, the days filed (both
 * included). Each change reads the list again.
 */
export function InboxFilters(props: {
  session: InboxSession;
  filters: IInboxFilters;
  categories: { id: string; label: string }[];
  trans: TranslationBundle;
}): JSX.Element {
  const { session, filters, categories, trans } = props;
  const set = (patch: Partial<IInboxFilters>) => void session.filter(patch);
  const id = React.useId();
  return (
    <fieldset className="jp-HubHelp-inboxFilters">
      <legend>{trans.__('Show')}</legend>
      <div className="jp-HubHelp-inboxFilter">
        <label htmlFor={`${id}-status`}>{trans.__('Status')}</label>
        <select
          id={`${id}-status`}
          className="jp-mod-styled"
          value={filters.status}
          onChange={e =>
            set({ status: e.currentTarget.value as InboxStatus | '' })
          }
        >
          <option value="">{trans.__('Any status')}</option>
          {STATUSES.map(status => (
            <option key={status} value={status}>
              {statusLabel(status, trans)}
            </option>
          ))}
        </select>
      </div>
      <div className="jp-HubHelp-inboxFilter">
        <label htmlFor={`${id}-category`}>{trans.__('Category')}</label>
        <select
          id={`${id}-category`}
          className="jp-mod-styled"
          value={filters.category}
          onChange={e => set({ category: e.currentTarget.value })}
        >
          <option value="">{trans.__('Any category')}</option>
          {categories.map(c => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="jp-HubHelp-inboxFilter">
        <label htmlFor={`${id}-since`}>{trans.__('Filed from')}</label>
        <input
          id={`${id}-since`}
          type="date"
          className="jp-mod-styled"
          value={filters.since}
          max={filters.until || undefined}
          onChange={e => set({ since: e.currentTarget.value })}
        />
      </div>
      <div className="jp-HubHelp-inboxFilter">
        <label htmlFor={`${id}-until`}>{trans.__('Filed until')}</label>
        <input
          id={`${id}-until`}
          type="date"
          className="jp-mod-styled"
          value={filters.until}
          min={filters.since || undefined}
          onChange={e => set({ until: e.currentTarget.value })}
        />
      </div>
    </fieldset>
  );
}
