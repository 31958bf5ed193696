import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { createLogger } from './logging.module.js';

/** A destination that keeps what the logger wrote. */
function capture(): { stream: Writable; text(): string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      written += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => written };
}

/** A request as Fastify hands it to the `req` serializer, with what must never reach the log. */
const request = {
  method: 'POST',
  url: '/graphql?token=SECRET-QUERY',
  headers: { authorization: 'Bearer SECRET-TOKEN' },
  body: { identifierValue: 'SECRET-ID-4711' },
};

function expectNoRequestDetails(text: string): void {
  for (const secret of ['SECRET-QUERY', 'SECRET-TOKEN', 'SECRET-ID-4711', 'authorization']) expect(text).not.toContain(secret);
}

describe('createLogger', () => {
  it('prints readable lines in development, written at once, with the same request serializers', () => {
    const destination = capture();
    const logger = createLogger('info', { nodeEnvironment: 'development', destination: destination.stream });
    logger.info({ req: request, res: { statusCode: 201, headers: { 'set-cookie': 'SECRET-TOKEN' } } }, 'request completed');
    logger.debug('below the level');
    const text = destination.text();
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(() => JSON.parse(lines[0])).toThrow();
    expect(lines[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: request completed /);
    expect(lines[0]).toContain('"path":"/graphql"');
    expect(lines[0]).toContain('"statusCode":201');
    expect(text).not.toContain('\u001b['); // no colours in a captured stream
    expectNoRequestDetails(text);
  });

  it.each(['production', 'test', undefined])('prints JSON otherwise (%s)', (nodeEnvironment) => {
    const destination = capture();
    const logger = createLogger('info', { nodeEnvironment, destination: destination.stream });
    logger.info({ req: request, res: { statusCode: 201 } }, 'request completed');
    const lines = destination.text().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 201 },
    });
    expect(Object.keys(JSON.parse(lines[0]).req)).toEqual(['method', 'path']);
    expectNoRequestDetails(destination.text());
  });
});
