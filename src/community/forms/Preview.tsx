import * as React from 'react';

import type { TranslationBundle } from '@jupyterlab/translation';

import { AnnouncementList } from '../../components/Header';
import { People } from '../../components/People';
import { TaskHowView } from '../../components/TaskHow';
import { localize } from '../../metadata/localize';
import type { ITask } from '../../metadata/types';
import type { HubHelpModel, IPreview } from '../../model';
import type { CommunitySection } from '../sectionSession';
import { asEntry, asList } from './listEdit';

/**
 * The section as a user's panel will show it once saved: the panel's own
 * views, fed with the draft. Drawn a moment after typing, so that a large
 * section does not slow the form.
 */
export function Preview(props: {
  model: HubHelpModel;
  section: CommunitySection;
  draft: unknown;
  trans: TranslationBundle;
}): JSX.Element {
  const { model, section, trans } = props;
  const draft = React.useDeferredValue(props.draft);
  const preview = React.useMemo(
    () => model.preview(section, draft),
    [model, section, draft]
  );
  const { language } = model;
  return (
    <aside
      className="jp-HubHelp-preview jp-HubHelp"
      aria-label={trans.__('Preview')}
    >
      <h3 className="jp-HubHelp-previewTitle">
        {trans.__('What users will see')}
      </h3>
      {section === 'people' && (
        <People
          model={{ ...preview, language, seesConfiguration: false }}
          trans={trans}
        />
      )}
      {(section === 'announcements' || section === 'status') && (
        <Shown preview={preview} trans={trans} language={language} />
      )}
      {section === 'tasks' && (
        <TaskNotes
          preview={preview}
          draft={draft}
          trans={trans}
          language={language}
        />
      )}
    </aside>
  );
}

/**
 * Each task with a note, as the panel shows how to do it.
 */
function TaskNotes(props: {
  preview: IPreview;
  draft: unknown;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { preview, trans, language } = props;
  const shown = asList(props.draft)
    .map(asEntry)
    .map(note => preview.metadata.tasks.find(t => t.id === note.id))
    .filter((task): task is ITask => !!task);
  if (shown.length === 0) {
    return (
      <p className="jp-HubHelp-muted">{trans.__('No task has a note yet.')}</p>
    );
  }
  return (
    <>
      {shown.map(task => (
        <div key={task.id} className="jp-HubHelp-previewTask">
          <h4 className="jp-HubHelp-subheading">
            {localize(task.title, language)}
          </h4>
          <TaskHowView
            how={task.how}
            self={false}
            hubPage={undefined}
            trans={trans}
            language={language}
          />
        </div>
      ))}
    </>
  );
}
/**
 * The announcements shown now, and how many of the draft's are not (their
 * time has not come, or has passed).
 */
function Shown(props: {
  preview: IPreview;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { preview, trans } = props;
  const all = preview.metadata.announcements;
  const shown = preview.resolver.activeAnnouncements(new Date());
  const hidden = all.length - shown.length;
  return (
    <>
      <AnnouncementList
        announcements={shown}
        language={props.language}
        trans={trans}
      />
      {shown.length === 0 && (
        <p className="jp-HubHelp-muted">
          {trans.__('No announcement is shown now.')}
        </p>
      )}
      {hidden > 0 && (
        <p className="jp-HubHelp-muted">
          {trans._n(
            '%1 more is outside the time it is shown.',
            '%1 more are outside the time they are shown.',
            hidden
          )}
        </p>
      )}
    </>
  );
}
