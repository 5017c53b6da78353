/**
 * The ledger as a plain document (accounts, constraints, transactions, pending payments, decisions) with money as
 * exact decimal strings ("-12.34"), and back. `ledgerFromDocument` replays the log, so every balance is rebuilt.
 */
import type { AccountConstraints } from './account-constraints.js';
import type { AccountType } from './chart-of-accounts.js';
import { AccountingError, LedgerFormatError } from './errors.js';
import { Ledger } from './ledger.js';
import { formatCents, parseCentsString } from './money.js';
import type { PaymentDecision, PaymentRule, Violation } from './payment-records.js';

export const LEDGER_DOCUMENT_FORMAT = 'omega-ledger';
export const LEDGER_DOCUMENT_VERSION = 1;

export interface ViolationDocument { rule: string; account?: string; message: string; limit?: string; attempted?: string }

export interface LedgerDocument {
  format: typeof LEDGER_DOCUMENT_FORMAT;
  version: number;
  accounts: { id: string; name: string; type: AccountType }[];
  constraints: {
    account: string; minimumBalance?: string; maxSinglePayment?: string; dailyLimit?: string; monthlyLimit?: string;
    approvalRequired?: boolean; blockedDates?: string[];
  }[];
  transactions: { id: string; date: string; description: string; kind: string; postings: { account: string; amount: string; memo?: string }[]; meta: Record<string, string> }[];
  pending: { id: string; from: string; to: string; amount: string; requestedDate: string; description: string; meta: Record<string, string> }[];
  decisions: { type: PaymentDecision['type']; paymentId: string; date: string; by: string; reason: string; overridden: ViolationDocument[]; transactionId?: string }[];
}

const MONEY_KEYS = ['minimumBalance', 'maxSinglePayment', 'dailyLimit', 'monthlyLimit'] as const;

function violationToDocument(v: Violation): ViolationDocument {
  const out: ViolationDocument = { rule: v.rule, message: v.message };
  if (v.account !== undefined) out.account = v.account;
  if (v.limit !== undefined) out.limit = formatCents(v.limit);
  if (v.attempted !== undefined) out.attempted = formatCents(v.attempted);
  return out;
}

export function ledgerToDocument(ledger: Ledger): LedgerDocument {
  const constraints: LedgerDocument['constraints'] = [];
  for (const [account, c] of ledger.allConstraints()) {
    const row: LedgerDocument['constraints'][number] = { account };
    for (const k of MONEY_KEYS) if (c[k] !== undefined) row[k] = formatCents(c[k]);
    if (c.approvalRequired !== undefined) row.approvalRequired = c.approvalRequired;
    if (c.blockedDates !== undefined) row.blockedDates = [...c.blockedDates];
    constraints.push(row);
  }
  return {
    format: LEDGER_DOCUMENT_FORMAT,
    version: LEDGER_DOCUMENT_VERSION,
    accounts: ledger.accounts().map((a) => ({ id: a.id, name: a.name, type: a.type })),
    constraints,
    transactions: ledger.log().map((t) => ({
      id: t.id, date: t.date, description: t.description, kind: t.kind,
      postings: t.postings.map((p) => (p.memo === undefined ? { account: p.account, amount: formatCents(p.amount) } : { account: p.account, amount: formatCents(p.amount), memo: p.memo })),
      meta: { ...t.meta },
    })),
    pending: ledger.pendingPayments().map((p) => ({ id: p.id, from: p.from, to: p.to, amount: formatCents(p.amount), requestedDate: p.requestedDate, description: p.description, meta: { ...p.meta } })),
    decisions: ledger.decisions().map((d) => {
      const row: LedgerDocument['decisions'][number] = { type: d.type, paymentId: d.paymentId, date: d.date, by: d.by, reason: d.reason, overridden: d.overridden.map(violationToDocument) };
      if (d.transactionId !== undefined) row.transactionId = d.transactionId;
      return row;
    }),
  };
}

function fail(detail: string, field: string, expected: string, received: unknown): never {
  throw new LedgerFormatError(detail, { field, expected, received: typeof received === 'string' ? JSON.stringify(received) : Array.isArray(received) ? 'array' : received === null ? 'null' : typeof received });
}

function arrayAt(doc: Record<string, unknown>, key: string): unknown[] {
  const v = doc[key];
  if (!Array.isArray(v)) fail('missing list', `$.${key}`, 'an array', v);
  return v;
}

function objectAt(v: unknown, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('not an object', field, 'an object', v);
  return v as Record<string, unknown>;
}

function stringAt(o: Record<string, unknown>, key: string, field: string): string {
  const v = o[key];
  if (typeof v !== 'string') fail('not a string', `${field}.${key}`, 'a string', v);
  return v;
}

function stringRecord(v: unknown, field: string): Record<string, string> {
  const o = objectAt(v ?? {}, field);
  for (const [k, x] of Object.entries(o)) if (typeof x !== 'string') fail('meta values must be strings', `${field}.${k}`, 'a string', x);
  return o as Record<string, string>;
}

