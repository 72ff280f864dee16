import * as React from 'react';

import { localize } from '../metadata/localize';
import { ContactPointView } from './Contacts';
import { IViewProps } from './context';
import { isolate, IsolatedText, OperatorText } from './OperatorText';
import { Section } from './Section';

/**
 * The community's representatives and administrators, and the operator's
 * team with its support channels. An empty role says what to configure.
 */
export function People(props: IViewProps): JSX.Element {
  const { model, trans } = props;
  const { resolver, language } = model;
  const configurer = model.seesConfiguration;
  const community = resolver.roles().filter(r => r.party === 'community');
  const operator = resolver.roles().filter(r => r.party === 'operator');
  const operatorPoints = operator
    .map(r => resolver.contactPoint(r.id)!)
    .filter(p => p.people.length > 0 || p.channels.length > 0);
  const operatorName = model.metadata.operatedBy
    ? localize(model.metadata.operatedBy.name, language)
    : '';

  return (
    <Section id="people" title={trans.__('People')}>
      {community.map(role => {
        const point = resolver.contactPoint(role.id)!;
        const label = localize(role.label, language);
        const empty = point.people.length === 0 && point.channels.length === 0;
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
            {empty ? (
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
              {point.role.acceptsFrom.length > 0 &&
                !point.role.acceptsFrom.some(r => resolver.holds(r)) && (
                  <p className="jp-HubHelp-muted">
                    <IsolatedText
                      text={trans.__(
                        'Accepts requests from: %1. Go through them.',
                        isolate(
                          point.role.acceptsFrom
                            .map(id =>
                              isolate(
                                localize(
                                  model.metadata.roles.get(id)?.label,
                                  language
                                )
                              )
                            )
                            .join(', ')
                        )
                      )}
                    />
                  </p>
                )}
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
