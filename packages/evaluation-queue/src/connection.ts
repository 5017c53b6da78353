import { Redis, type RedisOptions } from 'ioredis';
import type { QueueConnection } from './queue-url.js';

/**
 * ioredis options for one role. BullMQ workers block on Redis and require `maxRetriesPerRequest: null`; we use the
 * same setting everywhere so a short Redis restart stalls the run instead of failing it. BullMQ is given options, not
 * a client, so that it owns (and closes) the connections it creates.
 */
export function redisOptions(connection: QueueConnection): RedisOptions {
  return {
    host: connection.host,
    port: connection.port,
    db: connection.db,
    ...(connection.username === undefined ? {} : { username: connection.username }),
    ...(connection.password === undefined ? {} : { password: connection.password }),
    ...(connection.tls ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** A client for our own bookkeeping commands (the caller quits it). */
export function createRedis(connection: QueueConnection): Redis {
  return new Redis(redisOptions(connection));
}
