import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiErrorCode } from '../errors/api-error-code.js';
import { ApiException } from '../errors/api.exception.js';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 20;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Page<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
}

/** A Relay-style connection type for `Node`, named `<Name>Connection`. */
export function Connection<Node>(nodeType: Type<Node>, name: string): Type<Page<Node>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: Node;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Builds a page from up to `first + 1` rows fetched in order: the extra row only tells there is more. */
export function toPage<Row, Node>(rows: Row[], first: number, cursorOf: (row: Row) => string, toNode: (row: Row) => Node): Page<Node> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({ cursor: cursorOf(row), node: toNode(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export class InvalidCursorException extends ApiException<'INVALID_CURSOR'> {
  readonly apiCode = ApiErrorCode.BAD_USER_INPUT;

  constructor() {
    super('INVALID_CURSOR', 'after is not a cursor this list returned', 'after');
  }
}

/** Decodes a cursor made by encodeCursor whose parts `isValid` accepts; refuses anything else. */
export function decodeCursor<Parts extends unknown[]>(cursor: string, isValid: (parts: unknown[]) => parts is Parts): Parts {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorException();
  }
  if (!Array.isArray(parts) || !isValid(parts)) throw new InvalidCursorException();
  return parts;
}

/** A keyset cursor of an instant and a key (`[ISO time, key]`), as timestamp-ordered lists encode it; the key must match `keyPattern`. */
export function decodeInstantKeyCursor(cursor: string, keyPattern: RegExp): { instant: Date; key: string } {
  const [instant, key] = decodeCursor(
    cursor,
    (parts): parts is [string, string] =>
      parts.length === 2 &&
      typeof parts[0] === 'string' &&
      !Number.isNaN(Date.parse(parts[0])) &&
      typeof parts[1] === 'string' &&
      keyPattern.test(parts[1]),
  );
  return { instant: new Date(instant), key };
}
