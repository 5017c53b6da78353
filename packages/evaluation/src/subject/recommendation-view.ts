/**
 * What the evaluation reads from a recommendation: the structural subset of @omega/recommendations'
 * `Recommendation` (same field names and units), so the engine's output, or any other engine's or a fixed list,
 * is evaluated by the same code.
 */

import type { ActionKind as EngineActionKind, Recommendation, Transfer } from '@omega/recommendations';

/** The catalogue: every kind of action a recommendation can be. Catalog coverage is measured against it. */
export const ACTION_KINDS = ['emergency-fund', 'debt-payment', 'invest', 'rebalance', 'raise-savings', 'reschedule-milestone', 'purchase'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Compile-time check that the catalogue is exactly the engine's set of kinds (the build fails if they drift). */
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CATALOG_MATCHES_ENGINE: SameSet<ActionKind, EngineActionKind> = true;

/** The fields the evaluation reads, picked from the engine's own types so they cannot drift. */
export type TransferView = Readonly<Transfer>;
export type RecommendationView = Pick<Recommendation, 'id' | 'month' | 'date' | 'kind' | 'target' | 'amountCents'> & {
  transfers: readonly TransferView[];
};

export function isActionKind(value: unknown): value is ActionKind {
  return typeof value === 'string' && (ACTION_KINDS as readonly string[]).includes(value);
}
