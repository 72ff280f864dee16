import * as React from 'react';

import { caretDownIcon, caretRightIcon } from '@jupyterlab/ui-components';

import { ITaskMatch, searchableTasks, searchTasks } from '../metadata/search';
import { isolate } from '../metadata/text';
import { IAnswerProps } from './viewProps';
import { IsolatedText, OperatorText } from './OperatorText';
import { SearchBox } from './SearchBox';
import { Section } from './Section';
import { RouteSummary, RouteView } from './Route';
import { TaskHowView } from './TaskHow';
import { IRowProps, VirtualRows } from './VirtualRows';

/**
 * A task's row with its title and who handles it, usually (in pixels).
 */
const TASK_HEIGHT = 44;

/**
 * Matches shown before "Show all": each key renders this many at most, so
 * typing stays quick; the lists are windowed once all are shown.
 */
const MAX_SHOWN = 50;

/**
 * "I want to...": a search over the tasks, grouped by category; each task
 * says who handles it for this viewer and, opened, how.
 */
export function TaskFinder(props: IAnswerProps): JSX.Element {
  const { model, trans } = props;
  const [query, setQuery] = React.useState('');
  const [showAll, setShowAll] = React.useState(false);
  const categories = useCategoryToggles();
  // Kept here, not in the row: a row scrolled away and back stays open.
  const [expanded, setExpanded] = React.useState<ReadonlySet<string>>(
    new Set()
  );
  // Built once per document and language (searchableTasks keeps it).
  const tasks = searchableTasks(model.metadata.tasks, model.language);
  const matches = React.useMemo(
    () => searchTasks(tasks, query),
    [tasks, query]
  );
  const searching = query.trim() !== '';
  const shown = searching && !showAll ? matches.slice(0, MAX_SHOWN) : matches;
  const groups = React.useMemo(() => groupByCategory(shown), [shown]);
  const inputId = 'jp-HubHelp-search';
  const search = (value: string) => {
    setQuery(value);
    setShowAll(false);
    if (!value.trim()) {
      categories.clearSearch();
    }
  };

  return (
    <Section id="tasks" title={trans.__('I want to…')}>
      <label htmlFor={inputId} className="jp-HubHelp-label">
        {trans.__('What do you need help with?')}
      </label>
      <SearchBox
        id={inputId}
        value={query}
        placeholder={trans.__('For example: install a package')}
        onChange={search}
      />
      <p className="jp-HubHelp-muted" role="status" aria-live="polite">
        {searching
          ? trans._n('%1 task matches', '%1 tasks match', matches.length)
          : trans._n('%1 task', '%1 tasks', matches.length)}
      </p>
      {groups.map(([category, items]) => (
        <CategoryGroup
          key={category}
          {...props}
          category={category || trans._p('task category', 'Other')}
          items={items}
          open={categories.isOpen(category, searching)}
          onToggle={() => categories.toggle(category, searching)}
          expanded={expanded}
          onExpand={id => setExpanded(set => toggled(set, id))}
        />
      ))}
      {shown.length < matches.length && (
        <button
          className="jp-HubHelp-more jp-mod-styled"
          onClick={() => setShowAll(true)}
        >
          {trans._n('Show the %1 match', 'Show all %1 matches', matches.length)}
        </button>
      )}
    </Section>
  );
}

/**
 * The groups in the order of their best match, each in the order found.
 */
function groupByCategory(matches: ITaskMatch[]): [string, ITaskMatch[]][] {
  const groups = new Map<string, ITaskMatch[]>();
  for (const match of matches) {
    const list = groups.get(match.item.category) ?? [];
    list.push(match);
    groups.set(match.item.category, list);
  }
  return [...groups.entries()];
}

/**
 * Which categories are open: while browsing, those the person opened; while
 * searching, all but those they closed during this search (emptying the box
 * forgets them, so the next search opens every category again).
 */
function useCategoryToggles() {
  const [opened, setOpened] = React.useState<ReadonlySet<string>>(new Set());
  const [closed, setClosed] = React.useState<ReadonlySet<string>>(new Set());
  return {
    isOpen: (category: string, searching: boolean) =>
      searching ? !closed.has(category) : opened.has(category),
    toggle: (category: string, searching: boolean) =>
      (searching ? setClosed : setOpened)(set => toggled(set, category)),
    clearSearch: () => setClosed(new Set())
  };
}

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(key)) {
    next.add(key);
  }
  return next;
}

/**
 * A category: collapsed while browsing, open while searching, so that only
 * what is asked for is rendered; its heading opens and closes it. A long
 * one renders only the tasks on screen.
 */
function CategoryGroup(
  props: IAnswerProps & {
    category: string;
    items: ITaskMatch[];
    open: boolean;
    onToggle: () => void;
    expanded: ReadonlySet<string>;
    onExpand: (taskId: string) => void;
  }
): JSX.Element {
  const { category, items, open: isOpen, onToggle, expanded, onExpand } = props;
  const Icon = isOpen ? caretDownIcon : caretRightIcon;
  return (
    <div className="jp-HubHelp-category">
      <h4 className="jp-HubHelp-categoryHeading">
        <button
          className="jp-HubHelp-disclosure"
          aria-expanded={isOpen}
          onClick={onToggle}
        >
          <Icon.react tag="span" className="jp-HubHelp-caret" />
          <OperatorText>{category}</OperatorText>
          <span className="jp-HubHelp-count">{items.length}</span>
        </button>
      </h4>
      {isOpen && (
        <ul className="jp-HubHelp-tasks">
          <VirtualRows
            items={items}
            getKey={match => match.item.task.id}
            estimate={TASK_HEIGHT}
          >
            {(match, row) => (
              <TaskItem
                {...props}
                match={match}
                row={row}
                expanded={expanded.has(match.item.task.id)}
                onExpand={() => onExpand(match.item.task.id)}
              />
            )}
          </VirtualRows>
        </ul>
      )}
    </div>
  );
}

function TaskItem(
  props: IAnswerProps & {
    match: ITaskMatch;
    row: IRowProps;
    expanded: boolean;
    onExpand: () => void;
  }
): JSX.Element {
  const { model, trans, commands, match, row, expanded, onExpand } = props;
  const { item } = match;
  const route = model.resolver.routeTask(item.task);
  const detailId = `jp-HubHelp-task-${item.task.id}`;
  return (
    <li className="jp-HubHelp-task" data-task-id={item.task.id} {...row}>
      <button
        className="jp-HubHelp-disclosure jp-HubHelp-taskTitle"
        aria-expanded={expanded}
        aria-controls={detailId}
        onClick={onExpand}
      >
        <OperatorText marks={match.highlights}>{item.title}</OperatorText>
      </button>
      {match.keywords.length > 0 && (
        <div className="jp-HubHelp-muted jp-HubHelp-matchedKeywords">
          <IsolatedText
            text={trans.__(
              'matches: %1',
              match.keywords.map(isolate).join(', ')
            )}
          />
        </div>
      )}
      <div className={`jp-HubHelp-badge jp-HubHelp-badge-${route.kind}`}>
        <RouteSummary route={route} trans={trans} language={model.language} />
      </div>
      {expanded && (
        <div id={detailId} className="jp-HubHelp-taskDetail">
          <RouteView route={route} trans={trans} language={model.language} />
          <TaskHowView
            how={item.task.how}
            self={route.kind === 'self'}
            hubPage={model.hubPage(item.task.how.hubPage)}
            commands={commands}
            trans={trans}
            language={model.language}
          />
        </div>
      )}
    </li>
  );
}
