import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import type { ChildProcess } from "node:child_process"
import {
  withDatabase,
  assertDatabaseReachable,
  assertPortFree,
  databaseName,
  ensureDatabase,
  redactUrl,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from "./database"
import { ensureEnvFile } from "./env-file"
import {
  buildBackend,
  buildPlugins,
  buildStorefront,
  runMedusa,
  spawnMedusa,
  spawnStorefront,
  stopChild,
  waitForHealth,
  type RunOptions,
} from "./medusa"
import { BACKEND_DIR, DATA_DIR, ENV_FILE, MEDUSA_BUILD_DIR } from "./paths"
import { SEED_VERSION } from "../../../seed/src/version"
import { demoProcurementLogins } from "../../../seed/src/demo/procurement-logins"
import { adminToken, publishableKeys, readSeedMarker, readShowroomFacts, readSupplierLogins, type StackFacts } from "./stack"

export interface StackOptions {
  port: number
  /** Storefront port (default 8000). */
  storefrontPort?: number
  /** Serve the built app with the admin dashboard (npm start) or run from source without it (tests). */
  mode: "built" | "source"
  /** Where the Medusa processes write their output. */
  output: "inherit" | { dir: string }
  log: (line: string) => void
  /** Test clusters skip fsync; `npm start` keeps PostgreSQL durable. */
  durableDatabase?: boolean
  embeddedPort?: number
  /** Database name (tests use a throwaway one). */
  databaseName?: string
  dataDir?: string
  /** Where generated secrets are kept (default: the root `.env`). */
  envFile?: string
  /** Extra environment for every Medusa command (tests: a fake Stripe API's location and keys). */
  env?: Record<string, string>
}

/** A database that is up and migrated, plus the environment every Medusa command needs. */
export interface PreparedStack {
  databaseUrl: string
  env: NodeJS.ProcessEnv
  embedded: EmbeddedServer | null
  admin: { email: string; password: string }
  /** The demo password of the seeded supplier logins. */
  supplierPassword: string
  output(name: string): RunOptions["output"]
  /** Stops what was started, last first. */
  stop(): Promise<void>
  onStop(step: () => Promise<void>): void
}

export interface RunningStack extends PreparedStack {
  facts: StackFacts
  backend: ChildProcess
  seeded: "now" | "already"
}

export const SEED_SCRIPT = "scripts/exec/seed-demo.ts"

/**
 * Database (embedded or DATABASE_URL) → plugins built (and the backend, in built mode) →
 * migrations. Shared by `npm start`, `npm run seed` and the test harness.
 */
export async function prepareStack(options: StackOptions): Promise<PreparedStack> {
  const { log } = options
  const dataDir = options.dataDir ?? DATA_DIR
  fs.mkdirSync(dataDir, { recursive: true })
  const secrets = ensureEnvFile(options.envFile)

  let embedded: EmbeddedServer | null = null
  let databaseUrl = process.env.DATABASE_URL?.trim() || ""
  const stopSteps: (() => Promise<void>)[] = []
  const stop = async () => {
    while (stopSteps.length) await stopSteps.pop()!().catch((error) => log(`shutdown: ${error}`))
  }

  try {
    if (databaseUrl) {
      log(`database: ${redactUrl(databaseUrl)} (DATABASE_URL)`)
      await assertDatabaseReachable(databaseUrl)
      if (options.databaseName) databaseUrl = withDatabase(databaseUrl, options.databaseName)
    } else {
      const port = options.embeddedPort ?? Number(process.env.EMBEDDED_PG_PORT || 54329)
      log(`database: embedded PostgreSQL on port ${port}, data in ${path.join(dataDir, "pg")}`)
      embedded = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, "pg"),
        port,
        password: secrets.EMBEDDED_PG_PASSWORD,
        durable: options.durableDatabase ?? true,
      })
      const server = embedded
      stopSteps.push(() => server.stop())
      databaseUrl = embedded.url(options.databaseName ?? "gongwucang")
    }
    await ensureDatabase(databaseUrl, databaseName(databaseUrl))
    await assertDatabaseReachable(databaseUrl)

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      NODE_ENV: process.env.NODE_ENV || "development",
      DATABASE_URL: databaseUrl,
      JWT_SECRET: secrets.JWT_SECRET,
      COOKIE_SECRET: secrets.COOKIE_SECRET,
      ADMIN_EMAIL: secrets.ADMIN_EMAIL,
      ADMIN_PASSWORD: secrets.ADMIN_PASSWORD,
      SUPPLIER_PASSWORD: secrets.SUPPLIER_PASSWORD,
      GWC_DATA_DIR: dataDir,
      GWC_ENV_FILE: options.envFile ?? ENV_FILE,
      PORT: String(options.port),
      MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL || `http://localhost:${options.port}`,
      ...(options.mode === "source" ? { ADMIN_DISABLED: "true" } : {}),
    }
    const output = (name: string): RunOptions["output"] =>
      options.output === "inherit" ? "inherit" : { file: path.join(options.output.dir, `${name}.log`) }

    log("building plugins…")
    await buildPlugins(log)
    if (options.mode === "built") await buildBackend(env, log)

    log("running migrations…")
    await runMedusa(["db:migrate"], { env, output: output("migrate") })

    return {
      databaseUrl,
      env,
      embedded,
      admin: { email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD },
      supplierPassword: secrets.SUPPLIER_PASSWORD,
      output,
      stop,
      onStop: (step) => stopSteps.push(step),
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Seed on the first start, again (it only adds) when the seed got newer, otherwise never. */
export function seedDecision(marker: { version: number } | null, current = SEED_VERSION): "first" | "upgrade" | "skip" {
  if (!marker) return "first"
  return Number(marker.version) < current ? "upgrade" : "skip"
}

export async function runSeed(prepared: PreparedStack): Promise<void> {
  await runMedusa(["exec", SEED_SCRIPT], { env: prepared.env, output: prepared.output("seed"), cwd: BACKEND_DIR })
}

/**
 * Brings the whole platform up: prepared database, the demo seed once, the backend, and the
 * facts clients need (URLs, logins, publishable keys).
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { log } = options
  await assertPortFree(options.port)
  const storefrontPort = options.storefrontPort ?? Number(process.env.STOREFRONT_PORT || 8000)
  await assertPortFree(storefrontPort)
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const prepared = await prepareStack(options)
  // The backend tells the storefront which cached products changed, signed with this secret.
  prepared.env.STOREFRONT_URL = storefrontUrl
  prepared.env.STOREFRONT_CACHE_SECRET ||= crypto.createHash("sha256").update(`${prepared.env.COOKIE_SECRET}:storefront-cache`).digest("hex")
  try {
    const marker = await readSeedMarker(prepared.databaseUrl)
    const decision = seedDecision(marker)
    if (decision === "first") log("seeding demo data (first start)…")
    else if (decision === "upgrade") log(`demo data is from seed version ${marker!.version}; adding what version ${SEED_VERSION} brings…`)
    else log(`demo data already seeded (version ${marker!.version}); not seeding again`)
    if (decision !== "skip") await runSeed(prepared)
    const seeded: RunningStack["seeded"] = decision === "skip" ? "already" : "now"

    log("starting backend…")
    const backend = spawnMedusa(["start", "--port", String(options.port)], {
      env: prepared.env,
      output: prepared.output("backend"),
      cwd: options.mode === "built" ? MEDUSA_BUILD_DIR : BACKEND_DIR,
    })
    prepared.onStop(() => stopChild(backend))
    const backendUrl = `http://localhost:${options.port}`
    await waitForHealth(backendUrl, backend)

    const token = await adminToken(backendUrl, prepared.admin)
    const keys = await publishableKeys(backendUrl, token)
    const supplierLogins = await readSupplierLogins(prepared.databaseUrl, prepared.supplierPassword)
    const showroom = await readShowroomFacts(prepared.databaseUrl, prepared.supplierPassword)

    await buildStorefront(log)
    log("starting storefront…")
    const storefront = spawnStorefront({
      port: storefrontPort,
      output: prepared.output("storefront"),
      env: {
        ...prepared.env,
        MEDUSA_BACKEND_URL: backendUrl,
        MEDUSA_PUBLISHABLE_KEY: keys.online.token,
        // The experience centre /showroom shows (the seeded one).
        ...(showroom.centre_id ? { GWC_SHOWROOM_CENTRE_ID: showroom.centre_id } : {}),
        SESSION_SECRET: prepared.env.COOKIE_SECRET,
        // Served over plain http on this machine; behind TLS in production this stays unset.
        INSECURE_COOKIES: process.env.INSECURE_COOKIES ?? "true",
      },
    })
    prepared.onStop(() => stopChild(storefront))
    await waitForHealth(storefrontUrl, storefront, 60_000, "/")

    const facts: StackFacts = {
      backend_url: backendUrl,
      admin_url: `${backendUrl}/app`,
      storefront_url: storefrontUrl,
      database: prepared.embedded ? "embedded" : "external",
      admin: prepared.admin,
      publishable_keys: keys,
      supplier_logins: supplierLogins,
      procurement_logins: demoProcurementLogins(prepared.supplierPassword),
      showroom,
      started_at: new Date().toISOString(),
    }
    return { ...prepared, facts, backend, seeded }
  } catch (error) {
    await prepared.stop()
    throw error
  }
}
