import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';

/** The name of the GraphQL field being resolved, e.g. the mutation `recordClinicalExam` (never an alias). */
export const OperationName = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().fieldName,
);
