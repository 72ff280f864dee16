import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { PostStatusNote } from '../community/PostStatusNote';
import { CommandIDs } from '../ids';
import type { HubHelpModel } from '../model';
import { IViewProps } from './viewProps';
import { Section } from './Section';
import { SignInButton } from './SignInButton';

/**
 * For those the hub help service lets edit: a way to the editor of each part
 * the community keeps. Those who would edit with the service's own sign-in
 * are offered it, saying why; everyone else sees nothing here.
 */
export function CommunityActions(props: IViewProps): JSX.Element | null {
  const { model, trans, commands } = props;
  const { viewer, needsSignIn, signInToEdit } = model.community;
  if (needsSignIn && model.seesConfiguration) {
    return <SignInToRead {...props} />;
  }
  if (signInToEdit === 'needed' || signInToEdit === 'elsewhere') {
    return <SignInToEdit {...props} elsewhere={signInToEdit === 'elsewhere'} />;
  }
  if (!viewer?.canEdit || !commands.hasCommand(CommandIDs.editCommunity)) {
    return null;
  }
  const labels = {
    people: trans.__('Edit people'),
    announcements: trans.__('Edit announcements'),
    tasks: trans.__('Edit task notes')
  };
  // The status note is posted here, in the panel (PostStatusNote).
  const edited = viewer.sections.filter(
    (s): s is keyof typeof labels => s in labels
  );
  const open = (tab: string) =>
    void commands.execute(CommandIDs.editCommunity, { tab });
  return (
    <KeepCurrent
      {...props}
      note={trans.__(
        'You can change what every panel on this hub shows for these parts.'
      )}
    >
      {viewer.sections.includes('status') && (
        <PostStatusNote model={model} trans={trans} />
      )}
      <div className="jp-HubHelp-editorActions">
        {edited.map(section => (
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
    </KeepCurrent>
  );
}

/**
 * The panel's section for those who keep the help current: a `note` on what
 * they can do here, and the sign-in to the service when `signIn` labels it.
 */
function KeepCurrent(
  props: IViewProps & {
    note: string;
    signIn?: string;
    children?: React.ReactNode;
  }
): JSX.Element {
  const { model, trans, signIn } = props;
  return (
    <Section id="community" title={trans.__('Keep this help current')}>
      <p className="jp-HubHelp-muted">{props.note}</p>
      {signIn && <SignInButton model={model} trans={trans} label={signIn} />}
      {props.children}
    </Section>
  );
}

/**
 * Where the operator did not let the page's token call the service: those
 * who may be editors sign in to it once, in a new tab, through the hub.
 */
function SignInToRead(props: IViewProps): JSX.Element {
  const { trans } = props;
  return (
    <KeepCurrent
      {...props}
      note={trans.__(
        "This page cannot reach the hub help service by itself. If you keep this hub's people and announcements, sign in to it once in a new tab."
      )}
      signIn={trans.__('Sign in to the hub help service')}
    />
  );
}

/**
 * The service would let the viewer edit with its own sign-in, which could
 * not be made silently: they sign in once, in a new tab. Not on someone
 * else's server, whose pages would receive that sign-in.
 */
function SignInToEdit(props: IViewProps & { elsewhere: boolean }): JSX.Element {
  return (
    <Section id="community" title={props.trans.__('Keep this help current')}>
      <EditSignIn {...props} />
    </Section>
  );
}

/**
 * Why one whom the service would let edit signs in to it first, and the
 * sign-in, made in a new tab; on someone else's server, why not here. Also
 * shown by an editor reopened without the sign-in.
 */
export function EditSignIn(props: {
  model: HubHelpModel;
  trans: TranslationBundle;
  elsewhere: boolean;
}): JSX.Element {
  const { model, trans } = props;
  return props.elsewhere ? (
    <p className="jp-HubHelp-muted">
      {trans.__(
        "You can edit this hub's help from your own server. This server is someone else's: a sign-in made here could let it change the hub's help in your name."
      )}
    </p>
  ) : (
    <>
      <p className="jp-HubHelp-muted">
        {trans.__(
          "You can edit this hub's help. Editing needs a sign-in to the hub help service of its own, so that a server you visit cannot change the hub's help in your name."
        )}
      </p>
      <SignInButton
        model={model}
        trans={trans}
        label={trans.__('Sign in to edit')}
      />
    </>
  );
}
