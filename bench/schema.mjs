/**
 * What JupyterLab's settings validator costs on our schema, in Node: the
 * steps `DefaultSchemaValidator` (@jupyterlab/settingregistry) takes when a
 * plugin's settings are first loaded, with the same Ajv and options, each on
 * fresh validators (as each page load has), in CPU time (the machine is
 * shared), with the size of the code Ajv generates.
 *
 *   jlpm build:lib && node bench/schema.mjs [--people 2000] [--repeat 25] [--jupyter JUPYTER]
 *
 * With --jupyter (an environment's `jupyter`, with or without the
 * extension), the same variants also go through JupyterLab's own validator
 * in Chromium: a fresh `DefaultSchemaValidator` of the running JupyterLab,
 * whose first `validateData` compiles the schema (wall time, main thread).
 *
 * Variants: the schema as the server sends it (the operator's values as its
 * defaults); as our transforms give it to the Settings Editor, whose form
 * compiles it when it opens; and as they give it to JupyterLab's validator,
 * which compiles it at every start (lib/plugins/model/schemaForLab.js).
 */
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import path from 'path';

import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';

import {
  chromium,
  executablePath,
  restoredPage,
  root,
  startLab,
  option
} from './lab.mjs';
import { bigSettings, configDir } from './settings.mjs';
import { median } from './stats.mjs';

const require = createRequire(path.join(root, 'package.json'));
const Ajv = require('ajv').default;
const PLUGIN_SCHEMA = JSON.parse(
  readFileSync(
    require.resolve('@jupyterlab/settingregistry/lib/plugin-schema.json'),
    'utf-8'
  )
);
const { schemaForEditor, schemaForValidator } = await import(
  path.join(root, 'lib', 'plugins', 'model', 'schemaForLab.js')
);

const PEOPLE = Number(option('--people', 2000));
const REPEAT = Number(option('--repeat', 25));
const JUPYTER = option('--jupyter');
const shipped = JSON.parse(
  readFileSync(path.join(root, 'schema', 'plugin.json'), 'utf-8')
);

// Ajv warns once per use of a format it does not know, at every compile.
let warnings = 0;
console.warn = () => warnings++;

/**
 * The schema as jupyterlab_server sends it: the overrides become defaults.
 */
function withOverrides(schema, people) {
  const copy = structuredClone(schema);
  const values = bigSettings(people, Math.floor(people / 2))[
    'jupyterlab-hub-help:plugin'
  ];
  for (const [key, value] of Object.entries(values)) {
    copy.properties[key].default = value;
  }
  return copy;
}

/**
 * As our fetch transform leaves it for the Settings Editor (src/plugins/model/settings.ts):
 * no lists' defaults, no checks the guard makes.
 */
function forEditor(schema) {
  const copy = schemaForEditor(structuredClone(schema));
  for (const property of Object.values(copy.properties)) {
    if (Array.isArray(property.default) || property.default === null) {
      delete property.default;
    }
  }
  return copy;
}

const cpuMs = since => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

/**
 * One first load of the plugin's settings, as DefaultSchemaValidator does
 * it: check the schema, add it to the validator and the composer (Ajv with
 * `useDefaults`), compile both, validate the user's empty settings.
 */
function firstLoad(schema) {
  const composer = new Ajv({
    useDefaults: true,
    strict: false,
    code: { source: true }
  });
  const validator = new Ajv({ strict: false, code: { source: true } });
  composer.addSchema(PLUGIN_SCHEMA, 'jupyterlab-plugin-schema');
  validator.addSchema(PLUGIN_SCHEMA, 'jupyterlab-plugin-schema');
  // Compiled once for all plugins (with the meta-schema): not ours to count.
  const pluginSchema = validator.getSchema('jupyterlab-plugin-schema');
  pluginSchema({ type: 'object' });
  composer.validateSchema({ type: 'object' });
  const id = 'jupyterlab-hub-help:plugin';
  const start = process.cpuUsage();
  pluginSchema(schema);
  validator.validateSchema(schema);
  composer.addSchema(schema, id);
  validator.addSchema(schema, id);
  const checked = cpuMs(start);
  const validate = validator.getSchema(id);
  const compiledValidator = cpuMs(start);
  const compose = composer.getSchema(id);
  const compiledComposer = cpuMs(start);
  validate({});
  compose({});
  const total = cpuMs(start);
  return {
    steps: [
      checked,
      compiledValidator - checked,
      compiledComposer - compiledValidator,
      total - compiledComposer
    ],
    total,
    code: generatedChars(validate) + generatedChars(compose)
  };
}

