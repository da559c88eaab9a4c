// The one error type domain code throws on purpose. Anything else becomes a 500.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = (needs: readonly string[] = []) =>
  new ApiError(
    403,
    'forbidden',
    needs.length ? `This needs the ${needs.join(' or ')} role` : 'Your role does not allow this',
  );
export const unauthorized = (message = 'Sign in to continue') => new ApiError(401, 'unauthorized', message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
