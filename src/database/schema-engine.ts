import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

/**
 * Prisma Migrate's schema engine compiled to WebAssembly: applies and writes migrations in Prisma's
 * own folder format and `_prisma_migrations` table, without the native engine (which Prisma would
 * download from a host these machines cannot reach).
 */
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
let wasmReady: Promise<void> | undefined;

/** Node has WebAssembly; the TypeScript lib for it ships with the DOM types, which this project does not load. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmApi };

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const module = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': withUnrefTimers(wasmBindings) });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/** The engine arms a ~10 s timer that would keep a finished process (or Jest) alive: unref it. */
function withUnrefTimers(bindings: typeof wasmBindings): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...bindings };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, milliseconds: number) => setTimeout(callback, milliseconds >>> 0).unref();
  }
  return imports;
}

export async function openSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  await loadWasm();
  const ignoreEngineLog = () => undefined;
  return wasmBindings.SchemaEngine.new({ datamodels: undefined }, ignoreEngineLog, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockfilePath = path.join(migrationsDir, 'migration_lock.toml');
  const lockfileContent = await readFile(lockfilePath, 'utf8').catch(() => null);
  const folders = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => ({
      path: folder,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, folder, 'migration.sql'), 'utf8') },
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockfileContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies the migrations not yet applied, like `prisma migrate deploy`; returns their names. */
export async function applyMigrations(engine: SchemaEngine, migrationsDir: string): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir);
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
  return appliedMigrationNames;
}

/** The SQL that takes a database with every migration applied to the schema file, or null if none is needed. */
export async function diffMigrationsToSchema(engine: SchemaEngine, schemaPath: string): Promise<string | null> {
  const schemaFiles = [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
  const result = await engine.diff({
    from: { tag: 'schemaDatasource', files: schemaFiles, configDir: path.dirname(schemaPath) },
    to: { tag: 'schemaDatamodel', files: schemaFiles },
    script: true,
    exitCode: true,
    filters: NO_FILTERS,
  });
  return result.exitCode === 2 ? (result.stdout ?? '') : null;
}