/**
 * The characters of code Ajv generated for a schema and the definitions it
 * compiled as functions of their own.
 */
function generatedChars(validate) {
  const seen = new Set();
  const walk = env => {
    if (
      !env ||
      typeof env !== 'object' ||
      !('schema' in env) ||
      seen.has(env)
    ) {
      return 0;
    }
    seen.add(env);
    const own = env.validate?.source?.validateCode?.length ?? 0;
    return (
      own + Object.values(env.refs ?? {}).reduce((sum, r) => sum + walk(r), 0)
    );
  };
  return walk(validate.schemaEnv);
}

const STEPS = [
  'check the schema (plugin-schema, meta-schema)',
  'compile the validator',
  'compile the composer (useDefaults)',
  'validate and compose {}'
];

const variants = [
  [`shipped, ${PEOPLE} people as defaults`, withOverrides(shipped, PEOPLE)],
  ['for the Settings Editor', forEditor(withOverrides(shipped, PEOPLE))],
  [
    'for the validator (compiled at start)',
    schemaForValidator(forEditor(withOverrides(shipped, PEOPLE)))
  ]
];
// Interleaved, after one warm-up each, so that all see the same machine.
variants.forEach(([, schema]) => firstLoad(schema));
const runs = variants.map(() => []);
for (let i = 0; i < REPEAT; i++) {
  variants.forEach(([, schema], k) => runs[k].push(firstLoad(schema)));
}
const results = variants.map(([label, schema], k) => {
  warnings = 0;
  const { code } = firstLoad(schema);
  return {
    label,
    bytes: JSON.stringify(schema).length,
    steps: STEPS.map((_, i) => median(runs[k].map(r => r.steps[i]))),
    total: median(runs[k].map(r => r.total)),
    code,
    warnings
  };
});

const kib = n => `${(n / 1024).toFixed(0)} KiB`;
const header = [`CPU ms, median of ${REPEAT}`, ...results.map(r => r.label)];
const rows = [
  header,
  ['schema sent to JupyterLab', ...results.map(r => kib(r.bytes))],
  ['code Ajv generates (both)', ...results.map(r => kib(r.code))],
  ['console warnings (formats)', ...results.map(r => String(r.warnings))],
  ...STEPS.map((step, i) => [step, ...results.map(r => r.steps[i].toFixed(1))]),
  ['total', ...results.map(r => r.total.toFixed(1))]
];
const widths = header.map((_, i) => Math.max(...rows.map(r => r[i].length)));
for (const row of rows) {
  console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}

/**
 * In Chromium: JupyterLab's own validator class, taken from the running
 * setting registry, compiling each variant on a fresh instance.
 */
async function inBrowser(jupyter) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'hub-help-schema-'));
  const lab = await startLab({
    jupyter,
    env: { JUPYTER_CONFIG_PATH: configDir(scratch, PEOPLE) }
  });
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await restoredPage(await browser.newContext(), lab.url);
    const schemas = variants.map(([, schema]) => schema);
    return await page.evaluate(
      async ({ schemas, repeat }) => {
        const app = window.jupyterapp;
        const token = [...app.pluginRegistry._services.keys()].find(
          t => t.name === '@jupyterlab/coreutils:ISettingRegistry'
        );
        const Validator = (await app.resolveRequiredService(token)).validator
          .constructor;
        const once = schema => {
          const validator = new Validator();
          // Compiles JupyterLab's plugin-schema and the meta-schema: shared.
          validator.validateData({
            id: 'bench:warm',
            schema: { type: 'object' },
            raw: '{}'
          });
          const t0 = performance.now();
          // Null defaults (the shipped "not set") fail the composer: the
          // compiling is done by then, and timed all the same.
          validator.validateData({ id: 'bench:ours', schema, raw: '{}' });
          const ms = performance.now() - t0;
          return ms;
        };
        const runs = schemas.map(() => []);
        schemas.forEach(once);
        for (let i = 0; i < repeat; i++) {
          schemas.forEach((schema, k) => runs[k].push(once(schema)));
        }
        return runs;
      },
      { schemas, repeat: REPEAT }
    );
  } finally {
    await browser.close();
    lab.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (JUPYTER) {
  const runs = await inBrowser(JUPYTER);
  console.log(
    `\nIn Chromium, JupyterLab's DefaultSchemaValidator, first validateData (wall ms, median of ${REPEAT}):`
  );
  variants.forEach(([label], k) => {
    console.log(`  ${median(runs[k]).toFixed(1).padStart(7)} ms  ${label}`);
  });
}
