/**
 * JSON text → tree. `JSON.parse` is the fast path; an exact parser takes over when the text holds what
 * JSON.parse would get wrong: Python's bare NaN / Infinity / -Infinity tokens and integers beyond 2^53
 * (read as bigint so int64 ids survive).
 */
import { CorruptDataError, LimitExceededError } from '../errors.js';

/** Python's json refuses integers of more decimal digits (int max_str_digits); BigInt parsing is superlinear. */
const MAX_INTEGER_DIGITS = 4300;

// An integer literal of 16+ digits may exceed 2^53. JSON numbers follow ':' '[' ',' or start the text, so this
// never matches inside base64 payloads; a match inside an ordinary string only costs the slower exact parse.
const MAYBE_BIG_INTEGER = /(?:^|[:[,])\s*-?\d{16,}/;
const PYTHON_TOKENS = /NaN|Infinity/;

const SIXTEEN_DIGITS = /\d{16}/;

/**
 * JSON.parse, or the exact parser when JSON.parse refuses (Python's NaN/Infinity tokens). `exact` says which ran:
 * after JSON.parse, integers beyond 2^53 may have been rounded — the typed-JSON decoder notices them and re-parses
 * exactly (cheaper than scanning every text for long digit runs first).
 */
export function parseJSONFast(text: string, maxDepth: number): { tree: unknown; exact: boolean } {
  try {
    return { tree: JSON.parse(text), exact: false };
  } catch (error) {
    if (!PYTHON_TOKENS.test(text)) {
      const m = /position (\d+)/.exec((error as Error).message);
      const offset = m ? Number(m[1]) : text.length;
      throw new CorruptDataError(`invalid JSON: ${(error as Error).message}`, { format: 'json', offset, cause: error });
    }
  }
  return { tree: parseJSONExact(text, maxDepth), exact: true };
}

export function parseJSONExact(text: string, maxDepth: number): unknown {
  return new ExactParser(text, maxDepth).parseDocument();
}

export function parseJSONText(text: string, maxDepth: number): unknown {
  // The plain 16-digit scan is cheap; the precise (slower) pattern only runs when it hits.
  if (!SIXTEEN_DIGITS.test(text) || !MAYBE_BIG_INTEGER.test(text)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      // Python's bare NaN / Infinity tokens make JSON.parse fail: the exact parser reads them.
      if (!PYTHON_TOKENS.test(text)) {
        const m = /position (\d+)/.exec((error as Error).message);
        const offset = m ? Number(m[1]) : text.length;
        throw new CorruptDataError(`invalid JSON: ${(error as Error).message}`, { format: 'json', offset, cause: error });
      }
    }
  }
  return new ExactParser(text, maxDepth).parseDocument();
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Recursive-descent JSON parser with Python's extensions; depth-limited, errors carry the offset. */
class ExactParser {
  private pos = 0;
  constructor(private readonly text: string, private readonly maxDepth: number) {}

  parseDocument(): unknown {
    const value = this.value(0);
    this.skipWs();
    if (this.pos !== this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private fail(message: string): never {
    const near = JSON.stringify(this.text.slice(this.pos, this.pos + 20));
    throw new CorruptDataError(`invalid JSON: ${message}`, { format: 'json', offset: this.pos, received: this.pos >= this.text.length ? 'end of input' : near });
  }

  private skipWs(): void {
    while (this.pos < this.text.length && WS.has(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private value(depth: number): unknown {
    if (depth > this.maxDepth) {
      throw new LimitExceededError("JSON nesting exceeds the load policy's maxDepth", { format: 'json', offset: this.pos, expected: `at most ${this.maxDepth} levels (LoadPolicy.maxDepth)` });
    }
    this.skipWs();
    const c = this.text[this.pos];
    switch (c) {
      case '{': return this.object(depth);
      case '[': return this.array(depth);
      case '"': return this.string();
      case 't': return this.literal('true', true);
      case 'f': return this.literal('false', false);
      case 'n': return this.literal('null', null);
      case 'N': return this.literal('NaN', NaN);
      case 'I': return this.literal('Infinity', Infinity);
      case undefined: return this.fail('unexpected end of input');
      default:
        if (c === '-' && this.text.startsWith('-Infinity', this.pos)) return this.literal('-Infinity', -Infinity);
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        return this.fail(`unexpected character ${JSON.stringify(c)}`);
    }
  }

  private literal(word: string, value: unknown): unknown {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected ${word}`);
    this.pos += word.length;
    return value;
  }

  private number(): number | bigint {
    const re = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m === null) this.fail('malformed number');
    this.pos += m[0].length;
    const isInteger = m[1] === undefined && m[2] === undefined;
    if (isInteger) {
      const digits = m[0].length - (m[0].startsWith('-') ? 1 : 0);
      if (digits > MAX_INTEGER_DIGITS) {
        throw new LimitExceededError('JSON integer has more digits than Python accepts', { format: 'json', offset: this.pos - m[0].length, expected: `at most ${MAX_INTEGER_DIGITS} digits`, received: `${digits}` });
      }
      const n = Number(m[0]);
      return Number.isSafeInteger(n) ? n : BigInt(m[0]);
    }
    return Number(m[0]);
  }

  private string(): string {
    // Find the closing quote; let JSON.parse handle escapes and validation of the slice.
    const start = this.pos;
    let i = start + 1;
    const t = this.text;
    for (;;) {
      const q = t.indexOf('"', i);
      if (q < 0) {
        this.pos = t.length;
        this.fail('unterminated string');
      }
      let backslashes = 0;
      for (let j = q - 1; j > start && t.charCodeAt(j) === 0x5c; j--) backslashes++;
      if (backslashes % 2 === 0) {
        this.pos = q + 1;
        try {
          return JSON.parse(t.slice(start, q + 1)) as string;
        } catch {
          this.pos = start;
          return this.fail('malformed string');
        }
      }
      i = q + 1;
    }
  }

  private array(depth: number): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skipWs();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') {
        this.pos--;
        this.fail("expected ',' or ']'");
      }
    }
  }

  private object(depth: number): Record<string, unknown> {
    this.pos++;
    const out: Record<string, unknown> = {};
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') this.fail('expected a string key');
      const key = this.string();
      this.skipWs();
      if (this.text[this.pos++] !== ':') {
        this.pos--;
        this.fail("expected ':'");
      }
      const value = this.value(depth + 1);
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWs();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') {
        this.pos--;
        this.fail("expected ',' or '}'");
      }
    }
  }
}
