/**
 * The redaction cases the hub help service checks too
 * (tests/python/fixtures/redaction.json): the panel and the service must
 * redact a report the same way, case by case.
 */
import * as fs from 'fs';
import * as path from 'path';

import { redactSecrets } from '../redact';

interface ICase {
  description: string;
  text: string;
  secrets: string[];
  redacted: string;
}

const { cases } = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../tests/python/fixtures/redaction.json'),
    'utf-8'
  )
) as { cases: ICase[] };

describe('redactSecrets, on the cases shared with the service', () => {
  it.each(cases.map(c => [c.description, c] as const))('%s', (_, c) => {
    expect(redactSecrets(c.text, c.secrets)).toBe(c.redacted);
  });
});
