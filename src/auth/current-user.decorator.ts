import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { requestOf } from './auth.guard.js';
import type { ActingUser } from './role.js';

/** The authenticated user the guard attached to the request. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): ActingUser => {
  const actingUser = requestOf(context).actingUser;
  if (!actingUser) throw new Error('CurrentUser used on an operation without authentication');
  return actingUser;
});
