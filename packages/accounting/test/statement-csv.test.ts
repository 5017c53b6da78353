import { describe, expect, it } from 'vitest';
import { StatementParseError, parseStatementCsv } from '../src/index.js';

function parseError(text: string, options = {}): StatementParseError {
  try {
    parseStatementCsv(text, options);
  } catch (e) {
    if (e instanceof StatementParseError) return e;
    throw e;
  }
  throw new Error('expected a StatementParseError');
}

describe('parseStatementCsv', () => {
  it('reads dated amounts with descriptions, quoting and bank money formats', () => {
    const text = '\uFEFFDate,Description,Amount\r\n2024-01-02,"ACME, Inc ""payroll""",\"$1,234.56\"\r\n\r\n2024-01-03,"multi\nline",(12.30)\n2024-01-04,Fee,-0.125\n';
    expect(parseStatementCsv(text)).toEqual([
      { date: '2024-01-02', amount: 123_456n, description: 'ACME, Inc "payroll"', line: 2 },
      { date: '2024-01-03', amount: -1_230n, description: 'multi\nline', line: 4 },
      { date: '2024-01-04', amount: -12n, description: 'Fee', line: 6 },
    ]);
  });
  it('reads debit/credit columns, other delimiters and date formats', () => {
    const text = 'Posted;Payee;Withdrawal;Deposit\n01/31/2024;Salary;;3000.00\n02/01/2024;Rent;700.00;\n';
    expect(parseStatementCsv(text, { delimiter: ';', dateFormat: 'MM/dd/yyyy' }).map((e) => [e.date, e.amount])).toEqual([['2024-01-31', 300_000n], ['2024-02-01', -70_000n]]);
  });
  it('uses explicit column names', () => {
    const text = 'when,what,how much\n2024-05-05,Coffee,-3.50\n';
    expect(parseStatementCsv(text, { columns: { date: 'when', description: 'what', amount: 'how much' } })[0]).toMatchObject({ amount: -350n, description: 'Coffee' });
    expect(parseError(text, { columns: { date: 'day' } }).message).toMatch(/column "day" not found/);
  });
  it('names the line and column of every error', () => {
    const bad = parseError('date,description,amount\n2024-01-01,ok,1.00\n2024-01-02,bad,12..0\n');
    expect(bad).toMatchObject({ line: 3, field: 'amount', code: 'STATEMENT_PARSE' });
    expect(bad.message).toContain('"12..0"');
    expect(parseError('date,description,amount\n2024-02-30,x,1\n')).toMatchObject({ line: 2, field: 'date' });
    expect(parseError('date,description,amount\n01/02/2024,x,1\n', { dateFormat: 'yyyy-MM-dd' })).toMatchObject({ line: 2 });
    expect(parseError('date,description,amount\n2024-01-01,x\n')).toMatchObject({ line: 2, expected: '3 (as in the header)' });
    expect(parseError('date,description,amount\n2024-01-01,"open,1\n2024-01-02,y,2\n')).toMatchObject({ line: 2 });
    expect(parseError('date,description,amount\n2024-01-01,"a"b,1\n').message).toMatch(/after a closing quote.*line 2/);
    expect(parseError('description,amount\nx,1\n')).toMatchObject({ line: 1 });
    expect(parseError('date,description\n2024-01-01,x\n').message).toMatch(/no amount column/);
    expect(parseError('')).toMatchObject({ line: 1 });
  });
});
