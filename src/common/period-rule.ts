import { ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * The end of a period may not come before its start (`startProperty` of the same input). Dates and
 * YYYY-MM-DD calendar dates alike: both compare in time order. A missing or invalid start is left to
 * that field's own rules.
 */
export function IsNotBefore(startProperty: string, message: string): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [startProperty],
      validator: {
        validate: (end: unknown, { object }: ValidationArguments) => {
          const start = (object as Record<string, unknown>)[startProperty];
          if (start === undefined || end === undefined) return true;
          return !(comparable(start) > comparable(end));
        },
      },
    },
    { message },
  );
}

function comparable(value: unknown): number | string {
  return value instanceof Date ? value.getTime() : String(value);
}
