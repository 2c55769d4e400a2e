import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { freePort } from "../../backend/scripts/lib/database"
import { parseEnv } from "../../backend/scripts/lib/env-file"
import { ROOT_DIR } from "../../backend/scripts/lib/paths"
import type { StackFacts } from "../../backend/scripts/lib/stack"
import { generateCatalogue } from "../../seed/src"

// `npm start` exactly as a person runs it on a fresh machine: no DATABASE_URL (so the embedded
// PostgreSQL), a data folder of its own, then Ctrl-C (SIGINT to the whole process group).
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "gwc-start-"))
fs.chmodSync(runDir, 0o755)
const dataDir = path.join(runDir, "data")
const envFile = path.join(runDir, ".env")
const expectedProducts = generateCatalogue(20261122).products.length

interface Run {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

let current: Run | null = null

async function npmStart(port: number, pgPort: number): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    GWC_DATA_DIR: dataDir,
    GWC_ENV_FILE: envFile,
  }
  delete env.DATABASE_URL
  delete env.NODE_ENV
  const child = spawn("npm", ["start"], { cwd: ROOT_DIR, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  child.stdout!.on("data", (chunk) => (output += chunk))
  child.stderr!.on("data", (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  current = { child, output: () => output, exited }
  return current
}

async function waitFor(run: Run, text: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | null | undefined
  run.exited.then((code) => (exitCode = code))
  while (Date.now() < deadline) {
    if (run.output().includes(text)) return
    if (exitCode !== undefined) throw new Error(`npm start exited (${exitCode}) before "${text}":\n${run.output().slice(-4000)}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`timed out waiting for "${text}":\n${run.output().slice(-4000)}`)
}

/**
 * Ctrl-C: the terminal sends SIGINT to every process in the foreground group. npm itself dies of
 * the signal at once; our start script then stops the backend and PostgreSQL and says so.
 */
async function ctrlC(run: Run) {
  process.kill(-run.child.pid!, "SIGINT")
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline && (!run.output().includes("[gongwucang] stopped") || leftoverProcesses().length)) {
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  expect(run.output(), run.output().slice(-3000)).toContain("[gongwucang] stopped")
  expect(run.output()).not.toMatch(/shutdown: /) // no step of the shutdown failed
}

/** Any process still running that belongs to this run (postgres on its data dir, or Medusa). */
function leftoverProcesses(): string[] {
  const found: string[] = []
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8")
      if (cmdline.includes(dataDir) || environ.includes(`GWC_DATA_DIR=${dataDir}`)) found.push(`${pid}: ${cmdline}`)
    } catch {
      // the process ended while we looked
    }
  }
  return found
}

async function productCount(facts: StackFacts) {
  const response = await fetch(`${facts.backend_url}/store/products?limit=1`, {
    headers: { "x-publishable-api-key": facts.publishable_keys.online.token },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { count: number }).count
}

afterAll(async () => {
  if (current && current.child.exitCode === null) {
    try {
      process.kill(-current.child.pid!, "SIGINT")
      await Promise.race([current.exited, new Promise((resolve) => setTimeout(resolve, 30_000))])
    } catch {
      // already gone
    }
  }
  if (!process.env.GWC_KEEP_TEST_DIR) fs.rmSync(runDir, { recursive: true, force: true })
})

describe("npm start on a fresh machine (embedded PostgreSQL)", () => {
  let facts: StackFacts
  let port: number

  it("builds, migrates, seeds once and serves the catalogue; prints URLs, logins and keys", async () => {
    port = await freePort()
    const run = await npmStart(port, await freePort())
    await waitFor(run, "Press Ctrl-C to stop.", 900_000)

    facts = JSON.parse(fs.readFileSync(path.join(dataDir, "dev-stack.json"), "utf8"))
    const secrets = parseEnv(fs.readFileSync(envFile, "utf8"))
    expect(facts.database).toBe("embedded")
    expect(facts.admin).toEqual({ email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD })
    for (const printed of [facts.backend_url, facts.admin_url, secrets.ADMIN_EMAIL, secrets.ADMIN_PASSWORD, facts.publishable_keys.online.token]) {
      expect(run.output()).toContain(printed)
    }
    expect(run.output()).toContain("seeding demo data (first start)")

    expect((await fetch(`http://localhost:${port}/health`)).status).toBe(200)
    expect(await productCount(facts)).toBe(expectedProducts)
    // The admin dashboard is built and served.
    const dashboard = await fetch(`${facts.admin_url}/`)
    expect(dashboard.status).toBe(200)
    expect(await dashboard.text()).toContain("<div id=\"medusa\"")

    // Something an operator changes must survive the restart.
    const login = await fetch(`${facts.backend_url}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(facts.admin),
    })
    const { token } = (await login.json()) as { token: string }
    const created = await fetch(`${facts.backend_url}/admin/product-tags`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ value: "重启后仍在 persists-across-restart" }),
    })
    expect(created.status).toBe(200)

    await ctrlC(run)
    expect(run.output()).toContain("stopped")
    expect(leftoverProcesses()).toEqual([])
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false)
  }, 1_200_000)

  it("starts again with the same data and does not reseed", async () => {
    const run = await npmStart(port, await freePort())
    await waitFor(run, "Press Ctrl-C to stop.", 600_000)
    expect(run.output()).toContain("already seeded")
    expect(run.output()).not.toContain("seeding demo data (first start)")

    const again: StackFacts = JSON.parse(fs.readFileSync(path.join(dataDir, "dev-stack.json"), "utf8"))
    expect(again.publishable_keys).toEqual(facts.publishable_keys)
    expect(await productCount(again)).toBe(expectedProducts)
    const tags = await fetch(`${again.backend_url}/store/product-tags?value=${encodeURIComponent("重启后仍在 persists-across-restart")}`, {
      headers: { "x-publishable-api-key": again.publishable_keys.online.token },
    })
    expect(((await tags.json()) as { product_tags: unknown[] }).product_tags).toHaveLength(1)

    await ctrlC(run)
    expect(leftoverProcesses()).toEqual([])
  }, 900_000)
})
