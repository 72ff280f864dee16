/**
 * Operator settings of any size, as a settings overrides file in a Jupyter
 * config directory that JupyterLab reads (JUPYTER_CONFIG_PATH).
 */
import { mkdirSync, writeFileSync } from 'fs';
import path from 'path';

export const HUB_NAME = 'Benchmark Hub';

export function bigSettings(people, tasks) {
  const roles = [
    'community-representative',
    'hub-administrator',
    'site-reliability-engineer'
  ];
  const owners = [
    'user',
    'hub-administrator',
    'community-representative',
    'support-triager'
  ];
  return {
    'jupyterlab-hub-help:plugin': {
      hub: { name: HUB_NAME },
      people: Array.from({ length: people }, (_, i) => ({
        name: `Person ${i}`,
        usernames: [`user${i}`],
        roles: [roles[i % roles.length]],
        contact: { email: `user${i}@example.org` }
      })),
      tasks: Array.from({ length: tasks }, (_, i) => ({
        id: `bench-task-${i}`,
        title: `Benchmark task ${i} about ${['data', 'servers', 'packages', 'access'][i % 4]}`,
        keywords: ['bench', `k${i}`],
        owner: owners[i % owners.length],
        category: `Category ${i % 20}`
      }))
    }
  };
}

/**
 * A config directory holding the settings for `people` (tasks at half).
 */
export function configDir(parent, people) {
  const dir = path.join(parent, `people-${people}`);
  const overrides = path.join(dir, 'labconfig', 'default_setting_overrides.d');
  mkdirSync(overrides, { recursive: true });
  writeFileSync(
    path.join(overrides, 'bench.json'),
    JSON.stringify(bigSettings(people, Math.floor(people / 2)))
  );
  return dir;
}
