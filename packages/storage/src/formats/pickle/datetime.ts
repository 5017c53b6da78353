/** datetime.datetime / date / timezone from their pickled byte states. Naive datetimes are read as UTC. */
import { CorruptDataError, UnsupportedValueError } from '../../errors.js';
import { PreciseDate } from '../../values/datetime.js';
import { bytesLike, describeKind } from './numpy.js';
import type { Finalizable } from './py-values.js';

/** `datetime.timedelta(days, seconds, microseconds)`; only meaningful inside a timezone. */
export class PyTimedelta implements Finalizable {
  constructor(readonly days: number, readonly seconds: number, readonly microseconds: number, private readonly format: string) {}

  get totalMicroseconds(): number {
    return (this.days * 86400 + this.seconds) * 1e6 + this.microseconds;
  }

  finalize(): unknown {
    throw new UnsupportedValueError('a datetime.timedelta outside a timezone has no storage value', { format: this.format, received: `timedelta(${this.days}, ${this.seconds}, ${this.microseconds})` });
  }
}

/** `datetime.timezone(offset[, name])`. */
export class PyTimezone implements Finalizable {
  constructor(readonly offsetMicroseconds: number, private readonly format: string) {}

  finalize(): unknown {
    throw new UnsupportedValueError('a datetime.timezone outside a datetime has no storage value', { format: this.format });
  }
}

function ints(args: unknown[], n: number, what: string, format: string): number[] {
  if (args.length !== n || !args.every((a) => Number.isSafeInteger(a))) throw new CorruptDataError(`${what} expects ${n} ints`, { format, received: args.map(describeKind).join(', ') });
  return args as number[];
}

export function makeTimedelta(args: unknown[], format: string): PyTimedelta {
  const [d, s, us] = ints(args, 3, 'datetime.timedelta', format);
  return new PyTimedelta(d!, s!, us!, format);
}

export function makeTimezone(args: unknown[], format: string): PyTimezone {
  const offset = args[0];
  if (!(offset instanceof PyTimedelta) || args.length > 2) throw new CorruptDataError('datetime.timezone expects (timedelta[, name])', { format, received: args.map(describeKind).join(', ') });
  return new PyTimezone(offset.totalMicroseconds, format);
}

/** `datetime.datetime(state10[, tzinfo])`: year (2 bytes BE), month, day, hour (bit 7 = fold), minute, second, µs (3 bytes BE). */
export function makeDatetime(args: unknown[], format: string): Date {
  if (args.length < 1 || args.length > 2) throw new CorruptDataError('datetime.datetime expects (state[, tzinfo])', { format, received: `${args.length} arguments` });
  const b = bytesLike(args[0], 'datetime state', format);
  if (b.length !== 10) throw new CorruptDataError('datetime state must be 10 bytes', { format, received: `${b.length}` });
  const tz = args[1];
  if (tz !== undefined && tz !== null && !(tz instanceof PyTimezone)) throw new CorruptDataError('datetime tzinfo must be a datetime.timezone', { format, received: describeKind(tz) });
  const year = b[0]! * 256 + b[1]!;
  const micro = (b[7]! << 16) | (b[8]! << 8) | b[9]!;
  const fields = [b[2]!, b[3]!, b[4]! & 0x7f, b[5]!, b[6]!];
  const [month, day, hour, minute, second] = fields as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 || micro > 999_999) {
    throw new CorruptDataError('datetime state holds an out-of-range field', { format, received: `${year}-${month}-${day} ${hour}:${minute}:${second}.${micro}` });
  }
  let epochMs = utc(year, month, day, hour, minute, second, Math.floor(micro / 1000));
  let sub = micro % 1000;
  if (tz instanceof PyTimezone) {
    const offsetMicro = tz.offsetMicroseconds;
    const total = sub - (offsetMicro % 1000);
    epochMs -= Math.trunc(offsetMicro / 1000);
    epochMs += Math.floor(total / 1000);
    sub = ((total % 1000) + 1000) % 1000;
  }
  return sub === 0 ? new Date(epochMs) : new PreciseDate(epochMs, sub);
}

/** `datetime.date(state4)`: year (2 bytes BE), month, day → UTC midnight. */
export function makeDate(args: unknown[], format: string): Date {
  if (args.length !== 1) throw new CorruptDataError('datetime.date expects (state,)', { format, received: `${args.length} arguments` });
  const b = bytesLike(args[0], 'date state', format);
  if (b.length !== 4) throw new CorruptDataError('date state must be 4 bytes', { format, received: `${b.length}` });
  const month = b[2]!;
  const day = b[3]!;
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new CorruptDataError('date state holds an out-of-range field', { format, received: `month ${month}, day ${day}` });
  return new Date(utc(b[0]! * 256 + b[1]!, month, day, 0, 0, 0, 0));
}

function utc(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number): number {
  const d = new Date(Date.UTC(2000, month - 1, day, h, mi, s, ms));
  d.setUTCFullYear(year, month - 1, day); // Date.UTC maps years 0–99 to 1900–1999
  return d.getTime();
}
