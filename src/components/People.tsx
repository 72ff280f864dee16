import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { localize } from '../metadata/localize';
import { isEmptyContactPoint } from '../metadata/resolve';
import { IRole } from '../metadata/types';
import type { HubHelpModel } from '../model';
import { isolate } from '../metadata/text';
import { ContactPointView } from './Contacts';
import { IsolatedText, OperatorText } from './OperatorText';
import { Section } from './Section';

/**
 * The community's representatives and administrators, and the operator's
 * team with its support channels. An empty role says what to configure.
 */
export function People(props: {
  model: Pick<
    HubHelpModel,
    'metadata' | 'resolver' | 'language' | 'seesConfiguration'
  >;
  trans: TranslationBundle;
}): JSX.Element {
  const { model, trans } = props;
  const { resolver, language } = model;
  const configurer = model.seesConfiguration;
  const community = resolver.roles().filter(r => r.party === 'community');
  const operator = resolver.roles().filter(r => r.party === 'operator');
  const operatorPoints = operator
    .map(r => resolver.contactPoint(r.id)!)
    .filter(p => !isEmptyContactPoint(p));
  const operatorName = model.metadata.operatedBy
    ? localize(model.metadata.operatedBy.name, language)
    : '';

  return (
    <Section id="people" title={trans.__('People')}>
      {community.map(role => {
        const point = resolver.contactPoint(role.id)!;
        const label = localize(role.label, language);
        return (
          <div key={role.id} className="jp-HubHelp-role" data-role={role.id}>
            <h4 className="jp-HubHelp-subheading">
              <OperatorText>{label}</OperatorText>
            </h4>
            {role.description && (
              <p className="jp-HubHelp-muted">
                <OperatorText>
                  {localize(role.description, language)}
                </OperatorText>
              </p>
            )}
            {isEmptyContactPoint(point) ? (
              <p className="jp-HubHelp-empty">
                <IsolatedText
                  text={
                    configurer
                      ? trans.__(
                          "No %1 is listed: ask your hub's operator to add one to the hub help settings.",
                          isolate(label)
                        )
                      : trans.__(
                          'No %1 is listed for this hub yet.',
                          isolate(label)
                        )
                  }
                />
              </p>
            ) : (
              <ContactPointView
                point={point}
                trans={trans}
                language={language}
              />
            )}
          </div>
        );
      })}
      <div className="jp-HubHelp-role" data-role="operator">
        <h4 className="jp-HubHelp-subheading">
          {operatorName ? (
            <IsolatedText text={trans.__("%1's team", isolate(operatorName))} />
          ) : (
            trans.__("The operator's team")
          )}
        </h4>
        {operatorPoints.length === 0 ? (
          <p className="jp-HubHelp-empty">
            {trans.__("No contact for the hub's operator is listed.")}
          </p>
        ) : (
          operatorPoints.map(point => (
            <div key={point.role.id}>
              <h5 className="jp-HubHelp-minorHeading">
                <OperatorText>
                  {localize(point.role.label, language)}
                </OperatorText>
              </h5>
              <GoThrough
                roles={resolver.mustGoThrough(point.role.id)}
                trans={trans}
                language={language}
              />
              <ContactPointView
                point={point}
                trans={trans}
                language={language}
              />
            </div>
          ))
        )}
      </div>
    </Section>
  );
}

/**
 * Whom the viewer asks instead, when a role does not take their requests.
 */
function GoThrough(props: {
  roles: IRole[];
  trans: TranslationBundle;
  language: string;
}): JSX.Element | null {
  const { roles, trans, language } = props;
  if (roles.length === 0) {
    return null;
  }
  const labels = roles.map(r => isolate(localize(r.label, language)));
  return (
    <p className="jp-HubHelp-muted">
      <IsolatedText
        text={trans.__(
          'Accepts requests from: %1. Go through them.',
          isolate(labels.join(', '))
        )}
      />
    </p>
  );
}
