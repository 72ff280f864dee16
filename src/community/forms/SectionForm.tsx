import * as React from 'react';

import { RoleIDs } from '../../ids';
import type { HubHelpModel } from '../../model';
import type { CommunitySection } from '../sectionSession';
import { AnnouncementsForm } from './AnnouncementsForm';
import { IFormContext } from './formContext';
import { LanguageSuggestions } from './LocalizedTextField';
import { PeopleForm } from './PeopleForm';
import { StatusNoteForm } from './StatusNoteForm';
import { TaskNotesForm } from './TaskNotesForm';

/**
 * The form made for one section.
 */
export function SectionForm(props: {
  section: CommunitySection;
  context: IFormContext;
  model: HubHelpModel;
  value: unknown;
  onChange: (value: unknown) => void;
}): JSX.Element {
  const { section, context, model, value, onChange } = props;
  const common = { context, value, onChange };
  return (
    <div className="jp-HubHelp-form">
      <LanguageSuggestions />
      {section === 'people' && (
        <PeopleForm
          {...common}
          roles={model.resolver.roles().filter(r => r.id !== RoleIDs.user)}
          usernames={knownUsernames(model)}
        />
      )}
      {section === 'announcements' && <AnnouncementsForm {...common} />}
      {section === 'status' && (
        <StatusNoteForm {...common} now={() => Date.now()} />
      )}
      {section === 'tasks' && (
        <TaskNotesForm {...common} tasks={model.metadata.tasks} />
      )}
    </div>
  );
}

/**
 * The hub usernames the panel knows (those listed, and the admins the hub
 * lists where the page may ask it), as suggestions.
 */
function knownUsernames(model: HubHelpModel): string[] {
  const names = new Set(model.metadata.people.flatMap(p => p.usernames));
  if (model.hub.onHub) {
    names.add(model.hub.user);
  }
  return [...names].sort();
}
