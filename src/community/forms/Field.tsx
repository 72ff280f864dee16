import * as React from 'react';

import type { IFieldProblem } from './fieldProblems';
import type { IFieldAt } from './formContext';

/**
 * What a control needs to be named, described and marked invalid.
 */
export interface IControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled field with its hint and its problems beside it; `children`
 * renders the control with the props that tie it to them.
 */
export function Field(props: {
  field: IFieldAt;
  label: string;
  hint?: string;
  children: (control: IControlProps) => React.ReactNode;
}): JSX.Element {
  const { id, path, problems } = props.field;
  const described = [
    props.hint ? `${id}-hint` : '',
    problems.length ? `${id}-problems` : ''
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="jp-HubHelp-field" data-path={path}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        'aria-describedby': described || undefined,
        'aria-invalid': problems.some(p => p.severity === 'error') || undefined
      })}
      {props.hint && (
        <span id={`${id}-hint`} className="jp-HubHelp-fieldHint">
          {props.hint}
        </span>
      )}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/**
 * Problems as text next to what they are about.
 */
export function FieldProblems(props: {
  id?: string;
  problems: readonly IFieldProblem[];
}): JSX.Element | null {
  if (props.problems.length === 0) {
    return null;
  }
  return (
    <ul id={props.id} className="jp-HubHelp-fieldProblems">
      {props.problems.map((p, i) => (
        <li key={i} className={`jp-HubHelp-fieldProblem-${p.severity}`}>
          {p.reason}
        </li>
      ))}
    </ul>
  );
}
