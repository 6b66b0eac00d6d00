import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createMigrationAdapterFactory } from "./adapter-factory.ts";

type SchemaEngine = Awaited<ReturnType<typeof bindings.SchemaEngine.new>>;

interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

let instantiated: Promise<void> | null = null;

/**
 * The engine arms a 10 s timeout that it never clears; Node would stay alive until
 * it fires, so a caller like a test or a server's startup would hang after migrating. Timers armed
 * through the wasm import are unref'd: they still fire while anything else keeps the process running
 * (an engine call in flight holds its pg sockets), they just don't keep it running on their own.
 */
function withUnrefTimers(glue: typeof bindings): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return imports;
}

/**
 * Loads the wasm schema engine once. The package's main entry imports a .wasm file, which Node 20
 * can't load as a module, so the binary is instantiated by hand against the JS glue.
 */
function instantiate(): Promise<void> {
  instantiated ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
    let panicMessage = "";
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => (panicMessage = m), get: () => panicMessage };
    // The .wasm isn't an exported subpath: find it next to the package's JS glue.
    const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(glue), "schema_engine_bg.wasm");
    // Node has WebAssembly; the compile options here carry no DOM lib, which is where TS declares it.
    const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const { instance } = await wasmApi.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": withUnrefTimers(bindings),
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return instantiated;
}

/** Runs `work` with a schema engine connected to `databaseUrl`, then releases every connection. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  datamodels: Array<[string, string]> | undefined,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await instantiate();
  const adapters = createMigrationAdapterFactory(databaseUrl);
  const log = (message: string) => {
    if (process.env.PIER_MIGRATE_DEBUG) console.error(message);
  };
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    const engine = await bindings.SchemaEngine.new({ datamodels }, log, adapters.factory);
    try {
      outcome = { ok: true, value: await work(engine) };
    } finally {
      engine.free();
    }
  } catch (error) {
    outcome = { ok: false, error };
  }
  // Open pools would keep the process alive; close them whatever happened, without hiding either error.
  try {
    await adapters.close();
  } catch (closeError) {
    if (outcome.ok) throw closeError;
    throw new AggregateError([outcome.error, closeError], "schema engine failed, then closing its connections failed");
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
