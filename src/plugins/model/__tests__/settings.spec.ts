import { ISettingRegistry, SettingRegistry } from '@jupyterlab/settingregistry';
import { IDataConnector } from '@jupyterlab/statedb';
import Ajv from 'ajv';

import schema from '../../../../schema/plugin.json';
import overrides from '../../../../demo/config/labconfig/default_setting_overrides.d/jupyterlab-hub-help.json';
import {
  assembleMetadata,
  describeProblem,
  PLUGIN_ID
} from '../../../metadata';
import { englishTrans } from '../../../metadata/trans';
import { schemaForEditor } from '../schemaForLab';
import { OperatorSettingsGuard } from '../settings';

/**
 * Serves the plugin the way jupyterlab_server does: operator overrides become
 * the schema's defaults; `raw` holds the user's own settings.
 */
function connector(
  operatorValues: { [key: string]: unknown },
  raw = '{}',
  transform = true
) {
  const plugin = (): ISettingRegistry.IPlugin => {
    const copy = JSON.parse(JSON.stringify(schema));
    copy['jupyter.lab.transform'] = transform;
    for (const [key, value] of Object.entries(operatorValues)) {
      copy.properties[key] = { ...copy.properties[key], default: value };
    }
    return {
      id: PLUGIN_ID,
      schema: copy,
      raw,
      data: { composite: {}, user: {} },
      version: 'test'
    };
  };
  return {
    fetch: async (id: string) => (id === PLUGIN_ID ? plugin() : undefined),
    list: async () => ({ ids: [PLUGIN_ID], values: [plugin()] }),
    save: async () => undefined,
    remove: async () => undefined
  } as unknown as IDataConnector<
    ISettingRegistry.IPlugin,
    string,
    string,
    string
  >;
}

/**
 * The plugin loaded through the guard, as JupyterLab loads it: the
 * operator's values become the schema's defaults, `raw` is the user's own.
 */
async function loadGuarded(
  operatorValues: { [key: string]: unknown },
  raw = '{}'
): Promise<{
  guard: OperatorSettingsGuard;
  loaded: ISettingRegistry.ISettings;
  registry: SettingRegistry;
}> {
  const registry = new SettingRegistry({
    connector: connector(operatorValues, raw)
  });
  const guard = new OperatorSettingsGuard(englishTrans);
  guard.register(registry);
  return { guard, loaded: await registry.load(PLUGIN_ID), registry };
}

const broken = {
  hub: { name: 'Broken Hub' },
  people: [
    { name: 'Ann', usernames: ['ann'], roles: ['community-representative'] },
    { name: 42, roles: ['hub-administrator'] }
  ],
  statusPage: 'javascript:alert(1)'
};

describe('OperatorSettingsGuard with JupyterLab’s real SettingRegistry', () => {
  it('without it, one invalid override makes JupyterLab refuse all the settings', async () => {
    const registry = new SettingRegistry({
      connector: connector(broken, '{}', false)
    });
    // Its compile warns about our formats (tested below); not this test's point.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const refusal = await registry
      .load(PLUGIN_ID)
      .then(
        () => 'loaded',
        errors => errors
      )
      .finally(() => warn.mockRestore());
    expect(refusal).toEqual([
      expect.objectContaining({ keyword: expect.any(String) })
    ]);
  });

  it('keeps the valid operator values, drops the invalid ones and names them', async () => {
    const { guard, loaded: settings } = await loadGuarded(broken);
    expect(settings.composite['hub']).toEqual({ name: 'Broken Hub' });
    // Lists stay out of JupyterLab's schema: the guard keeps them.
    expect(settings.composite['people']).toBeUndefined();
    expect(guard.read(settings).document.people?.map(p => p.name)).toEqual([
      'Ann'
    ]);
    expect(settings.composite['statusPage']).toBeUndefined();
    expect(guard.operator.problems.map(p => describeProblem(p)).sort()).toEqual(
      [
        'hub help settings, $.people[1].name: must be text',
        'hub help settings, $.people[1]: was left out because of the problems inside it',
        'hub help settings, $.statusPage: is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"'
      ]
    );
  });

  it('checks the operator’s values in slices to what a read at once finds', async () => {
    const { guard } = await loadGuarded(broken);
    const { guard: atOnce } = await loadGuarded(broken);
    await guard.checkOperator();
    const checked = guard.operator;
    expect(checked).toEqual(atOnce.operator);
    // Kept: reading it again checks nothing.
    await guard.checkOperator();
    expect(guard.operator).toBe(checked);
  });

  it('still loads the user’s own valid settings on top', async () => {
    const { loaded: settings } = await loadGuarded(
      broken,
      '{"statusPage": "https://status.example.org"}'
    );
    expect(settings.composite['statusPage']).toBe('https://status.example.org');
  });

  it('reads the user’s keys over the operator’s, each key whole, checking the operator’s once', async () => {
    const { guard, loaded } = await loadGuarded(
      broken,
      '{"people": [{"name": "Bo", "roles": ["hub-administrator"]}]}'
    );
    const settings = guard.read(loaded);
    expect(settings.document.hub).toEqual({ name: 'Broken Hub' });
    expect(settings.document.people?.map(p => p.name)).toEqual(['Bo']);
    // The operator's three problems, once each.
    expect(settings.problems).toEqual(guard.operator.problems);
    expect(guard.operator.problems).toHaveLength(3);
    const { metadata } = assembleMetadata({ settings });
    expect(metadata.people.map(p => p.name)).toEqual(['Bo']);
  });
});

