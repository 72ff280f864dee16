import * as fs from 'fs';
import * as path from 'path';

import { translateSchema } from '../schemaText';

const SCHEMA = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../../schema/plugin.json'),
    'utf8'
  )
);

/**
 * Marks each word with its context, so that a test sees which were asked.
 */
const marking = {
  _p: (context: string, msgid: string) => `[${context}] ${msgid}`
};

describe('translateSchema', () => {
  const translated = translateSchema(SCHEMA, marking);

  it("translates the schema's and its definitions' words as 'schema'", () => {
    expect(translated.title).toBe(`[schema] ${SCHEMA.title}`);
    expect(translated.description).toBe(`[schema] ${SCHEMA.description}`);
    for (const [name, definition] of Object.entries<any>(SCHEMA.definitions)) {
      if (definition.title) {
        expect(translated.definitions[name].title).toBe(
          `[schema] ${definition.title}`
        );
      }
    }
  });

  it("translates every property's words as 'settings', however deep", () => {
    for (const [name, property] of Object.entries<any>(SCHEMA.properties)) {
      if (property.title) {
        expect(translated.properties[name].title).toBe(
          `[settings] ${property.title}`
        );
      }
    }
    expect(translated['jupyter.lab.setting-icon-label']).toBe(
      `[settings] ${SCHEMA['jupyter.lab.setting-icon-label']}`
    );
  });

  it("leaves values alone: the operator's defaults, constants and enums", () => {
    const schema = {
      properties: {
        hub: {
          title: 'Hub',
          default: { title: 'Riverbend', description: 'Our hub' },
          enum: ['title'],
          properties: { title: { type: 'string', description: 'Its name' } }
        }
      }
    };
    const result = translateSchema(schema, marking);
    expect(result.properties.hub.default).toEqual(
      schema.properties.hub.default
    );
    expect(result.properties.hub.enum).toEqual(['title']);
    expect(result.properties.hub.properties.title.description).toBe(
      '[settings] Its name'
    );
    // The schema JupyterLab holds is not changed.
    expect(schema.properties.hub.title).toBe('Hub');
  });
});
