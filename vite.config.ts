import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';

/** The pages' sources; every `<page>/index.html` in it is an entry, built to `dist/web/app/<page>/index.html`. */
export const WEB_SOURCE_ROOT = path.resolve(import.meta.dirname, 'src/web/app');

const entries = Object.fromEntries(
  readdirSync(WEB_SOURCE_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(WEB_SOURCE_ROOT, entry.name, 'index.html')))
    .map((entry) => [entry.name, path.join(WEB_SOURCE_ROOT, entry.name, 'index.html')]),
);

/**
 * The web pages (Preact + TSX), served by the service under /app/ (src/web/web.module.ts): JSX through Vite's own
 * transform (Oxc) with Preact's automatic runtime, hashed assets under /app/assets/, a manifest the service and the
 * tests read, no inline script (the pages' Content-Security-Policy has script-src 'self').
 */
export default defineConfig({
  root: WEB_SOURCE_ROOT,
  base: '/app/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web/app'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rollupOptions: { input: entries },
  },
});
