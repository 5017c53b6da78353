import { describe, expect, it } from 'vitest';
import { InvalidQueueUrlError, isEvaluationQueueError, parseQueueUrl } from '../src/index.js';

describe('parseQueueUrl', () => {
  it('reads host, port, database and credentials', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6380')).toEqual({ host: '127.0.0.1', port: 6380, db: 0, tls: false });
    expect(parseQueueUrl('redis://redis.internal')).toEqual({ host: 'redis.internal', port: 6379, db: 0, tls: false });
    expect(parseQueueUrl('rediss://user:p%40ss@[::1]:7000/2')).toEqual({
      host: '::1', port: 7000, db: 2, tls: true, username: 'user', password: 'p@ss',
    });
  });

  it.each([
    ['', /expected a URL like redis:\/\/127\.0\.0\.1:6379/],
    ['localhost:6379', /expected scheme redis:\/\/ or rediss:\/\//],
    ['http://localhost:6379', /received http:\/\//],
    ['redis://localhost:6379/x', /database "x" .* is not a non-negative integer/],
    ['not a url', /is not a URL/],
  ])('rejects %j with a typed error naming the option', (url, message) => {
    let caught: unknown;
    try {
      parseQueueUrl(url, 'options.queue');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidQueueUrlError);
    expect(isEvaluationQueueError(caught)).toBe(true);
    expect((caught as InvalidQueueUrlError).code).toBe('INVALID_QUEUE_URL');
    expect((caught as Error).message).toMatch(/^options\.queue: /);
    expect((caught as Error).message).toMatch(message);
  });
});
