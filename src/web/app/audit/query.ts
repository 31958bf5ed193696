import { useEffect, useState } from 'preact/hooks';
import { graphqlRequest, GraphqlError, type TypedOperation } from '../common/graphql';

/** What a page's read gives while it loads and once it has answered or failed. */
export type QueryState<TResult> =
  { status: 'loading'; data?: TResult } | { status: 'done'; data: TResult } | { status: 'failed'; error: GraphqlError; data?: TResult };

/**
 * Runs `operation` with `variables` whenever `key` changes (a page passes its filter's query string, its id and
 * locale...), keeping the previous answer on screen while the next one loads; an answer that arrives after a newer
 * request started is dropped.
 */
export function useQuery<TResult, TVariables>(
  operation: TypedOperation<TResult, TVariables>,
  variables: TVariables,
  key: string,
): QueryState<TResult> {
  const [state, setState] = useState<QueryState<TResult>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    graphqlRequest(operation, variables).then(
      (data) => current && setState({ status: 'done', data }),
      (error: unknown) =>
        current &&
        setState((previous) => ({
          status: 'failed',
          error: error instanceof GraphqlError ? error : new GraphqlError(String(error), 'INTERNAL_SERVER_ERROR'),
          data: previous.data,
        })),
    );
    return () => {
      current = false;
    };
    // `key` stands for the variables: re-run when it changes only.
  }, [key]);
  return state;
}
