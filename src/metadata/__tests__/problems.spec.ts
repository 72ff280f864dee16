/**
 * Problem reasons as an administrator reads them, in any language: each is
 * one whole sentence of the catalogue, with only values substituted in.
 */
import { RequestFailure } from '../../hub/request';
import {
  describeProblem,
  describeReason,
  IProblem,
  ProblemCode
} from '../problems';
import { englishTrans } from '../trans';
import { marking, WHOLE } from './marking';

// Every code, checked by the compiler: a new code must be added here.
const CODES: { [code in ProblemCode]: string[] } = {
  type: ['array'],
  required: ['id'],
  'unknown-field': ['colour'],
  enum: ['email, url, chat'],
  pattern: [],
  empty: [],
  minimum: ['30'],
  maximum: ['86400'],
  localized: [],
  keywords: [],
  announcement: [],
  'unsafe-link': [],
  'bad-date': [],
  'bad-email': [],
  'repeated-item': [],
  invalid: ['maxItems'],
  emptied: [],
  'too-many-problems': [],
  'unknown-role': ['ghost'],
  'duplicate-id': ['restart-server'],
  'missing-command': ['hub:restart'],
  'no-representative': [],
  'too-many-representatives': ['3'],
  'not-json': ['Unexpected end of JSON input'],
  'unreadable-settings': ['$ must be object'],
  'fetch-failed': ['404', 'http'],
  'hub-unreachable': ['404', 'http'],
  'too-large': ['2000000', '1000000'],
  'too-deep': ['32'],
  'not-allowed': ['commands'],
  'settings-only': [],
  'not-community': ['people, announcements'],
  'service-access': ['hub-help'],
  'newer-format': ['2', '1']
};

const problem = (code: ProblemCode, params: string[]): IProblem => ({
  source: 'settings',
  path: '$.tasks[0]',
  code,
  params,
  severity: 'error'
});

const FAILURES: (RequestFailure | 'not-http')[] = [
  'http',
  'not-json',
  'content-type',
  'too-large',
  'timeout',
  'redirect',
  'redirect-path',
  'redirect-site',
  'no-answer',
  'not-http'
];

describe('problem reasons', () => {
  it.each(Object.entries(CODES))('%s is one whole sentence', (code, params) => {
    expect(
      describeReason(problem(code as ProblemCode, params), marking)
    ).toMatch(WHOLE);
  });

  it.each([
    ['string', 'must be text'],
    ['object', 'must be an object'],
    ['array', 'must be a list'],
    ['boolean', 'must be true or false'],
    ['integer', 'must be a whole number'],
    ['number', 'must be a number']
  ])('says what a %s must be in its own sentence', (type, sentence) => {
    expect(describeReason(problem('type', [type]), englishTrans)).toBe(
      sentence
    );
    expect(describeReason(problem('type', [type]), marking)).toMatch(WHOLE);
  });

  it.each(FAILURES)(
    'gives a failed request (%s) its own sentence, for the metadata URL and the hub',
    failure => {
      for (const code of ['fetch-failed', 'hub-unreachable'] as const) {
        const reason = describeReason(problem(code, ['x', failure]), marking);
        expect(reason).toMatch(WHOLE);
      }
    }
  );

  it('substitutes the values and no English words', () => {
    expect(
      describeReason(problem('fetch-failed', ['text/html', 'content-type']))
    ).toBe('could not be fetched: answered text/html, not JSON');
    expect(describeReason(problem('hub-unreachable', ['0.2', 'timeout']))).toBe(
      'did not answer: timed out after 0.2 s'
    );
    // Another failure, not one of ours: its own words, as the detail.
    expect(describeReason(problem('fetch-failed', ['Failed to fetch']))).toBe(
      'could not be fetched: Failed to fetch'
    );
  });

  it('places source, path and reason in one line', () => {
    expect(describeProblem(problem('type', ['array']), marking)).toBe(
      '⟦⟦hub help settings⟧, $.tasks[0]: ⟦must be a list⟧⟧'
    );
  });
});
