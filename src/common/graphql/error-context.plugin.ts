import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import { loggableError } from '../errors/loggable-error.js';
import { DatabaseUnavailableException } from '../../database/database-unavailable.js';
import { isClientError, originalError } from './format-graphql-error.js';

/** What @nestjs/apollo puts in the context on Fastify. */
type GraphQLContext = { req: FastifyRequest };

/**
 * Completes what the error formatter cannot know: the request id as `correlationId` (the same
 * `reqId` as in the logs), the HTTP status of a request refused before it ran, and a log line
 * (type and stack frames only) for every unexpected error, a warning for a database outage. Client errors are not logged beyond
 * the request's own line (its status, at info level).
 */
export const errorContextPlugin: ApolloServerPlugin = {
  // Apollo's hooks return promises; these do no asynchronous work.
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        const { req } = contextValue as GraphQLContext;
        for (const error of errors) {
          if (isClientError(error)) continue;
          const cause = loggableError(error.originalError ?? error);
          if (originalError(error) instanceof DatabaseUnavailableException) req.log.warn(cause, 'Database unavailable');
          else req.log.error(cause, 'Unexpected error');
        }
        return Promise.resolve();
      },
      willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const { singleResult } = response.body;
        const { errors } = singleResult;
        if (!errors) return Promise.resolve();
        // Refused before it ran (no data): Apollo answers a persisted-query refusal with 200, for its own protocol; to us it is a bad request.
        if (singleResult.data === undefined && (response.http.status ?? 200) < 400) response.http.status = 400;
        const correlationId = String((contextValue as GraphQLContext).req.id);
        singleResult.errors = errors.map((error) => ({ ...error, extensions: { ...error.extensions, correlationId } }));
        return Promise.resolve();
      },
    });
  },
};
