import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { TestProject } from "vitest/node"
import { dropDatabase, freePort } from "../../backend/scripts/lib/database"
import { startStack } from "../../backend/scripts/lib/stack-up"
import { startFakeStripe } from "../support/fake-stripe"
import type { TestStack } from "../support/stack"

/**
 * Boots the platform once for the whole "stack" project: a throwaway database (on DATABASE_URL's
 * server when set, else a fresh embedded PostgreSQL), migrations, the demo seed, and the real
 * Medusa backend on a free port. Test files reach it over HTTP via `inject("stack")`.
 */
export default async function setup(project: TestProject) {
  const started = Date.now()
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "gwc-test-"))
  fs.chmodSync(runDir, 0o755)
  const logDir = path.join(runDir, "logs")
  const databaseName = `gwc_test_${process.pid}_${Date.now().toString(36)}`
  const log = (line: string) => process.stdout.write(`[test stack] ${line}\n`)

  // Stripe's servers are unreachable here: the backend's Stripe providers talk to a local fake of
  // Stripe's HTTP API (tests/support/fake-stripe.ts), started first so its address is in the env.
  // The storefront gets the same env: its STRIPE_PUBLISHABLE_KEY turns on card payments through
  // Stripe.js, which browser tests serve from tests/support/fake-stripe-js.ts in js.stripe.com's place.
  const fakeStripe = await startFakeStripe()
  log(`fake Stripe API at ${fakeStripe.url}`)

  const stack = await startStack({
    port: await freePort(),
    storefrontPort: await freePort(),
    mode: "source",
    output: { dir: logDir },
    log,
    durableDatabase: false,
    embeddedPort: await freePort(),
    databaseName,
    dataDir: runDir,
    envFile: path.join(runDir, ".env"),
    // Kiosk routes are limited per kiosk key (default 50 req/s, bursts of 100). A test client on a
    // shared 2-core box cannot send more than ~40 req/s, so the stack runs at 10 req/s (same burst)
    // for tests/integration/showroom-kiosk.test.ts to see 429s; no other test comes near it.
    env: { ...fakeStripe.env, GWC_KIOSK_RATE_LIMIT: "10/100" },
  }).catch(async (error) => {
    await fakeStripe.stop()
    throw error
  })
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${stack.facts.backend_url} (logs: ${logDir})`)

  const provided: TestStack = {
    facts: stack.facts,
    databaseUrl: stack.databaseUrl,
    env: Object.fromEntries(Object.entries(stack.env).filter((entry): entry is [string, string] => typeof entry[1] === "string")),
    runDir,
    logDir,
  }
  project.provide("stack", provided)

  return async () => {
    await stack.stop()
    await fakeStripe.stop()
    if (!stack.embedded) await dropDatabase(stack.databaseUrl, databaseName).catch(() => undefined)
    if (!process.env.GWC_KEEP_TEST_DIR) fs.rmSync(runDir, { recursive: true, force: true })
  }
}
