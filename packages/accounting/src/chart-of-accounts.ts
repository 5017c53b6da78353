/** Account types, their normal sides, and the default chart of accounts (the original system's set). */
import { InvalidArgumentError } from './errors.js';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export const ACCOUNT_TYPES: readonly AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];

export interface Account {
  /** Stable id, by convention `<type plural>:<name>`, e.g. `assets:checking`. */
  readonly id: string;
  readonly name: string;
  readonly type: AccountType;
}

/**
 * The side on which an account type grows (textbook): assets and expenses are debit-normal; liabilities,
 * equity and income are credit-normal. Postings are signed debit-positive: +amount debits, −amount credits.
 */
export function normalSide(type: AccountType): 'debit' | 'credit' {
  return type === 'asset' || type === 'expense' ? 'debit' : 'credit';
}

/** Ids of the default chart, for callers that post to it (e.g. `DEFAULT_ACCOUNT_IDS.checking`). */
export const DEFAULT_ACCOUNT_IDS = {
  checking: 'assets:checking',
  savings: 'assets:savings',
  stocks: 'assets:stocks',
  bonds: 'assets:bonds',
  retirement: 'assets:retirement',
  realEstate: 'assets:real-estate',
  mortgage: 'liabilities:mortgage',
  studentLoans: 'liabilities:student-loans',
  creditCards: 'liabilities:credit-cards',
  autoLoans: 'liabilities:auto-loans',
  netWorth: 'equity:net-worth',
  salary: 'income:salary',
  investmentIncome: 'income:investment',
  otherIncome: 'income:other',
  milestonePayments: 'expenses:milestone-payments',
  livingExpenses: 'expenses:living',
  investmentExpenses: 'expenses:investment',
} as const;

const DEFAULT_NAMES: Record<keyof typeof DEFAULT_ACCOUNT_IDS, [string, AccountType]> = {
  checking: ['Checking', 'asset'],
  savings: ['Savings', 'asset'],
  stocks: ['Stocks', 'asset'],
  bonds: ['Bonds', 'asset'],
  retirement: ['Retirement', 'asset'],
  realEstate: ['Real estate', 'asset'],
  mortgage: ['Mortgage', 'liability'],
  studentLoans: ['Student loans', 'liability'],
  creditCards: ['Credit cards', 'liability'],
  autoLoans: ['Auto loans', 'liability'],
  netWorth: ['Net worth', 'equity'],
  salary: ['Salary', 'income'],
  investmentIncome: ['Investment income', 'income'],
  otherIncome: ['Other income', 'income'],
  milestonePayments: ['Milestone payments', 'expense'],
  livingExpenses: ['Living expenses', 'expense'],
  investmentExpenses: ['Investment expenses', 'expense'],
};

/** A fresh copy of the default chart of accounts (17 accounts over the five types). */
export function defaultChartOfAccounts(): Account[] {
  return (Object.keys(DEFAULT_ACCOUNT_IDS) as (keyof typeof DEFAULT_ACCOUNT_IDS)[]).map((key) => {
    const [name, type] = DEFAULT_NAMES[key];
    return { id: DEFAULT_ACCOUNT_IDS[key], name, type };
  });
}

/** Validate an account definition (structural input) into an Account. */
export function toAccount(input: { id: unknown; name?: unknown; type: unknown }, field = 'account'): Account {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError('account must be an object', { field, received: String(input) });
  if (typeof input.id !== 'string' || input.id.trim() === '') throw new InvalidArgumentError('account id must be a non-empty string', { field: `${field}.id`, received: JSON.stringify(input.id) });
  if (!ACCOUNT_TYPES.includes(input.type as AccountType)) {
    throw new InvalidArgumentError('unknown account type', { field: `${field}.type`, expected: ACCOUNT_TYPES.join(' | '), received: JSON.stringify(input.type) });
  }
  const name = input.name === undefined ? input.id : input.name;
  if (typeof name !== 'string') throw new InvalidArgumentError('account name must be a string', { field: `${field}.name`, received: typeof name });
  return { id: input.id, name, type: input.type as AccountType };
}
