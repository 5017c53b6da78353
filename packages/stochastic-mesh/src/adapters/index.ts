export { planningInputFromPerson } from './planning-input-from-person.js';
export type { PersonPlanningOptions } from './planning-input-from-person.js';
export { ledgerFromPerson, debtAccountId, paymentCapacityFromLedger } from './ledger-from-person.js';
export type { PersonLedgerOptions } from './ledger-from-person.js';
export { amortizeDebt } from './amortize-debt.js';
export type { DebtTerms, DebtSchedule } from './amortize-debt.js';
export { personMarket, PERSON_MARKET_ASSUMPTIONS } from './person-market.js';
