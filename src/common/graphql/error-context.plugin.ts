import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import { loggableError } from '../errors/loggable-error.js';
import { fieldAtLocation } from './field-at-location.js';
import { INVALID_QUERY_VALUE, isClientError } from './format-graphql-error.js';

/** What @nestjs/apollo puts in the context on Fastify. */
type GraphQLContext = { req: FastifyRequest };

/**
 * Completes what the error formatter cannot know: the request id as `correlationId` (the same
 * `reqId` as in the logs), the field of an invalid value written in the query text, and a log
 * line (type and stack frames only) for every unexpected error.
 */
export const errorContextPlugin: ApolloServerPlugin = {
  // Apollo's hooks return promises; these do no asynchronous work.
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        const { req } = contextValue as GraphQLContext;
        for (const error of errors) {
          if (!isClientError(error)) req.log.error(loggableError(error.originalError ?? error), 'Unexpected error');
        }
        return Promise.resolve();
      },
      willSendResponse({ response, contextValue, source }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return Promise.resolve();
        const correlationId = String((contextValue as GraphQLContext).req.id);
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
          const location = error.locations?.[0];
          const field = error.message.startsWith(INVALID_QUERY_VALUE) && source && location ? fieldAtLocation(source, location) : undefined;
          return field
            ? {
                ...error,
                message: `Invalid value for field ${field}${error.message.slice(INVALID_QUERY_VALUE.length)}`,
                extensions: { ...error.extensions, field, correlationId },
              }
            : { ...error, extensions: { ...error.extensions, correlationId } };
        });
        return Promise.resolve();
      },
    });
  },
};
