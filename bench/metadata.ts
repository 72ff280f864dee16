/**
 * Times the metadata layer (parse + merge + resolve every task for a viewer)
 * on generated documents of growing size, and prints the figures.
 *
 *   jlpm bench:metadata     (make bench runs it with the panel's benchmark)
 *
 * The largest document has 2,000 people and 1,000 tasks. Each size is run
 * after a warm-up; the median and the 95th percentile are printed, with the
 * time per 1,000 entries to show how it grows. A second table does the same
 * for documents whose every task is invalid: the cost per entry must stay
 * flat there too (it grew with the square of the count in 0.1.0). A third
 * times the "I want to…" search, one call per keystroke, on those tasks.
 */
import { performance } from 'perf_hooks';

import {
  buildMetadata,
  IHubMetadataDocument,
  Resolver,
  searchableTasks,
  searchTasks
} from '../src/metadata';

const ROLES = [
  'community-representative',
  'hub-administrator',
  'site-reliability-engineer',
  'user'
];
const OWNERS = [
  'user',
  'hub-administrator',
  'community-representative',
  'support-triager',
  'site-reliability-engineer'
];

function document(people: number, tasks: number): IHubMetadataDocument {
  return {
    hub: {
      name: { en: 'Bench hub', fr: 'Hub de test' },
      url: 'https://bench.example.org'
    },
    people: Array.from({ length: people }, (_, i) => ({
      name: `Person ${i}`,
      usernames: [`user${i}`],
      roles: [ROLES[i % ROLES.length]],
      contact: {
        email: `user${i}@example.org`,
        url: `https://example.org/people/${i}`
      },
      note: { en: 'Weekdays', fr: 'En semaine' }
    })),
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: `task-${i}`,
      title: { en: `Task number ${i}`, fr: `Tâche numéro ${i}` },
      keywords: ['alpha', 'beta', `k${i}`],
      owner: OWNERS[i % OWNERS.length],
      category: `Category ${i % 12}`,
      how: { text: 'Do it like this.', url: 'https://docs.example.org/x' }
    })),
    announcements: Array.from({ length: 20 }, (_, i) => `Announcement ${i}`)
  };
}

function run(doc: IHubMetadataDocument, expectRoutes = true): number {
  const start = performance.now();
  const { metadata } = buildMetadata({
    settings: doc,
    live: { admins: ['user1', 'user5', 'staff'] }
  });
  const resolver = new Resolver(metadata, { username: 'user3', admin: false });
  let routes = 0;
  for (const task of metadata.tasks) {
    routes += resolver.routeTask(task).kind.length;
  }
  if (expectRoutes && routes === 0) {
    throw new Error('nothing resolved');
  }
  return performance.now() - start;
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]
  };
}

const sizes = [
  [250, 125],
  [500, 250],
  [1000, 500],
  [2000, 1000]
];
const iterations = Number(process.env.BENCH_ITERATIONS ?? 40);

console.log(
  `metadata layer: parse + merge + resolve every task (${iterations} runs each, Node ${process.version})`
);
console.log('people  tasks   median ms   p95 ms   median ms per 1,000 entries');
for (const [people, tasks] of sizes) {
  const doc = document(people, tasks);
  for (let i = 0; i < 5; i++) {
    run(doc);
  }
  const { median, p95 } = stats(
    Array.from({ length: iterations }, () => run(doc))
  );
  const perThousand = (median / (people + tasks)) * 1000;
  console.log(
    `${String(people).padStart(6)} ${String(tasks).padStart(6)} ${median.toFixed(2).padStart(11)} ${p95.toFixed(2).padStart(8)} ${perThousand.toFixed(2).padStart(14)}`
  );
}

/**
 * Every task invalid (an id that breaks the pattern): each is named and left out.
 */
function invalidTasks(count: number): IHubMetadataDocument {
  return {
    tasks: Array.from({ length: count }, (_, i) => ({
      id: `Invalid Id ${i}`,
      title: 'T',
      owner: 'user'
    }))
  };
}

console.log('\ninvalid tasks   median ms   median ms per 1,000 entries');
for (const count of [1000, 2000, 4000, 8000]) {
  const doc = invalidTasks(count);
  run(doc, false);
  const { median } = stats(
    Array.from({ length: Math.max(5, iterations / 8) }, () => run(doc, false))
  );
  console.log(
    `${String(count).padStart(13)} ${median.toFixed(2).padStart(11)} ${((median / count) * 1000).toFixed(2).padStart(14)}`
  );
}

/**
 * What a keystroke costs: a word as typed, words with typos (the costlier
 * path), and a word that matches nothing; the cost per task must stay flat.
 */
const QUERIES = ['number', 'numbr 99', 'instal pakage', 'zzzzzz'];
console.log('\nsearch: tasks   median ms per keystroke   per 1,000 tasks');
for (const [, count] of sizes) {
  const { metadata } = buildMetadata({ settings: document(0, count) });
  const tasks = searchableTasks(metadata.tasks, 'en');
  if (searchTasks(tasks, 'numbr 99').length === 0) {
    throw new Error('the search found nothing');
  }
  const keystroke = () => {
    const start = performance.now();
    QUERIES.forEach(q => searchTasks(tasks, q));
    return (performance.now() - start) / QUERIES.length;
  };
  keystroke();
  const { median } = stats(Array.from({ length: iterations }, keystroke));
  console.log(
    `${String(metadata.tasks.length).padStart(14)} ${median.toFixed(3).padStart(25)} ${((median / metadata.tasks.length) * 1000).toFixed(3).padStart(17)}`
  );
}
