/** RFC 4180 CSV records with the 1-based line each record starts on (quoted fields may span lines). */
import { StatementParseError } from '../errors.js';

export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** Split CSV text into records. Blank lines are skipped; an unterminated quote is an error naming its line. */
export function parseCsvRecords(text: string, delimiter = ','): CsvRecord[] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new StatementParseError('delimiter must be one character other than a quote or newline', { field: 'delimiter', received: JSON.stringify(delimiter) });
  }
  const records: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // One pass over the characters; a record is finished at an unquoted newline or the end of the text.
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    let blank = true;
    while (i < n && !endOfRecord) {
      const c = text.charCodeAt(i);
      if (c === 34 /* " */ && field === '') {
        blank = false;
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const q = text.charCodeAt(i);
          if (q === 34) {
            if (text.charCodeAt(i + 1) === 34) { field += '"'; i += 2; continue; }
            i++;
            closed = true;
            break;
          }
          if (q === 10) line++;
          field += text[i];
          i++;
        }
        if (!closed) throw new StatementParseError('unterminated quoted field', { line: quoteLine, expected: 'a closing double quote' });
        const next = text.charCodeAt(i);
        if (i < n && next !== d && next !== 10 && next !== 13) {
          throw new StatementParseError('unexpected character after a closing quote', { line, expected: 'a delimiter or end of line', received: JSON.stringify(text[i]) });
        }
      } else if (c === d) {
        blank = false;
        fields.push(field);
        field = '';
        i++;
      } else if (c === 10 || c === 13) {
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        blank = false;
        field += text[i];
        i++;
      }
    }
    fields.push(field);
    if (!blank) records.push({ line: start, fields });
  }
  return records;
}
