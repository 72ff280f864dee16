/**
 * The search index is built once per document and language: keystrokes and
 * renders reuse it.
 */
import { buildMetadata } from '../build';
import { searchableTasks, searchTasks } from '../search';

const document = (title: string) =>
  buildMetadata({
    settings: {
      tasks: [
        {
          id: 'print',
          title: { en: title, fr: 'Imprimer un carnet' },
          owner: 'user'
        }
      ]
    }
  }).metadata;

describe('the search index', () => {
  it('is the same for every keystroke on one document', () => {
    const { tasks } = document('Print a notebook');
    const index = searchableTasks(tasks, 'en');
    expect(searchableTasks(tasks, 'en')).toBe(index);
    expect(searchTasks(index, 'print').map(m => m.item.title)).toContain(
      'Print a notebook'
    );
  });

  it('is built for each language', () => {
    const { tasks } = document('Print a notebook');
    const french = searchableTasks(tasks, 'fr');
    expect(french).not.toBe(searchableTasks(tasks, 'en'));
    expect(searchTasks(french, 'imprimer')).toHaveLength(1);
    expect(searchableTasks(tasks, 'fr')).toBe(french);
  });

  it('is built anew for a new document', () => {
    const before = searchableTasks(document('Print a notebook').tasks, 'en');
    const after = searchableTasks(document('Export a notebook').tasks, 'en');
    expect(after).not.toBe(before);
    expect(searchTasks(after, 'export')).toHaveLength(1);
    expect(searchTasks(after, 'print')).toHaveLength(0);
  });
});
