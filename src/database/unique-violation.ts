import { Prisma } from '../generated/prisma/client.js';

/** True when the database refused a write for breaking a unique constraint (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
