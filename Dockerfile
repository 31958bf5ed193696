# syntax=docker/dockerfile:1
# Hip osteoarthritis care-pathway service. Build: docker build -t heupartrose-pathway-service .
# Node 20 is end of life; engines says >=20.19, so run on a supported LTS.

# ---- build: all dependencies, generate the Prisma client, compile ----
FROM node:22-bookworm-slim AS build
WORKDIR /app

# npm 10 in the node images runs dependencies' install scripts (Prisma would try to download its
# native engine): install without scripts, then run the project's own steps explicitly.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts

COPY tsconfig.json tsconfig.build.json vite.config.ts codegen.ts schema.graphql ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY src ./src
# npm run build compiles the service and builds the web pages (dist/web/app) with Vite.
RUN node scripts/prisma-generate.mjs && npm run build

# Runtime needs production dependencies only (the generated client is compiled into dist/).
RUN npm prune --omit=dev --ignore-scripts && npm cache clean --force

# ---- runtime ----
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app

COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# Migrations are applied at boot from prisma/migrations, relative to the working directory.
COPY --from=build --chown=node:node /app/prisma ./prisma

USER node
EXPOSE 3000

# Production requires DATABASE_URL, AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL at run time
# (no embedded database and no HS256 in production).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]

# The service gets a heap budget fit for a container (the command-line tools, such as the data
# generator, do not). Without one V8 sizes the heap from the host's memory and postpones major
# collections, so a large CSV export's short-lived rows grew the resident memory by 90-130 MB (the
# live heap stays about 45 MB); with 512 MB the growth was 29-57 MB.
CMD ["node", "--max-old-space-size=512", "dist/main.js"]
