import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { Matches } from 'class-validator';

const IDEMPOTENCY_KEY_RULE = '8 to 100 characters of A-Z a-z 0-9 . _ : -';

/** Every mutation input carries one: unique per user; a retry with the same key records nothing. */
export function IdempotencyKeyField(): PropertyDecorator {
  return applyDecorators(
    Field({
      description: `Client-chosen key, unique per user (${IDEMPOTENCY_KEY_RULE}). A retry with the same key and payload returns the first answer.`,
    }),
    Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: IDEMPOTENCY_KEY_RULE }),
  );
}
