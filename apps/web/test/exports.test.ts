import { expect, test } from 'vitest';
import * as web from '../src/index.js';

test('the public API is exactly this list', () => {
  expect(Object.keys(web).sort()).toEqual([
    'CONTENT_TYPES', 'CapabilityUnavailableError', 'DEFAULT_CONFIG', 'InvalidInputError', 'MEDIA_TYPES',
    'NotAcceptableError', 'NotFoundError', 'REPRESENTATIONS', 'UnprocessableError', 'WebError', 'buildServer', 'capability',
    'defaultEngines', 'isWebError', 'negotiate', 'toErrorResponse',
  ]);
});
