import { InvalidQueueUrlError } from './errors.js';

/** Connection settings parsed from `redis://[user:password@]host:port[/db]`. */
export interface QueueConnection {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
}

/** Parse a `redis://` or `rediss://` (TLS) URL; the port defaults to 6379 and the database to 0. */
export function parseQueueUrl(url: string, field = 'queue'): QueueConnection {
  if (typeof url !== 'string' || url.length === 0) {
    throw new InvalidQueueUrlError(`${field}: expected a URL like redis://127.0.0.1:6379, received ${JSON.stringify(url)}`, {
      field, expected: 'redis://HOST:PORT', received: url,
    });
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new InvalidQueueUrlError(`${field}: ${JSON.stringify(url)} is not a URL; expected redis://HOST:PORT`, {
      field, expected: 'redis://HOST:PORT', received: url, cause,
    });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new InvalidQueueUrlError(`${field}: expected scheme redis:// or rediss://, received ${parsed.protocol}//`, {
      field, expected: 'redis: or rediss:', received: parsed.protocol,
    });
  }
  if (parsed.hostname === '') {
    throw new InvalidQueueUrlError(`${field}: ${JSON.stringify(url)} has no host`, { field, expected: 'a host', received: url });
  }
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const dbText = parsed.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) {
    throw new InvalidQueueUrlError(`${field}: database ${JSON.stringify(dbText)} in ${JSON.stringify(url)} is not a non-negative integer`, {
      field, expected: 'a database number such as /0', received: dbText,
    });
  }
  const connection: QueueConnection = {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    db,
    tls: parsed.protocol === 'rediss:',
  };
  if (parsed.username !== '') connection.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') connection.password = decodeURIComponent(parsed.password);
  return connection;
}
