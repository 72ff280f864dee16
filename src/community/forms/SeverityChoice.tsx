import * as React from 'react';

import type { TranslationBundle } from '@jupyterlab/translation';

import type { Severity } from '../../metadata/types';

const SEVERITIES: Severity[] = ['info', 'success', 'warning', 'error'];

/**
 * The words for each severity, as the form offers them.
 */
export function severityLabel(
  severity: Severity,
  trans: TranslationBundle
): string {
  switch (severity) {
    case 'info':
      return trans.__('Information');
    case 'success':
      return trans.__('Good news');
    case 'warning':
      return trans.__('Warning');
    case 'error':
      return trans.__('Problem');
  }
}

/**
 * A severity as a choice, each with the colour the panel gives it.
 */
export function SeverityChoice(props: {
  id: string;
  path: string;
  value: Severity | undefined;
  onChange: (severity: Severity) => void;
  trans: TranslationBundle;
}): JSX.Element {
  const { trans } = props;
  const chosen = props.value ?? 'info';
  return (
    <fieldset
      className="jp-HubHelp-choices"
      id={props.id}
      data-path={props.path}
    >
      <legend>{trans.__('How it looks')}</legend>
      {SEVERITIES.map(severity => (
        <label
          key={severity}
          className={`jp-HubHelp-choice jp-HubHelp-severity-${severity}`}
        >
          <input
            type="radio"
            name={props.id}
            value={severity}
            checked={chosen === severity}
            onChange={() => props.onChange(severity)}
          />
          {severityLabel(severity, trans)}
        </label>
      ))}
    </fieldset>
  );
}
