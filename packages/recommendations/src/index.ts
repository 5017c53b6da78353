/** @omega/recommendations — mesh-driven monthly recommendations, feasible under accounting. Public API (explicit list). */
export { recommend } from './recommend.js';
export { savePlan, loadPlan, encodePlan, decodePlan } from './plan-files.js';
export type { PlanFormat } from './plan-files.js';
export { INVESTMENT_CATEGORIES, RISK_BANDS, MARKET, HIGH_RATE_APR, ASSUMED_EXISTING_CATEGORY } from './catalog.js';
export type { InvestmentCategory, RiskBand } from './catalog.js';
export { RecommendationError, InvalidOptionError, InvalidPersonError, InvalidPlanFileError, isRecommendationError } from './errors.js';
export type { RecommendationErrorCode, RecommendationErrorContext } from './errors.js';
export type {
  ActionEffect, ActionKind, ComponentScore, DropReason, DroppedCandidate, MilestoneOutlook, PositionAnalysis, Recommendation,
  RecommendationPlan, RecommendOptions, RiskLevel, ScenarioMatrix, ScenarioRow, Transfer,
} from './types.js';
