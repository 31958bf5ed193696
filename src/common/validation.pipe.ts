import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InputValidationException } from './errors/api.exception.js';

/** Names every invalid field by its path (`facts.ageYears`), never echoing the value. */
function fieldPaths(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    return error.children?.length ? fieldPaths(error.children, path) : [path];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InputValidationException(fieldPaths(errors)),
  });
}
