import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses an operation whose type the schema has no root for (a subscription, here), at
 * validation, as graphql-js 17 will: graphql-js 16 lets it through to execution, which fails it
 * as a server error.
 */
export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`The ${node.operation} operation is not supported.`, { nodes: node }));
      }
    },
  };
}
