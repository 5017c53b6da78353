/**
 * The recommendation engine the pipeline evaluates: @omega/recommendations' `recommend` by default. The
 * interface lets a caller evaluate another engine (or a fixed list, as the tests do) with the same code.
 */
import { recommend } from '@omega/recommendations';
import type { Person } from '@omega/synthetic-data';
import type { RecommendationView } from './recommendation-view.js';

export interface RecommenderContext {
  months: number;
  seed: number;
  asOf: string;
  /** Mesh paths the engine may use for its own scoring. */
  paths: number;
}

export interface Recommender {
  /** Recorded in every output, so a report always says what it evaluated. */
  name: string;
  recommend(person: Person, ctx: RecommenderContext): readonly RecommendationView[];
}

export const OMEGA_RECOMMENDER: Recommender = {
  name: '@omega/recommendations',
  recommend: (person, ctx) => recommend(person, { months: ctx.months, seed: ctx.seed, asOf: ctx.asOf, paths: ctx.paths }).recommendations,
};