describe('the schema JupyterLab compiles', () => {
  const formatWarnings = async (guarded: boolean) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const registry = new SettingRegistry({
        connector: connector({}, '{}', guarded)
      });
      if (guarded) {
        new OperatorSettingsGuard(englishTrans).register(registry);
      }
      // Unguarded, the schema's null defaults are refused, after the compile.
      await registry.load(PLUGIN_ID).catch(() => undefined);
      return warn.mock.calls.filter(call =>
        /^unknown format "(hub-link|contact-handle|document-url)"/.test(
          String(call[0])
        )
      ).length;
    } finally {
      warn.mockRestore();
    }
  };

  it('leaves out our own formats, which JupyterLab warns about at every compile', async () => {
    expect(await formatWarnings(false)).toBeGreaterThan(0);
    expect(await formatWarnings(true)).toBe(0);
  });

  it('leaves the checks to the guard: a user’s bad value is named, and the rest of their settings kept', async () => {
    const { guard, loaded } = await loadGuarded(
      { hub: { name: 'Hub' } },
      '{"statusPage": "https://status.example.org", "people": [{"name": "Bo", "roles": ["hub-administrator"], "contact": {"email": "not an address"}}]}'
    );
    const settings = guard.read(loaded);
    expect(settings.problems.map(p => `${p.path} ${p.code}`)).toEqual([
      '$.people[0].contact.email bad-email'
    ]);
    expect(settings.document.statusPage).toBe('https://status.example.org');
    expect(settings.document.people?.map(p => p.name)).toEqual(['Bo']);
  });

  it('is each setting with its default, while the Settings Editor gets the whole form', async () => {
    const { loaded, registry } = await loadGuarded({ hub: { name: 'Hub' } });
    const compiled = (
      registry.validator as unknown as {
        _validator: { getSchema(id: string): { schema: any } };
      }
    )._validator.getSchema(PLUGIN_ID).schema;
    expect(compiled.definitions).toBeUndefined();
    expect(compiled.properties.hub).toEqual({ default: { name: 'Hub' } });
    expect(compiled.properties.people).toEqual({});
    // What the Settings Editor reads, also after a save and a fetch.
    await loaded.set('statusPage', 'https://status.example.org');
    for (const shown of [loaded.schema, registry.plugins[PLUGIN_ID]!.schema]) {
      expect(shown.properties?.people.items).toEqual({
        $ref: '#/definitions/person'
      });
      expect(Object.keys(shown.definitions ?? {})).toContain('person');
      expect(shown.properties?.hub.default).toEqual({ name: 'Hub' });
    }
  });

  it('has the Settings Editor’s form compile each text field as one shared function, accepting the same values', () => {
    const compile = (s: object) =>
      new Ajv({ strict: false, logger: false, code: { source: true } }).compile(
        s
      );
    const lab = schemaForEditor(JSON.parse(JSON.stringify(schema)));
    // Ajv keeps a schema it copies into place, and the function it compiled
    // for one it does not.
    const refs = compile(lab).schemaEnv.refs;
    expect(refs['#/definitions/localizedString']).toHaveProperty('validate');
    // Without the checks the guard makes, the values the form may hold are
    // the same: plain text, or a language map of text.
    const validate = compile(lab);
    for (const name of ['Hub', { en: 'Hub', 'pt-BR': 'Hub' }]) {
      expect(validate({ hub: { name } })).toBe(true);
    }
    for (const name of [42, { en: 42 }, ['Hub']]) {
      expect(validate({ hub: { name } })).toBe(false);
    }
  });

  it('still has the guard check them, in the user’s values too', async () => {
    const { guard, loaded } = await loadGuarded(
      {},
      '{"people": [{"name": "Bo", "roles": ["hub-administrator"], "contact": {"chat": "javascript:alert(1)"}}]}'
    );
    const settings = guard.read(loaded);
    expect(settings.problems.map(p => `${p.path} ${p.code}`)).toEqual([
      '$.people[0].contact.chat unsafe-link'
    ]);
    expect(settings.document.people?.[0].contact).toEqual({});
  });
});

describe('overrides from a newer release', () => {
  it('ignore unknown keys, even "constructor", with a warning, and keep the rest', async () => {
    const { guard, loaded: settings } = await loadGuarded({
      hub: { name: 'Hub' },
      constructor: { a: 1 },
      addedLater: true
    });
    expect(settings.composite['hub']).toEqual({ name: 'Hub' });
    expect(Object.keys(settings.composite)).not.toContain('constructor');
    expect(
      guard.operator.problems
        .map(p => `${p.path} ${p.code} ${p.severity}`)
        .sort()
    ).toEqual([
      '$.addedLater unknown-field warning',
      '$.constructor unknown-field warning'
    ]);
  });
});

describe('the sample community settings', () => {
  const values = (overrides as any)[PLUGIN_ID];

  it('load through the real SettingRegistry with no problem', async () => {
    const { guard, loaded } = await loadGuarded(values);
    const settings = guard.read(loaded);
    expect(guard.operator.problems).toEqual([]);
    const { metadata, problems } = assembleMetadata({ settings });
    expect(problems).toEqual([]);
    expect(metadata.hub.name).toBe('Riverbend Climate Hub');
    expect(
      metadata.people.filter(p => p.roles.includes('community-representative'))
    ).toHaveLength(2);
  });
});
