import { describe, expect, it } from 'vitest';
import { decodeSubjects, generate, generateSubject, InvalidOptionError, InvalidSubjectFileError, isSyntheticDataError } from '../src/index.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('typed errors', () => {
  it.each([
    [{ seed: -1, count: 1, start: '2025-01-01' }, 'options.seed'],
    [{ seed: 1.5, count: 1, start: '2025-01-01' }, 'options.seed'],
    [{ seed: 1, count: -1, start: '2025-01-01' }, 'options.count'],
    [{ seed: 1, count: 1, start: '2025-02-30' }, 'options.start'],
    [{ seed: 1, count: 1, start: 'today' }, 'options.start'],
    [{ seed: 1, count: 1, start: '2025-01-01', historyMonths: 37 }, 'options.historyMonths'],
    [{ seed: 1, count: 1, start: '2025-01-01', firstIndex: 2 ** 32 }, 'options.firstIndex'],
  ])('rejects %j naming %s', (options, field) => {
    const error = thrown(() => generate(options as never));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(isSyntheticDataError(error)).toBe(true);
    expect((error as InvalidOptionError).code).toBe('INVALID_OPTION');
    expect((error as InvalidOptionError).field).toBe(field);
    expect((error as Error).message).toContain(field);
    expect((error as Error).message).toContain('expected');
  });

  it('rejects a bad index and accepts a Date start by its UTC day', () => {
    expect(thrown(() => generateSubject({ seed: 1, index: -3, start: '2025-01-01' }))).toBeInstanceOf(InvalidOptionError);
    const fromDate = generateSubject({ seed: 1, index: 0, start: new Date(Date.UTC(2025, 0, 1, 23, 59)) });
    expect(fromDate).toEqual(generateSubject({ seed: 1, index: 0, start: '2025-01-01' }));
  });

  it('a file that is not a subjects file is refused with the path of the problem', async () => {
    await expect(decodeSubjects('{"kind":"other"}')).rejects.toThrow(InvalidSubjectFileError);
    await expect(decodeSubjects('{"kind":"omega.synthetic-subjects","version":1,"subjects":[{"id":3}]}')).rejects.toThrow(/\$\.subjects\[0\]/);
    await expect(decodeSubjects('{"kind":"omega.synthetic-subjects","version":2,"subjects":[]}')).rejects.toThrow(/\$\.version/);
  });
});
