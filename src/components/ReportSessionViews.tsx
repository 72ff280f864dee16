import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import type { IReportState, ReportSession } from '../report';
import { ReportActions } from './ReportActions';
import { ReportForm } from './ReportForm';

/**
 * Render a report session's current state, again at each change.
 */
function Rendered(props: {
  session: ReportSession;
  children: (state: IReportState) => JSX.Element;
}): JSX.Element {
  const { session } = props;
  const subscribe = React.useCallback(
    (listener: () => void) => session.subscribe(listener),
    [session]
  );
  const state = React.useSyncExternalStore(subscribe, () => session.state);
  return props.children(state);
}

/**
 * The report form of a session (the dialog's body, the help page's form).
 */
export function SessionReportForm(props: {
  session: ReportSession;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { session, trans, language } = props;
  return (
    <Rendered session={session}>
      {state => (
        <ReportForm
          report={state.report}
          trans={trans}
          language={language}
          others={state.others}
          onChange={patch => session.update(patch)}
        />
      )}
    </Rendered>
  );
}

/**
 * The ways a session's report leaves, each telling the session it did.
 */
export function SessionReportActions(props: {
  session: ReportSession;
  trans: TranslationBundle;
  /**
   * Put text on the clipboard.
   */
  copy: (text: string) => Promise<void>;
  onClose: () => void;
}): JSX.Element {
  const { session, trans, copy, onClose } = props;
  return (
    <Rendered session={session}>
      {state => (
        <ReportActions
          state={state}
          trans={trans}
          onSent={kind => session.sent(kind)}
          onSendToHub={() => void session.sendToHub()}
          onCopy={() =>
            void copy(state.report.text).then(() => session.sent('copy'))
          }
          onClose={onClose}
        />
      )}
    </Rendered>
  );
}
