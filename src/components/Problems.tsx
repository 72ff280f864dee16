import * as React from 'react';

import { describeProblem } from '../metadata/problems';
import { ITrans } from '../metadata/trans';
import { isolate } from '../metadata/text';
import { IViewProps } from './viewProps';
import { IsolatedText } from './OperatorText';
import { Section } from './Section';

/**
 * What is wrong in the hub metadata: a short note for users, every problem
 * with its source, path and reason for those who can have it fixed.
 */
export function Problems(props: IViewProps): JSX.Element | null {
  const { model, trans } = props;
  const full = model.seesConfiguration;
  const problems = full
    ? model.problems
    : model.problems.filter(p => p.severity === 'error');
  const unconfigured = model.ready && !model.configured;
  const isolating = isolatingTrans(trans);
  if (problems.length === 0 && !unconfigured) {
    return null;
  }
  return (
    <Section
      id="problems"
      title={trans.__('Configuration problems')}
      className="jp-HubHelp-problems"
    >
      {unconfigured && (
        <p className="jp-HubHelp-notice jp-HubHelp-severity-warning">
          {full
            ? trans.__(
                "No hub help settings were found, so only the built-in help is shown. If your operator configured them, an overrides file may be broken: the server's log names it."
              )
            : trans.__(
                "This hub's help information has not been configured yet."
              )}
        </p>
      )}
      {problems.length > 0 &&
        (full ? (
          <ul className="jp-HubHelp-problemList">
            {problems.map((p, i) => (
              <li
                key={i}
                className={`jp-HubHelp-problem jp-HubHelp-severity-${p.severity}`}
              >
                <IsolatedText text={describeProblem(p, isolating)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="jp-HubHelp-notice jp-HubHelp-severity-warning">
            {trans.__('Some help information could not be loaded.')}
          </p>
        ))}
    </Section>
  );
}

/**
 * describeProblem builds a string: each part substituted into it (the JSON
 * path, operator values quoted in the reason) is isolated. The texts it
 * passes on are the literals of the pure layers' own `trans` calls, which
 * is where the catalogue finds them.
 */
function isolatingTrans(bundle: ITrans): ITrans {
  const each = (args: unknown[]) => args.map(arg => isolate(String(arg)));
  return {
    __: (msgid, ...args) => bundle.__(msgid, ...each(args)),
    _n: (msgid, msgidPlural, n, ...args) =>
      bundle._n(msgid, msgidPlural, n, ...each(args)),
    _p: (msgctxt, msgid, ...args) => bundle._p(msgctxt, msgid, ...each(args))
  };
}
