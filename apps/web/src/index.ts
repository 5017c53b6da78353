/** @omega/web — the engines over HTTP with exact serialization, and a page. Public API (explicit list). */
export { buildServer, DEFAULT_CONFIG } from './server.js';
export type { ServerOptions } from './server.js';
export type { AppConfig } from './state/app-state.js';
export { defaultEngines, capability } from './engines/capabilities.js';
export type { Engines, RecommendFn, RecommendOptions, RunEvaluationFn, EvaluationOptions } from './engines/capabilities.js';
export { negotiate } from './http/negotiate.js';
export { MEDIA_TYPES, CONTENT_TYPES, REPRESENTATIONS } from './http/media-types.js';
export type { Representation } from './http/media-types.js';
export { toErrorResponse } from './http/error-response.js';
export type { ErrorBody, ErrorResponse } from './http/error-response.js';
export {
  WebError, InvalidInputError, NotFoundError, NotAcceptableError, UnprocessableError, CapabilityUnavailableError, isWebError,
} from './errors.js';
export type { WebErrorCode, WebErrorContext } from './errors.js';
