/** Bank statements: the entry type and a CSV reader whose every error names the line and column. */
import { format as formatDate, isValid, parse as parseDate } from 'date-fns';
import { toIsoDate, type IsoDate } from '../dates.js';
import { StatementParseError, isAccountingError } from '../errors.js';
import { dollarsToCents, type Cents } from '../money.js';
import { parseCsvRecords } from './csv.js';

/** One line of a bank statement. Amount sign: positive = the account's balance grows (a deposit, for a bank account). */
export interface StatementEntry {
  date: IsoDate;
  amount: Cents;
  description: string;
  /** Where it came from (1-based CSV line), for reports. */
  line?: number;
}

export interface StatementCsvOptions {
  delimiter?: string;
  /** date-fns pattern for the date column, e.g. 'MM/dd/yyyy' (default: ISO `yyyy-MM-dd`). */
  dateFormat?: string;
  /** Header names to use instead of the detected ones (case-insensitive). */
  columns?: { date?: string; amount?: string; description?: string; debit?: string; credit?: string };
}

const CANDIDATES = {
  date: ['date', 'posted', 'posting date', 'transaction date', 'posted date'],
  amount: ['amount', 'value'],
  description: ['description', 'memo', 'payee', 'details', 'name', 'narrative'],
  debit: ['debit', 'withdrawal', 'withdrawals', 'money out'],
  credit: ['credit', 'deposit', 'deposits', 'money in'],
} as const;

type Column = keyof typeof CANDIDATES;

function findColumn(header: string[], column: Column, wanted: string | undefined): number {
  const names = header.map((h) => h.trim().toLowerCase());
  if (wanted !== undefined) {
    const at = names.indexOf(wanted.trim().toLowerCase());
    if (at < 0) throw new StatementParseError(`column "${wanted}" not found in the header`, { line: 1, field: column, expected: `one of ${JSON.stringify(header)}` });
    return at;
  }
  return names.findIndex((n) => (CANDIDATES[column] as readonly string[]).includes(n));
}

/** Money as banks print it: optional currency sign, thousands commas, parentheses or a leading minus for negatives. */
function parseBankAmount(raw: string, line: number, column: string): Cents {
  let text = raw.trim().replace(/^\$|^USD\s*/i, '').replace(/,/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) { negative = true; text = text.slice(1, -1); }
  text = text.replace(/^([+-]?)\$/, '$1');
  try {
    const cents = dollarsToCents(text, column);
    return negative ? -cents : cents;
  } catch (e) {
    if (!isAccountingError(e)) throw e;
    throw new StatementParseError('not an amount', { line, field: column, expected: 'e.g. -12.34, (12.34) or $1,234.56', received: JSON.stringify(raw), cause: e });
  }
}

function parseEntryDate(raw: string, line: number, column: string, pattern: string | undefined): IsoDate {
  const text = raw.trim();
  if (pattern === undefined) {
    try {
      return toIsoDate(text, column);
    } catch (e) {
      if (!isAccountingError(e)) throw e;
      throw new StatementParseError('not a date', { line, field: column, expected: 'YYYY-MM-DD (or pass dateFormat)', received: JSON.stringify(raw), cause: e });
    }
  }
  // Parsed in local time and formatted in local time, so no time-zone shift can move the day.
  const d = parseDate(text, pattern, new Date(2000, 0, 1));
  if (!isValid(d)) throw new StatementParseError('not a date', { line, field: column, expected: `a date like ${JSON.stringify(pattern)}`, received: JSON.stringify(raw) });
  return formatDate(d, 'yyyy-MM-dd');
}

/**
 * Read a statement CSV with a header row. Columns are found by name (date; amount, or debit + credit; description)
 * unless given in `options.columns`. Debit/credit columns give amount = credit − debit.
 */
export function parseStatementCsv(text: string, options: StatementCsvOptions = {}): StatementEntry[] {
  if (typeof text !== 'string') throw new StatementParseError('statement must be text', { received: typeof text });
  const records = parseCsvRecords(text, options.delimiter ?? ',');
  const header = records[0];
  if (header === undefined) throw new StatementParseError('statement is empty', { line: 1, expected: 'a header row' });
  const cols = options.columns ?? {};
  const dateAt = findColumn(header.fields, 'date', cols.date);
  const amountAt = findColumn(header.fields, 'amount', cols.amount);
  const descriptionAt = findColumn(header.fields, 'description', cols.description);
  const debitAt = findColumn(header.fields, 'debit', cols.debit);
  const creditAt = findColumn(header.fields, 'credit', cols.credit);
  if (dateAt < 0) throw new StatementParseError('no date column in the header', { line: header.line, expected: `one of ${CANDIDATES.date.join(', ')}`, received: JSON.stringify(header.fields) });
  if (amountAt < 0 && (debitAt < 0 || creditAt < 0)) {
    throw new StatementParseError('no amount column in the header', { line: header.line, expected: 'an amount column, or both debit and credit columns', received: JSON.stringify(header.fields) });
  }
  const name = (at: number): string => header.fields[at]!.trim();
  const entries: StatementEntry[] = [];
  for (let r = 1; r < records.length; r++) {
    const { line, fields } = records[r]!;
    if (fields.length !== header.fields.length) {
      throw new StatementParseError('wrong number of fields', { line, expected: `${header.fields.length} (as in the header)`, received: String(fields.length) });
    }
    const date = parseEntryDate(fields[dateAt]!, line, name(dateAt), options.dateFormat);
    let amount: Cents;
    if (amountAt >= 0) {
      amount = parseBankAmount(fields[amountAt]!, line, name(amountAt));
    } else {
      const debit = fields[debitAt]!.trim() === '' ? 0n : parseBankAmount(fields[debitAt]!, line, name(debitAt));
      const credit = fields[creditAt]!.trim() === '' ? 0n : parseBankAmount(fields[creditAt]!, line, name(creditAt));
      amount = credit - (debit < 0n ? -debit : debit);
    }
    entries.push({ date, amount, description: descriptionAt >= 0 ? fields[descriptionAt]!.trim() : '', line });
  }
  return entries;
}
