// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, normalizeProblem, parseRetryAfter, toProblem } from './problem';

function response(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

describe('normalizeProblem', () => {
  it('reads a validation problem with its field errors', () => {
    const problem = normalizeProblem({
      response: response(422),
      body: {
        type: 'urn:netzwerk:problem:validation-error',
        title: 'Validation error',
        status: 422,
        detail: 'The request contains invalid fields.',
        request_id: 'abc',
        errors: [
          { location: 'body', field: 'email', message: 'value is not a valid email address', code: 'value_error' },
          { location: 'body', field: 'roles.0', message: "Input should be 'admin'", code: 'enum' },
        ],
      },
    });
    expect(problem).toEqual({
      kind: 'validation-error',
      status: 422,
      title: 'Validation error',
      detail: 'The request contains invalid fields.',
      requestId: 'abc',
      retryAfterSeconds: null,
      fieldErrors: [
        { location: 'body', field: 'email', message: 'value is not a valid email address', code: 'value_error', context: null },
        { location: 'body', field: 'roles.0', message: "Input should be 'admin'", code: 'enum', context: null },
      ],
    });
  });

  it('keeps the limits of the failed rule (context) and field errors of a 409', () => {
    const problem = normalizeProblem({
      response: response(409),
      body: {
        type: 'urn:netzwerk:problem:conflict',
        title: 'Conflict',
        status: 409,
        errors: [
          { location: 'body', field: 'email', message: 'exists', code: 'email_taken' },
          { location: 'body', field: 'name', message: 'long', code: 'string_too_long', context: { max_length: 200, x: true } },
        ],
      },
    });
    expect(problem.kind).toBe('conflict');
    expect(problem.fieldErrors.map((e) => [e.field, e.code, e.context])).toEqual([
      ['email', 'email_taken', null],
      ['name', 'string_too_long', { max_length: 200 }],
    ]);
  });

  it('takes the kind from the type URN even when the status would say otherwise', () => {
    const problem = normalizeProblem({
      response: response(422),
      body: { type: 'urn:netzwerk:problem:idempotency-key-reused', title: 'x', status: 422 },
    });
    expect(problem.kind).toBe('idempotency-key-reused');
  });

  it('reads the wait time of a 429 from Retry-After, falling back to retry_after', () => {
    const fromHeader = normalizeProblem({
      response: response(429, { 'Retry-After': '42' }),
      body: { type: 'urn:netzwerk:problem:too-many-requests', title: 'x', status: 429, retry_after: 7 },
    });
    expect(fromHeader.kind).toBe('too-many-requests');
    expect(fromHeader.retryAfterSeconds).toBe(42);

    const fromBody = normalizeProblem({
      response: response(429),
      body: { type: 'urn:netzwerk:problem:too-many-requests', title: 'x', status: 429, retry_after: 7 },
    });
    expect(fromBody.retryAfterSeconds).toBe(7);
  });

  it('maps statuses when the body is not problem+json (e.g. a proxy page)', () => {
    expect(normalizeProblem({ response: response(412), body: '<html>' }).kind).toBe('precondition-failed');
    expect(normalizeProblem({ response: response(502), body: undefined }).kind).toBe('internal-error');
    expect(normalizeProblem({ response: response(418), body: {} }).kind).toBe('unknown');
  });

  it('ignores unknown type URNs and uses the status instead', () => {
    const problem = normalizeProblem({
      response: response(409),
      body: { type: 'about:blank', title: 'Conflict', status: 409 },
    });
    expect(problem.kind).toBe('conflict');
  });

  it('tolerates FastAPI default validation bodies', () => {
    const problem = normalizeProblem({
      response: response(422),
      body: { detail: [{ loc: ['body', 'name'], msg: 'Field required', type: 'missing' }] },
    });
    expect(problem.fieldErrors).toEqual([
      { location: 'body', field: 'name', message: 'Field required', code: 'missing', context: null },
    ]);
  });

  it('turns a failed fetch (TypeError) into a network problem', () => {
    const problem = normalizeProblem({ cause: new TypeError('Failed to fetch') });
    expect(problem.kind).toBe('network');
    expect(problem.status).toBe(0);
  });

  it('does not call a programming error a network problem', () => {
    expect(toProblem(new Error('boom')).kind).toBe('unknown');
  });

  it('unwraps ApiError', () => {
    const original = normalizeProblem({ response: response(404), body: {} });
    expect(toProblem(new ApiError(original))).toBe(original);
  });
});

describe('parseRetryAfter', () => {
  it('accepts seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
