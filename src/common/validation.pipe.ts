import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InputValidationException } from './errors/api.exception.js';

/** Names every invalid field by its path (`facts.ageYears`), never echoing the value. */
function fieldPaths(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    return error.children?.length ? fieldPaths(error.children, path) : [path];
  });
}

// Control characters other than tab and line breaks have no place in clinical text, and NUL is refused by PostgreSQL.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Paths of strings that are not well-formed Unicode or hold control characters. */
function malformedStrings(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.isWellFormed() && !CONTROL_CHARACTERS.test(value) ? [] : [path || 'input'];
  if (Array.isArray(value)) return value.flatMap((item) => malformedStrings(item, path));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => malformedStrings(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** The global pipe: class-validator on every input (whitelist, forbidNonWhitelisted, transform), plain text only. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const malformed = malformedStrings(value, metadata.type === 'body' || metadata.data === undefined ? '' : metadata.data);
    if (malformed.length > 0) throw new InputValidationException(malformed);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InputValidationException(fieldPaths(errors)),
  });
}