/** Money strings and everything else are re-checked; errors name the `$.path` inside the document. */
export function ledgerFromDocument(input: unknown): Ledger {
  const doc = objectAt(input, '$');
  if (doc.format !== LEDGER_DOCUMENT_FORMAT) fail('not a ledger document', '$.format', JSON.stringify(LEDGER_DOCUMENT_FORMAT), doc.format);
  if (doc.version !== LEDGER_DOCUMENT_VERSION) fail('unsupported ledger document version', '$.version', String(LEDGER_DOCUMENT_VERSION), String(doc.version));
  const ledger = new Ledger([]);
  // Errors from the ledger itself (unknown account, unbalanced postings, …) are re-thrown with the document path.
  const at = <T>(field: string, run: () => T): T => {
    try {
      return run();
    } catch (e) {
      if (e instanceof LedgerFormatError || !(e instanceof AccountingError)) throw e;
      throw new LedgerFormatError(e.detail, { field: `${field}${e.field === undefined ? '' : `.${e.field}`}`, expected: e.expected, received: e.received, cause: e });
    }
  };
  arrayAt(doc, 'accounts').forEach((a, i) => {
    const o = objectAt(a, `$.accounts[${i}]`);
    at(`$.accounts[${i}]`, () => ledger.addAccount({ id: o.id as string, name: o.name as string, type: o.type as AccountType }, 'account'));
  });
  arrayAt(doc, 'constraints').forEach((c, i) => {
    const field = `$.constraints[${i}]`;
    const o = objectAt(c, field);
    const money = {} as Record<(typeof MONEY_KEYS)[number], bigint>;
    for (const k of MONEY_KEYS) if (o[k] !== undefined) money[k] = at(`${field}.${k}`, () => parseCentsString(o[k] as string, 'value'));
    ledger.setConstraints(stringAt(o, 'account', field), at(field, (): AccountConstraints => ({ ...money, approvalRequired: o.approvalRequired as boolean | undefined, blockedDates: o.blockedDates as string[] | undefined })));
  });
  arrayAt(doc, 'transactions').forEach((t, i) => {
    const field = `$.transactions[${i}]`;
    const o = objectAt(t, field);
    const postings = (Array.isArray(o.postings) ? o.postings : fail('missing postings', `${field}.postings`, 'an array', o.postings)).map((p, j) => {
      const po = objectAt(p, `${field}.postings[${j}]`);
      const amount = at(`${field}.postings[${j}]`, () => parseCentsString(po.amount as string, 'amount'));
      return po.memo === undefined ? { account: po.account as string, amount } : { account: po.account as string, amount, memo: po.memo as string };
    });
    at(field, () => ledger.post({ id: stringAt(o, 'id', field), date: stringAt(o, 'date', field), description: stringAt(o, 'description', field), kind: stringAt(o, 'kind', field), postings, meta: stringRecord(o.meta, `${field}.meta`) }));
  });
  arrayAt(doc, 'pending').forEach((p, i) => {
    const field = `$.pending[${i}]`;
    const o = objectAt(p, field);
    const from = stringAt(o, 'from', field);
    const to = stringAt(o, 'to', field);
    at(field, () => { ledger.account(from, 'from'); ledger.account(to, 'to'); });
    ledger.addPending({ id: stringAt(o, 'id', field), from, to, amount: at(field, () => parseCentsString(o.amount as string, 'amount')),
      requestedDate: stringAt(o, 'requestedDate', field), description: stringAt(o, 'description', field), meta: stringRecord(o.meta, `${field}.meta`) });
  });
  arrayAt(doc, 'decisions').forEach((d, i) => {
    const field = `$.decisions[${i}]`;
    const o = objectAt(d, field);
    if (o.type !== 'approved' && o.type !== 'rejected' && o.type !== 'override') fail('unknown decision type', `${field}.type`, 'approved | rejected | override', o.type);
    const overridden = (Array.isArray(o.overridden) ? o.overridden : fail('missing list', `${field}.overridden`, 'an array', o.overridden)).map((v, j) => {
      const vf = `${field}.overridden[${j}]`;
      const vo = objectAt(v, vf);
      const out: { -readonly [K in keyof Violation]: Violation[K] } = { rule: stringAt(vo, 'rule', vf) as PaymentRule, message: stringAt(vo, 'message', vf) };
      if (vo.account !== undefined) out.account = stringAt(vo, 'account', vf);
      if (vo.limit !== undefined) out.limit = at(`${vf}.limit`, () => parseCentsString(vo.limit as string, 'value'));
      if (vo.attempted !== undefined) out.attempted = at(`${vf}.attempted`, () => parseCentsString(vo.attempted as string, 'value'));
      return out;
    });
    const decision: PaymentDecision = { type: o.type, paymentId: stringAt(o, 'paymentId', field), date: stringAt(o, 'date', field), by: stringAt(o, 'by', field), reason: stringAt(o, 'reason', field), overridden };
    ledger.recordDecision(o.transactionId === undefined ? decision : { ...decision, transactionId: stringAt(o, 'transactionId', field) });
  });
  return ledger;
}
