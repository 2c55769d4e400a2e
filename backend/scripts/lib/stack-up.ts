import fs from "node:fs"
import path from "node:path"
import type { ChildProcess } from "node:child_process"
import {
  assertDatabaseReachable,
  assertPortFree,
  databaseName,
  ensureDatabase,
  redactUrl,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from "./database"
import { ensureEnvFile } from "./env-file"
import { buildBackend, buildPlugins, runMedusa, spawnMedusa, stopChild, waitForHealth } from "./medusa"
import { BACKEND_DIR, DATA_DIR, ENV_FILE, MEDUSA_BUILD_DIR } from "./paths"
import { adminToken, publishableKeys, readSeedMarker, type StackFacts } from "./stack"

export interface StackOptions {
  port: number
  /** Serve the built app with the admin dashboard (npm start) or run from source without it (tests). */
  mode: "built" | "source"
  /** Where the Medusa processes write their output. */
  output: "inherit" | { dir: string }
  log: (line: string) => void
  /** Test clusters skip fsync; `npm start` keeps PostgreSQL durable. */
  durableDatabase?: boolean
  embeddedPort?: number
  /** Database name on an external server (tests use a throwaway one). */
  databaseName?: string
  dataDir?: string
  /** Where generated secrets are kept (default: the root `.env`). */
  envFile?: string
}

export interface RunningStack {
  facts: StackFacts
  databaseUrl: string
  env: NodeJS.ProcessEnv
  embedded: EmbeddedServer | null
  backend: ChildProcess
  seeded: "now" | "already"
  stop(): Promise<void>
}

export const SEED_SCRIPT = "scripts/exec/seed-demo.ts"

/**
 * Brings the whole platform up: database (embedded or given), migrations, seed once, build,
 * backend. Used by `npm start` and by the test harness, so both run the same path.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { log } = options
  const dataDir = options.dataDir ?? DATA_DIR
  fs.mkdirSync(dataDir, { recursive: true })
  const secrets = ensureEnvFile(options.envFile)
  await assertPortFree(options.port)

  let embedded: EmbeddedServer | null = null
  let databaseUrl = process.env.DATABASE_URL?.trim() || ""
  const stopAll: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const step of stopAll.reverse()) await step().catch((error) => log(`shutdown: ${error}`))
    stopAll.length = 0
  }

  try {
    if (databaseUrl) {
      log(`database: ${redactUrl(databaseUrl)} (DATABASE_URL)`)
      await assertDatabaseReachable(databaseUrl)
      if (options.databaseName) {
        const url = new URL(databaseUrl)
        url.pathname = `/${options.databaseName}`
        databaseUrl = url.toString()
      }
      await ensureDatabase(databaseUrl, databaseName(databaseUrl))
    } else {
      const port = options.embeddedPort ?? Number(process.env.EMBEDDED_PG_PORT || 54329)
      log(`database: embedded PostgreSQL on port ${port}, data in ${path.join(dataDir, "pg")}`)
      embedded = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, "pg"),
        port,
        password: secrets.EMBEDDED_PG_PASSWORD,
        durable: options.durableDatabase ?? true,
      })
      stopAll.push(() => embedded!.stop())
      databaseUrl = embedded.url(options.databaseName ?? "gongwucang")
      await ensureDatabase(databaseUrl, databaseName(databaseUrl))
    }
    await assertDatabaseReachable(databaseUrl)

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV || "development",
      DATABASE_URL: databaseUrl,
      JWT_SECRET: secrets.JWT_SECRET,
      COOKIE_SECRET: secrets.COOKIE_SECRET,
      ADMIN_EMAIL: secrets.ADMIN_EMAIL,
      ADMIN_PASSWORD: secrets.ADMIN_PASSWORD,
      GWC_DATA_DIR: dataDir,
      GWC_ENV_FILE: options.envFile ?? ENV_FILE,
      PORT: String(options.port),
      MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL || `http://localhost:${options.port}`,
      ...(options.mode === "source" ? { ADMIN_DISABLED: "true" } : {}),
    }
    const output = (name: string) =>
      options.output === "inherit" ? ("inherit" as const) : { file: path.join(options.output.dir, `${name}.log`) }

    log("building plugins…")
    await buildPlugins(log)
    if (options.mode === "built") await buildBackend(env, log)

    log("running migrations…")
    await runMedusa(["db:migrate"], { env, output: output("migrate") })

    const marker = await readSeedMarker(databaseUrl)
    let seeded: RunningStack["seeded"] = "already"
    if (!marker) {
      log("seeding demo data (first start)…")
      await runMedusa(["exec", SEED_SCRIPT], { env, output: output("seed"), cwd: BACKEND_DIR })
      seeded = "now"
    } else {
      log(`demo data already seeded (version ${marker.version}); not seeding again`)
    }

    log("starting backend…")
    const backend = spawnMedusa(["start", "--port", String(options.port)], {
      env,
      output: output("backend"),
      cwd: options.mode === "built" ? MEDUSA_BUILD_DIR : BACKEND_DIR,
    })
    stopAll.push(() => stopChild(backend))
    const backendUrl = `http://localhost:${options.port}`
    await waitForHealth(backendUrl, backend)

    const admin = { email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD }
    const token = await adminToken(backendUrl, admin)
    const facts: StackFacts = {
      backend_url: backendUrl,
      admin_url: `${backendUrl}/app`,
      database: embedded ? "embedded" : "external",
      admin,
      publishable_keys: await publishableKeys(backendUrl, token),
      started_at: new Date().toISOString(),
    }
    return { facts, databaseUrl, env, embedded, backend, seeded, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
