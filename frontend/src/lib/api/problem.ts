/**
 * Normalises everything a request can fail with (problem+json bodies, other
 * error bodies, network failures, unexpected exceptions) into one shape the UI
 * can render in plain German via i18n keys.
 */

export type ProblemKind =
  | 'validation-error'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'too-many-requests'
  | 'payload-too-large'
  | 'idempotency-key-reused'
  | 'internal-error'
  | 'network'
  | 'unknown';

const KNOWN_KINDS: ReadonlySet<string> = new Set<ProblemKind>([
  'validation-error',
  'unauthenticated',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'precondition-failed',
  'precondition-required',
  'too-many-requests',
  'payload-too-large',
  'idempotency-key-reused',
  'internal-error',
]);

const STATUS_KINDS: Record<number, ProblemKind> = {
  400: 'validation-error',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  422: 'validation-error',
  428: 'precondition-required',
  429: 'too-many-requests',
};

export const PROBLEM_TYPE_PREFIX = 'urn:netzwerk:problem:';

export type FieldLocation = 'body' | 'query' | 'path' | 'header';

export interface FieldProblem {
  location: FieldLocation;
  /** Dotted path inside the location, e.g. `roles.0`. */
  field: string;
  message: string;
  code: string;
  /** Limits of the failed rule, e.g. `{ max_length: 200 }`, when the server sends them. */
  context: Record<string, string | number> | null;
}

export interface NormalizedProblem {
  kind: ProblemKind;
  /** HTTP status, 0 for network errors. */
  status: number;
  /** Server-provided title/detail, kept for logs and as a last resort; the UI prefers i18n texts by `kind`. */
  title: string | null;
  detail: string | null;
  requestId: string | null;
  /** Seconds to wait (429), from Retry-After or the body's retry_after. */
  retryAfterSeconds: number | null;
  fieldErrors: FieldProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Parses Retry-After (delta-seconds or an HTTP date) into whole seconds. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function kindFromType(type: unknown): ProblemKind | null {
  const value = asString(type);
  if (!value?.startsWith(PROBLEM_TYPE_PREFIX)) return null;
  const slug = value.slice(PROBLEM_TYPE_PREFIX.length);
  return KNOWN_KINDS.has(slug) ? (slug as ProblemKind) : null;
}

function kindFromStatus(status: number): ProblemKind {
  if (status >= 500) return 'internal-error';
  return STATUS_KINDS[status] ?? 'unknown';
}

const LOCATIONS: ReadonlySet<string> = new Set(['body', 'query', 'path', 'header']);

function parseFieldErrors(errors: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  const result: FieldProblem[] = [];
  for (const entry of errors) {
    if (!isRecord(entry)) continue;
    const location = asString(entry.location);
    // Tolerate FastAPI's default shape ({loc: ["body", "email"], msg, type}) too.
    const loc = Array.isArray(entry.loc) ? entry.loc.map(String) : null;
    const resolvedLocation = location ?? loc?.[0] ?? 'body';
    const field = asString(entry.field) ?? (loc ? loc.slice(1).join('.') : '');
    result.push({
      location: (LOCATIONS.has(resolvedLocation) ? resolvedLocation : 'body') as FieldLocation,
      field,
      message: asString(entry.message) ?? asString(entry.msg) ?? '',
      code: asString(entry.code) ?? asString(entry.type) ?? 'invalid',
      context: parseContext(entry.context ?? entry.ctx),
    });
  }
  return result;
}

function parseContext(value: unknown): Record<string, string | number> | null {
  if (!isRecord(value)) return null;
  const result: Record<string, string | number> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number') result[key] = item;
  }
  return Object.keys(result).length > 0 ? result : null;
}

export interface ProblemSource {
  /** Parsed response body (may be anything, or undefined). */
  body?: unknown;
  response?: Response | null;
  /** A thrown exception (e.g. TypeError from fetch on network failure). */
  cause?: unknown;
}

export function normalizeProblem({ body, response, cause }: ProblemSource): NormalizedProblem {
  if (!response) {
    // fetch() rejects with a TypeError when the network or the server is unreachable.
    const network = cause instanceof TypeError;
    return {
      kind: network ? 'network' : 'unknown',
      status: 0,
      title: null,
      detail: cause instanceof Error ? cause.message : null,
      requestId: null,
      retryAfterSeconds: null,
      fieldErrors: [],
    };
  }
  const status = response.status;
  const data = isRecord(body) ? body : {};
  const kind = kindFromType(data.type) ?? kindFromStatus(status);
  const retryAfterBody = typeof data.retry_after === 'number' ? Math.ceil(data.retry_after) : null;
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After')) ?? retryAfterBody;
  return {
    kind,
    status,
    title: asString(data.title),
    detail: asString(data.detail),
    requestId: asString(data.request_id) ?? response.headers.get('X-Request-ID'),
    retryAfterSeconds: kind === 'too-many-requests' ? retryAfter : null,
    fieldErrors: parseFieldErrors(data.errors ?? data.detail),
  };
}

/** The error thrown by API helpers; carries the normalised problem. */
export class ApiError extends Error {
  readonly problem: NormalizedProblem;

  constructor(problem: NormalizedProblem) {
    super(`${problem.kind} (${problem.status})${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

export function toProblem(error: unknown): NormalizedProblem {
  if (error instanceof ApiError) return error.problem;
  return normalizeProblem({ cause: error });
}

export function isProblemKind(error: unknown, kind: ProblemKind): boolean {
  return error instanceof ApiError && error.problem.kind === kind;
}
