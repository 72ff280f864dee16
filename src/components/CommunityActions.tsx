import * as React from 'react';

import { CommandIDs } from '../ids';
import { IViewProps } from './viewProps';
import { Section } from './Section';

/**
 * For those the hub help service lets edit: a way to the editor of each part
 * the community keeps. Everyone else sees nothing here.
 */
export function CommunityActions(props: IViewProps): JSX.Element | null {
  const { model, trans, commands } = props;
  const { viewer, service, needsSignIn } = model.community;
  if (needsSignIn && service && model.seesConfiguration) {
    return <SignIn {...props} />;
  }
  if (!viewer?.canEdit || !commands.hasCommand(CommandIDs.editCommunity)) {
    return null;
  }
  const labels = {
    people: trans.__('Edit people'),
    announcements: trans.__('Edit announcements'),
    status: trans.__('Edit the status note'),
    tasks: trans.__('Edit task notes')
  };
  const open = (tab: string) =>
    void commands.execute(CommandIDs.editCommunity, { tab });
  return (
    <Section id="community" title={trans.__('Keep this help current')}>
      <p className="jp-HubHelp-muted">
        {trans.__(
          'You can change what every panel on this hub shows for these parts.'
        )}
      </p>
      <div className="jp-HubHelp-editorActions">
        {viewer.sections.map(section => (
          <button
            key={section}
            className="jp-mod-styled jp-HubHelp-action"
            onClick={() => open(section)}
          >
            {labels[section]}
          </button>
        ))}
        <button
          className="jp-mod-styled jp-HubHelp-action"
          onClick={() => open('history')}
        >
          {trans.__('History')}
        </button>
      </div>
    </Section>
  );
}

/**
 * Where the operator did not let the page's token call the service: those
 * who may be editors sign in to it once, in a new tab, through the hub.
 */
function SignIn(props: IViewProps): JSX.Element {
  const { model, trans } = props;
  const [waiting, setWaiting] = React.useState(false);
  const signIn = async () => {
    const { signInToService } = await import('../community/signIn');
    setWaiting(true);
    if (await signInToService(model.community.service!)) {
      await model.refresh();
    }
    setWaiting(false);
  };
  return (
    <Section id="community" title={trans.__('Keep this help current')}>
      <p className="jp-HubHelp-muted">
        {trans.__(
          "This page cannot reach the hub help service by itself. If you keep this hub's people and announcements, sign in to it once in a new tab."
        )}
      </p>
      <button
        className="jp-mod-styled jp-HubHelp-action"
        disabled={waiting}
        onClick={() => void signIn()}
      >
        {waiting
          ? trans.__('Waiting for the sign-in tab…')
          : trans.__('Sign in to the hub help service')}
      </button>
    </Section>
  );
}
