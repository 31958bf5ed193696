import { SetMetadata } from '@nestjs/common';
import type { Role } from './role.js';

export const ROLES_KEY = 'allowedRoles';
export const PUBLIC_KEY = 'publicOperation';

/** Every operation declares the roles allowed to call it; the guard refuses undeclared ones. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** For operations that need no token (health probes). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
