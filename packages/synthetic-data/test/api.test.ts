import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CALIBRATION_TARGETS', 'DEFAULT_HISTORY_MONTHS', 'InvalidOptionError', 'InvalidSubjectFileError', 'MAX_HISTORY_MONTHS', 'MAX_INDEX',
      'SUBJECTS_FILE_KIND', 'SUBJECTS_FILE_VERSION', 'SyntheticDataError', 'debtShareTargets', 'decodeSubjects', 'encodeSubjects',
      'formatDollars', 'formatLongDate', 'generate', 'generateSubject', 'isSyntheticDataError', 'iterateSubjects', 'loadSubjects',
      'parseLongDate', 'saveSubjects',
    ]);
  });
});
