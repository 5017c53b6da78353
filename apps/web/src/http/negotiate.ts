/** Content negotiation: Accept header (RFC 9110 media ranges with q) or an explicit `?format=` override. */
import { InvalidInputError, NotAcceptableError } from '../errors.js';
import { MEDIA_TYPES, REPRESENTATIONS, isRepresentation, type Representation } from './media-types.js';

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  header.split(',').forEach((raw, order) => {
    const [mime, ...params] = raw.trim().split(';');
    const [type, subtype] = (mime ?? '').trim().toLowerCase().split('/');
    if (!type || !subtype) return; // ignore garbage ranges rather than fail the request
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k?.trim() === 'q') {
        const n = Number(v);
        q = Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
      }
    }
    ranges.push({ type, subtype, q, order });
  });
  return ranges;
}

function specificity(r: MediaRange): number {
  return r.type === '*' ? 0 : r.subtype === '*' ? 1 : 2;
}

/** The q a media type gets from the most specific range that matches it. */
function qualityOf(mediaType: string, ranges: MediaRange[]): number {
  const [type, subtype] = mediaType.split('/');
  let best: MediaRange | undefined;
  for (const r of ranges) {
    const matches = (r.type === '*' || r.type === type) && (r.subtype === '*' || r.subtype === subtype);
    if (matches && (!best || specificity(r) > specificity(best))) best = r;
  }
  return best?.q ?? 0;
}

/**
 * Pick the representation for a response. `allowed` lists what this route's value can be (in preference order,
 * JSON first). `format` (from `?format=`) wins over Accept. No Accept or `*\/*` → the first allowed.
 */
export function negotiate(accept: string | undefined, format: string | undefined, allowed: readonly Representation[] = REPRESENTATIONS): Representation {
  if (format !== undefined) {
    if (!isRepresentation(format)) throw new InvalidInputError('query.format', `one of ${REPRESENTATIONS.join(', ')}`, JSON.stringify(format));
    if (!allowed.includes(format)) throw new NotAcceptableError(`this resource cannot be sent as ${format}`, allowed.join(', '));
    return format;
  }
  if (accept === undefined || accept.trim() === '') return allowed[0]!;
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return allowed[0]!;
  let chosen: Representation | undefined;
  let chosenQ = 0;
  for (const rep of allowed) {
    const q = qualityOf(MEDIA_TYPES[rep], ranges);
    if (q > chosenQ) {
      chosen = rep;
      chosenQ = q;
    }
  }
  if (chosen === undefined) {
    throw new NotAcceptableError(`none of the accepted media types (${accept}) is available here`, allowed.map((r) => MEDIA_TYPES[r]).join(', '));
  }
  return chosen;
}
