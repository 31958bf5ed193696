import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { signDevelopmentToken } from '../auth/dev-token.js';
import { Public } from '../auth/roles.decorator.js';
import { Environment } from '../config/environment.js';
import { DevTokenInput } from './dto/dev-token.input.js';
import { WebException, WebExceptionCode } from './web.exception.js';

/** Where the sign-in page can mint tokens: outside production, with the HS256 development secret (not with a JWKS). */
export function devSignInAvailable(environment: Pick<Environment, 'NODE_ENV' | 'AUTH_HS256_SECRET'>): boolean {
  return environment.NODE_ENV !== 'production' && environment.AUTH_HS256_SECRET !== undefined;
}

/**
 * `POST /auth/dev-token` for the development sign-in page: the token `npm run token` prints, signed by the same
 * code. Registered only where `devSignInAvailable` (WebModule.register): in production the route does not exist.
 * JSON bodies only (another site's form could post url-encoded or plain text without a CORS preflight; a JSON body
 * needs one, which no origin passes).
 */
@Controller('auth')
export class DevSignInController {
  constructor(private readonly environment: Environment) {}

  @Post('dev-token')
  @Public()
  @HttpCode(200)
  async token(@Body() input: DevTokenInput, @Headers('content-type') contentType?: string): Promise<{ token: string }> {
    if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) {
      throw new WebException(WebExceptionCode.JSON_REQUIRED, 'Send the request as application/json', 'content-type');
    }
    const token = await signDevelopmentToken(this.environment, { sub: input.sub, roles: [input.role], actingFor: input.actingFor });
    return { token };
  }
}
