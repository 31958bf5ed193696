import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyRequest } from 'fastify';

/** Adds the request id (also in the logs) to every error, so support can find the log lines. */
export const correlationIdPlugin: ApolloServerPlugin<{ req: FastifyRequest }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const correlationId = String(contextValue.req.id);
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
          ...error,
          extensions: { ...error.extensions, correlationId },
        }));
      },
    };
  },
};
