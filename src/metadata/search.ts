import { localize } from './localize';
import { ITask } from './types';

/**
 * A task with its text in the viewer's language, ready to be filtered.
 */
export interface ISearchableTask {
  task: ITask;
  title: string;
  category: string;
  haystack: string;
}

/**
 * Localise every task once, so that each keystroke only compares strings.
 */
export function searchableTasks(
  tasks: ITask[],
  language: string
): ISearchableTask[] {
  return tasks.map(task => {
    const title = localize(task.title, language);
    const category = localize(task.category, language);
    return {
      task,
      title,
      category,
      haystack: fold([title, category, ...task.keywords].join('\n'))
    };
  });
}

/**
 * Tasks whose title, category or keywords contain every word of the query,
 * ignoring case and accents.
 */
export function filterTasks(
  tasks: ISearchableTask[],
  query: string
): ISearchableTask[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return tasks;
  }
  return tasks.filter(t => words.every(w => t.haystack.includes(w)));
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
