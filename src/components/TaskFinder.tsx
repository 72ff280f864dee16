import * as React from 'react';

import {
  caretDownIcon,
  caretRightIcon,
  InputGroup
} from '@jupyterlab/ui-components';

import {
  filterTasks,
  ISearchableTask,
  searchableTasks
} from '../metadata/search';
import { IViewProps } from './context';
import { OperatorText } from './OperatorText';
import { Section } from './Section';
import { HowView, RouteSummary, RouteView } from './Route';

/**
 * Matches shown before "Show all": keeps typing fast on very large lists.
 */
const MAX_SHOWN = 50;

/**
 * "I want to...": a search over the tasks, grouped by category; each task
 * says who handles it for this viewer and, opened, how.
 */
export function TaskFinder(props: IViewProps): JSX.Element {
  const { model, trans } = props;
  const [query, setQuery] = React.useState('');
  const [showAll, setShowAll] = React.useState(false);
  const tasks = React.useMemo(
    () => searchableTasks(model.metadata.tasks, model.language),
    [model.metadata, model.language]
  );
  const matches = React.useMemo(
    () => filterTasks(tasks, query),
    [tasks, query]
  );
  const shown = query && !showAll ? matches.slice(0, MAX_SHOWN) : matches;
  const groups = React.useMemo(() => groupByCategory(shown), [shown]);
  const inputId = 'jp-HubHelp-search';

  return (
    <Section id="tasks" title={trans.__('I want to…')}>
      <label htmlFor={inputId} className="jp-HubHelp-label">
        {trans.__('What do you need help with?')}
      </label>
      <InputGroup
        id={inputId}
        type="search"
        className="jp-HubHelp-search"
        value={query}
        placeholder={trans.__('For example: install a package')}
        rightIcon="ui-components:search"
        onChange={event => {
          setQuery(event.currentTarget.value);
          setShowAll(false);
        }}
        onKeyDown={event => {
          if (event.key === 'Escape' && query) {
            event.stopPropagation();
            setQuery('');
          }
        }}
      />
      <p className="jp-HubHelp-muted" role="status" aria-live="polite">
        {query
          ? trans._n('%1 task matches', '%1 tasks match', matches.length)
          : trans._n('%1 task', '%1 tasks', matches.length)}
      </p>
      {groups.map(([category, items]) => (
        <CategoryGroup
          key={category}
          {...props}
          category={category || trans.__('Other')}
          items={items}
          open={!!query}
        />
      ))}
      {shown.length < matches.length && (
        <button
          className="jp-HubHelp-more jp-mod-styled"
          onClick={() => setShowAll(true)}
        >
          {trans.__('Show all %1 matches', matches.length)}
        </button>
      )}
    </Section>
  );
}

function groupByCategory(
  tasks: ISearchableTask[]
): [string, ISearchableTask[]][] {
  const groups = new Map<string, ISearchableTask[]>();
  for (const task of tasks) {
    const list = groups.get(task.category) ?? [];
    list.push(task);
    groups.set(task.category, list);
  }
  return [...groups.entries()];
}

/**
 * A category: collapsed while browsing, open while searching, so that only
 * what is asked for is rendered.
 */
function CategoryGroup(
  props: IViewProps & {
    category: string;
    items: ISearchableTask[];
    open: boolean;
  }
): JSX.Element {
  const { category, items, open } = props;
  const [expanded, setExpanded] = React.useState(false);
  const isOpen = open || expanded;
  const Icon = isOpen ? caretDownIcon : caretRightIcon;
  return (
    <div className="jp-HubHelp-category">
      <h4 className="jp-HubHelp-categoryHeading">
        <button
          className="jp-HubHelp-disclosure"
          aria-expanded={isOpen}
          onClick={() => setExpanded(!isOpen)}
        >
          <Icon.react tag="span" className="jp-HubHelp-caret" />
          <OperatorText>{category}</OperatorText>
          <span className="jp-HubHelp-count">{items.length}</span>
        </button>
      </h4>
      {isOpen && (
        <ul className="jp-HubHelp-tasks">
          {items.map(item => (
            <TaskItem key={item.task.id} {...props} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}

function TaskItem(props: IViewProps & { item: ISearchableTask }): JSX.Element {
  const { model, trans, commands, item } = props;
  const [expanded, setExpanded] = React.useState(false);
  const route = model.resolver.routeTask(item.task);
  const detailId = `jp-HubHelp-task-${item.task.id}`;
  return (
    <li className="jp-HubHelp-task" data-task-id={item.task.id}>
      <button
        className="jp-HubHelp-disclosure jp-HubHelp-taskTitle"
        aria-expanded={expanded}
        aria-controls={detailId}
        onClick={() => setExpanded(!expanded)}
      >
        <OperatorText>{item.title}</OperatorText>
      </button>
      <div className={`jp-HubHelp-badge jp-HubHelp-badge-${route.kind}`}>
        <RouteSummary route={route} trans={trans} language={model.language} />
      </div>
      {expanded && (
        <div id={detailId} className="jp-HubHelp-taskDetail">
          <RouteView route={route} trans={trans} language={model.language} />
          <HowView
            how={item.task.how}
            self={route.kind === 'self'}
            hub={model.hub}
            commands={commands}
            trans={trans}
            language={model.language}
          />
        </div>
      )}
    </li>
  );
}
