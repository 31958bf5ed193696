import { IsIn, Matches, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../auth/role.js';

const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const USER_NAME_RULE = '1 to 64 characters of A-Z a-z 0-9 . _ @ -';

/** The development sign-in page's request: who, in which role, and for an integration the clinician it acts for. */
export class DevTokenInput {
  @Matches(USER_NAME, { message: USER_NAME_RULE })
  sub!: string;

  @IsIn(ROLES)
  role!: Role;

  /** An INTEGRATION token must name the clinician it acts for. */
  @ValidateIf((input: DevTokenInput) => input.role === 'INTEGRATION' || input.actingFor !== undefined)
  @Matches(USER_NAME, { message: USER_NAME_RULE })
  actingFor?: string;
}
