/** Person (@omega/synthetic-data) → an opened @omega/accounting ledger, and a ledger → the mesh's PaymentCapacity. */
import {
  DEFAULT_ACCOUNT_IDS, createLedger, defaultChartOfAccounts, paymentCapacity, type AccountConstraints, type Cents, type Ledger,
} from '@omega/accounting';
import type { Debt, DebtKind, Person } from '@omega/synthetic-data';
import { InvalidArgumentError } from '../errors.js';
import type { PaymentCapacity } from '../planning/planning-types.js';
import { toUtcDay } from './utc-day.js';

const KIND_ACCOUNT: Record<DebtKind, string> = {
  'credit-card': DEFAULT_ACCOUNT_IDS.creditCards,
  'student-loan': DEFAULT_ACCOUNT_IDS.studentLoans,
  mortgage: DEFAULT_ACCOUNT_IDS.mortgage,
  'auto-loan': DEFAULT_ACCOUNT_IDS.autoLoans,
};

/** The ledger account of one debt: `<kind account>:<debt id>`, e.g. `liabilities:credit-cards:d2`. */
export function debtAccountId(debt: Pick<Debt, 'id' | 'kind'>): string {
  const parent = KIND_ACCOUNT[debt.kind];
  if (parent === undefined) throw new InvalidArgumentError('debt.kind', Object.keys(KIND_ACCOUNT).join(' | '), debt.kind);
  return `${parent}:${debt.id}`;
}

export interface PersonLedgerOptions {
  /** Date of the opening balances (`YYYY-MM-DD` or a Date, its UTC day). */
  asOf: string | Date;
  /** Minimum checking balance (cents, integer ≥ 0); becomes checking's `minimumBalance` constraint. */
  liquidityFloorCents?: number;
  /** Extra constraints by account id (merged over the floor). */
  constraints?: Readonly<Record<string, AccountConstraints>>;
}

function cents(value: number, field: string): Cents {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidArgumentError(field, 'integer cents ≥ 0', value);
  return BigInt(value);
}

/**
 * The default chart of accounts plus one liability account per debt (`debtAccountId`), opened on `asOf` with the
 * person's balances: checking, savings, stocks (= taxable investments), retirement, real estate, and each debt.
 * Net worth (equity) takes the difference, so it equals `person.netWorthCents`.
 */
export function ledgerFromPerson(person: Person, options: PersonLedgerOptions): Ledger {
  if (person === null || typeof person !== 'object') throw new InvalidArgumentError('person', 'a Person record', person);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('options', 'an object { asOf }', options);
  const date = toUtcDay(options.asOf, 'options.asOf').toISOString().slice(0, 10);
  const a = person.assets;
  const balances: Record<string, Cents> = {
    [DEFAULT_ACCOUNT_IDS.checking]: cents(a.checkingCents, 'person.assets.checkingCents'),
    [DEFAULT_ACCOUNT_IDS.savings]: cents(a.savingsCents, 'person.assets.savingsCents'),
    [DEFAULT_ACCOUNT_IDS.stocks]: cents(a.investmentsCents, 'person.assets.investmentsCents'),
    [DEFAULT_ACCOUNT_IDS.retirement]: cents(a.retirementCents, 'person.assets.retirementCents'),
    [DEFAULT_ACCOUNT_IDS.realEstate]: cents(a.realEstateCents, 'person.assets.realEstateCents'),
  };
  const accounts = defaultChartOfAccounts();
  person.debts.forEach((d, i) => {
    const id = debtAccountId(d);
    if (balances[id] !== undefined) throw new InvalidArgumentError(`person.debts[${i}].id`, 'a unique debt id', d.id);
    accounts.push({ id, name: `${d.kind} ${d.id}`, type: 'liability' });
    balances[id] = cents(d.balanceCents, `person.debts[${i}].balanceCents`);
  });
  const constraints: Record<string, AccountConstraints> = {};
  if (options.liquidityFloorCents !== undefined) {
    constraints[DEFAULT_ACCOUNT_IDS.checking] = { minimumBalance: cents(options.liquidityFloorCents, 'options.liquidityFloorCents') };
  }
  for (const [id, c] of Object.entries(options.constraints ?? {})) constraints[id] = { ...constraints[id], ...c };
  return createLedger({ accounts, constraints, opening: { date, balances } });
}

/**
 * A mesh `PaymentCapacity` backed by a ledger: a payment is possible when the accounts together can pay it under
 * their constraints (`paymentCapacity` of @omega/accounting, summed). `unit` must match the mesh's money unit.
 */
export function paymentCapacityFromLedger(
  ledger: Ledger,
  options: { accounts?: readonly string[]; unit?: 'dollars' | 'cents' } = {},
): PaymentCapacity {
  const accounts = options.accounts ?? [DEFAULT_ACCOUNT_IDS.checking, DEFAULT_ACCOUNT_IDS.savings];
  const perUnit = (options.unit ?? 'dollars') === 'dollars' ? 100 : 1;
  accounts.forEach((id, i) => ledger.account(id, `options.accounts[${i}]`));
  return {
    canPay({ amount, date }) {
      let available = 0n;
      let unlimited = false;
      for (const id of accounts) {
        const cap = paymentCapacity(ledger, id, date);
        if (cap.amount === null) unlimited = true;
        else available += cap.amount;
      }
      if (unlimited) return { ok: true };
      const availableUnits = Number(available) / perUnit;
      const ok = amount <= availableUnits + 1e-9;
      return ok ? { ok, available: availableUnits } : { ok, available: availableUnits, reason: `accounts ${accounts.join(', ')} can pay at most ${availableUnits} on ${date.toISOString().slice(0, 10)}` };
    },
  };
}
