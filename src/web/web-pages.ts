import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { Environment } from '../config/environment.js';
import { NOT_RATE_LIMITED } from '../rate-limit/rate-limit.js';
import { devSignInAvailable } from './dev-sign-in.controller.js';

/** What `npm run build` (Vite, vite.config.ts) writes beside the compiled server code: `<page>/index.html` per page, hashed files in `assets/`. */
export const WEB_DIST_DIR = path.resolve(process.cwd(), 'dist/web/app');
export const ASSETS_PREFIX = '/app/assets/';
/** A built asset's name (Vite writes them flat, content-hashed): no folder, so no path can leave the folder. */
const ASSET_NAME = /^[A-Za-z0-9_-]+(?:[.-][A-Za-z0-9_-]+)*\.(js|css|svg|png|woff2)$/;
const ASSET_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
};

/**
 * The pages' addresses and the built page each answers with (the pages route on the address themselves). A page
 * that is not built (dist/web without it) answers 404.
 */
export const WEB_PAGES: readonly { url: string; page: string; developmentOnly?: boolean }[] = [
  { url: '/app/patients/:patientId', page: 'sidebar' },
  { url: '/app/pathways/:pathwayId', page: 'sidebar' },
  { url: '/app/launch', page: 'sidebar' },
  { url: '/app/sign-in', page: 'sign-in', developmentOnly: true },
  { url: '/app/audit', page: 'audit' },
  { url: '/app/audit/*', page: 'audit' },
];

/**
 * The pages' Content-Security-Policy: their own scripts, styles and API only (no inline script or style, no CDN),
 * images of their own or data: URLs, and framed only by this service and the EHRs of CORS_ALLOWED_ORIGINS (EHRs
 * embed the sidebar).
 */
export function pageContentSecurityPolicy(environment: Pick<Environment, 'CORS_ALLOWED_ORIGINS'>) {
  const ehrOrigins = environment.CORS_ALLOWED_ORIGINS ? environment.CORS_ALLOWED_ORIGINS.split(',') : [];
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'", ...ehrOrigins],
    },
  };
}

/**
 * Serves the built pages under /app/ (registered by createApp): each page's HTML (`Cache-Control: no-store`, the
 * page policy above instead of the API's, no X-Frame-Options, whose DENY would forbid the EHR's frame) and the
 * hashed assets (cached for a year, immutable; an unknown file is 404). Neither carries patient data nor needs a
 * token, and neither is rate limited (a hospital's clinicians may share one address; the API calls are limited).
 */
export function useWebPages(app: NestFastifyApplication, environment: Environment): void {
  const fastify = app.getHttpAdapter().getInstance();
  const assets = new Map<string, Buffer>();
  fastify.get(`${ASSETS_PREFIX}:name`, { config: NOT_RATE_LIMITED }, async (request, reply) => {
    const { name } = request.params as { name: string };
    const type = ASSET_NAME.exec(name)?.[1];
    const content =
      type === undefined ? undefined : (assets.get(name) ?? (await readFile(path.join(WEB_DIST_DIR, 'assets', name)).catch(() => undefined)));
    if (type === undefined || content === undefined) {
      reply.callNotFound();
      return reply;
    }
    assets.set(name, content);
    return reply.type(ASSET_TYPES[type]).header('cache-control', 'public, max-age=31536000, immutable').send(content);
  });

  const helmet = { contentSecurityPolicy: pageContentSecurityPolicy(environment), xFrameOptions: false };
  const devSignIn = devSignInAvailable(environment);
  const html = new Map<string, string>();
  const pageHtml = async (page: string) => {
    const text = html.get(page) ?? (await readPage(page, devSignIn));
    if (text !== undefined) html.set(page, text);
    return text;
  };
  for (const { url, page, developmentOnly } of WEB_PAGES) {
    if (developmentOnly && !devSignIn) continue;
    fastify.get(url, { config: { ...NOT_RATE_LIMITED, helmet } }, async (_request, reply) => sendPage(reply, await pageHtml(page)));
  }
}

async function readPage(page: string, devSignIn: boolean): Promise<string | undefined> {
  const text = await readFile(path.join(WEB_DIST_DIR, page, 'index.html'), 'utf8').catch(() => undefined);
  return text?.replace('<meta name="dev-sign-in" content="off" />', `<meta name="dev-sign-in" content="${devSignIn ? 'on' : 'off'}" />`);
}

function sendPage(reply: FastifyReply, text: string | undefined): FastifyReply {
  if (text === undefined) {
    reply.callNotFound();
    return reply;
  }
  return reply.type('text/html; charset=utf-8').send(text);
}
