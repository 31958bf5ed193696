import { GraphQLLocalDate } from 'graphql-scalars';

/** Calendar dates (birth dates, clinical dates) as `YYYY-MM-DD`, with no time zone. */
export const LocalDateScalar = GraphQLLocalDate;
