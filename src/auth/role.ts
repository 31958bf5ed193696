export const ROLES = ['CLINICIAN', 'AUDITOR', 'INTEGRATION', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}

/** Who is acting: the token's subject, the clinician an integration acts for, and the role used. */
export interface ActingUser {
  userId: string;
  actingFor?: string;
  role: Role;
}

/** A verified token: its subject, the clinician it acts for (integrations) and all its roles. */
export interface VerifiedToken {
  userId: string;
  actingFor?: string;
  roles: Role[];
}
