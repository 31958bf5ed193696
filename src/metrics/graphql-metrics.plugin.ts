import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ApiMetrics, OperationLabels } from './api-metrics.js';

/** A request refused before its operation was known (a syntax error, a query that does not fit the schema). */
const UNRESOLVED: OperationLabels = { type: 'none', operation: 'invalid' };
/** The label of an operation with more than one root field, which keeps the labels as few as the schema's root fields. */
const SEVERAL_ROOT_FIELDS = 'several';

/**
 * Counts and times each GraphQL operation under its root field (the schema's name, never the
 * operation name or an alias, which the client chooses and which may carry patient data), with the
 * `extensions.code` of each error it answered.
 */
export function graphqlMetricsPlugin(metrics: ApiMetrics): ApolloServerPlugin {
  return {
    // Apollo's hooks return promises; these do no asynchronous work.
    requestDidStart() {
      const startedAt = performance.now();
      let labels = UNRESOLVED;
      return Promise.resolve({
        didResolveOperation({ operation, document }) {
          if (operation) labels = operationLabels(operation, document);
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const seconds = (performance.now() - startedAt) / 1000;
          metrics.recordGraphqlOperation(
            labels,
            errors.map((error) => error.extensions?.code),
            seconds,
          );
          return Promise.resolve();
        },
      });
    },
  };
}

function operationLabels(operation: OperationDefinitionNode, document: DocumentNode): OperationLabels {
  const rootFields = new Set(rootFieldNames(operation.selectionSet, document));
  return { type: operation.operation, operation: rootFields.size === 1 ? [...rootFields][0] : SEVERAL_ROOT_FIELDS };
}

/** The root fields an operation selects, through its fragments (validation has refused cycles by now). */
function* rootFieldNames(selectionSet: SelectionSetNode, document: DocumentNode): Generator<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection.name.value;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* rootFieldNames(selection.selectionSet, document);
    else {
      const fragment = document.definitions.find(
        (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) yield* rootFieldNames(fragment.selectionSet, document);
    }
  }
}
