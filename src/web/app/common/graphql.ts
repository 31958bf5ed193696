import { accessToken } from './auth';

/**
 * `graphqlRequest(operation, variables)` POSTs a GraphQL operation to /graphql with the stored bearer token and returns its `data`, or throws a
 * `GraphqlError` with the service's `extensions.code`, `reason` and `field`.
 *
 * `operation` is a typed document from the generated `gql/` folder (GraphQL Code Generator, `documentMode: 'string'`,
 * whose documents are strings that carry their result and variable types) or a plain string.
 */
export interface TypedOperation<TResult, TVariables> {
  toString(): string;
  __apiType?: (variables: TVariables) => TResult;
}

export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly reason?: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface GraphqlResponse<TResult> {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string; field?: string } }[];
}

export async function graphqlRequest<TResult, TVariables = Record<string, never>>(
  operation: TypedOperation<TResult, TVariables> | string,
  variables?: TVariables,
): Promise<TResult> {
  const token = accessToken();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query: operation.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new GraphqlError('The service cannot be reached', 'NETWORK_ERROR');
  }
  const body = (await response.json().catch(() => ({}))) as GraphqlResponse<TResult> & { code?: string; message?: string };
  const error = body.errors?.[0];
  if (error)
    throw new GraphqlError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.extensions?.reason, error.extensions?.field);
  // REST-style refusals answered before GraphQL runs (429 RATE_LIMITED, 405...).
  if (!response.ok || body.data === undefined || body.data === null) {
    throw new GraphqlError(body.message ?? `HTTP ${response.status}`, body.code ?? 'INTERNAL_SERVER_ERROR');
  }
  return body.data;
}

/** A fresh idempotency key for one write (a retry of that write sends the same key). */
export function idempotencyKey(prefix: string): string {
  return `${prefix}:${crypto.randomUUID()}`;
}
