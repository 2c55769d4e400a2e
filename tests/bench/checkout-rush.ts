import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { ChildProcess } from "node:child_process"
import { Client } from "pg"
import { freePort } from "../../backend/scripts/lib/database"
import { spawnMedusa, stopChild, waitForHealth } from "../../backend/scripts/lib/medusa"
import { MEDUSA_BUILD_DIR } from "../../backend/scripts/lib/paths"
import { adminToken, publishableKeys, readSeedMarker } from "../../backend/scripts/lib/stack"
import { prepareStack, runSeed, seedDecision, type PreparedStack } from "../../backend/scripts/lib/stack-up"

/**
 * Checkout rush benchmark (issue 9): many buyers complete checkout at the same moment for the
 * last units of a product, compared across backend configurations in one run.
 *
 *   npm run bench:checkout                         # 3 rounds of each pool size, 50 buyers, 10 units
 *   npm run bench:checkout -- --rounds 2 --buyers 50 --stock 10 --pools 10,40 [--keep]
 *
 * 1. Boots the database as `npm start` does (throwaway embedded PostgreSQL, durable, migrated,
 *    demo seed; built backend), without the storefront.
 * 2. Rounds alternate the configurations (10, 40, 10, 40, …) so that whatever else the machine
 *    is doing hits both alike. Each round starts its own `medusa start` on that database with
 *    DATABASE_POOL_MAX set, creates a fresh published product with --stock units in the online
 *    channel's stock location, registers --buyers buyers and readies a cart for each (1 unit,
 *    address, delivery, payment collection with a `pp_system_default` session). Only then the
 *    timer starts: every `POST /store/carts/:id/complete` is sent at once.
 * 3. Per round: burst wall time, each buyer's wait (p50/p95/max), outcomes, and the invariants
 *    (exactly --stock orders, stock fully reserved and never negative, no live payment without
 *    an order). A round that breaks them makes the script exit with 1 after the report.
 * 4. Prints a Markdown table: medians over the rounds of each configuration, then every round.
 */

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  if (at < 0) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number of at least 1`)
  return value
}

function pools(): number[] {
  const at = process.argv.indexOf("--pools")
  const text = at < 0 ? "10,40" : process.argv[at + 1] ?? ""
  const values = text.split(",").map((v) => Number(v.trim()))
  if (!values.length || values.some((v) => !Number.isInteger(v) || v < 2 || v > 200)) {
    throw new Error("--pools takes pool sizes from 2 to 200, comma-separated (e.g. 10,40)")
  }
  return values
}

const ROUNDS = option("rounds", 3)
const BUYERS = option("buyers", 50)
const STOCK = option("stock", 10)
const POOLS = pools()
const KEEP = process.argv.includes("--keep")
// Preparing the carts leaves events and jobs behind (search ingestion, cart hooks); let them
// finish so the burst measures the completions only.
const SETTLE_MS = 3_000
const PREPARE_CONCURRENCY = 10

const log = (line: string) => console.error(`[bench] ${line}`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms: number) => (ms / 1000).toFixed(2)

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

const median = (values: number[]) => {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

interface Answer<T = any> {
  status: number
  body: T
}

function parse(text: string): any {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return text
  }
}

async function call(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init)
  return { status: response.status, body: parse(await response.text()) }
}

function ok<T extends Answer>(what: string, answer: T): T {
  if (answer.status < 200 || answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`)
  return answer
}

interface Buyer {
  email: string
  token: string
}

class Api {
  constructor(
    readonly base: string,
    private readonly adminBearer: string,
    private readonly publishableKey: string
  ) {}

  admin(route: string, body?: unknown): Promise<Answer> {
    return call(`${this.base}${route}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${this.adminBearer}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  /** A store call with the online channel's key, as the buyer when one is given. */
  store(route: string, buyer: Buyer | null, body?: unknown): Promise<Answer> {
    return call(`${this.base}${route}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        "x-publishable-api-key": this.publishableKey,
        ...(buyer ? { authorization: `Bearer ${buyer.token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }
}

// ---------------------------------------------------------------------------------------------
// Backend per round
// ---------------------------------------------------------------------------------------------

interface Backend {
  api: Api
  child: ChildProcess
}

async function startBackend(prepared: PreparedStack, pool: number, label: string): Promise<Backend> {
  const port = await freePort()
  const url = `http://localhost:${port}`
  const child = spawnMedusa(["start", "--port", String(port)], {
    env: { ...prepared.env, PORT: String(port), MEDUSA_BACKEND_URL: url, DATABASE_POOL_MAX: String(pool) },
    output: prepared.output(`backend-${label}`),
    cwd: MEDUSA_BUILD_DIR,
  })
  // Also stopped with the stack, so Ctrl-C in the middle of a round leaves no backend behind.
  prepared.onStop(() => stopChild(child))
  try {
    await waitForHealth(url, child, 300_000)
    const token = await adminToken(url, prepared.admin)
    const keys = await publishableKeys(url, token)
    return { api: new Api(url, token, keys.online.token), child }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}

// ---------------------------------------------------------------------------------------------
// Round preparation (untimed)
// ---------------------------------------------------------------------------------------------

const SHIPPING_ADDRESS = {
  first_name: "晓明",
  last_name: "王",
  address_1: "天府大道北段 966 号",
  city: "成都",
  province: "四川省",
  postal_code: "610041",
  country_code: "cn",
  phone: "13800000000",
}

interface Scarce {
  productId: string
  variantId: string
  inventoryItemId: string
  locationId: string
}

/** As checkout-race.test.ts: a published goods product in the online channel, STOCK units in its location. */
async function scarceProduct(api: Api, round: number): Promise<Scarce> {
  const channels = ok("sales channels", await api.admin("/admin/sales-channels?limit=50")).body.sales_channels as { id: string; name: string }[]
  const online = channels.find((c) => /online/i.test(c.name))
  if (!online) throw new Error(`no online sales channel in ${JSON.stringify(channels.map((c) => c.name))}`)
  const locations = ok("stock locations", await api.admin(`/admin/stock-locations?sales_channel_id=${online.id}&limit=10`)).body.stock_locations
  if (!locations.length) throw new Error("the online channel has no stock location")
  const locationId = locations[0].id as string
  const profiles = ok("shipping profiles", await api.admin("/admin/shipping-profiles?limit=10")).body.shipping_profiles
  const profile = profiles.find((p: { type: string }) => p.type === "default") ?? profiles[0]
  const sku = `RUSH-${round}-${Date.now().toString(36)}`
  const created = ok(
    "create product",
    await api.admin("/admin/products", {
      title: `限量档案柜 ${sku}`,
      status: "published",
      shipping_profile_id: profile.id,
      sales_channels: [{ id: online.id }],
      metadata: { offer_kind: "goods" },
      options: [{ title: "规格", values: ["标准"] }],
      variants: [{ title: "标准", sku, manage_inventory: true, options: { 规格: "标准" }, prices: [{ amount: 880, currency_code: "cny" }] }],
    })
  ).body.product
  const items = ok("inventory item", await api.admin(`/admin/inventory-items?sku=${sku}`)).body.inventory_items
  const inventoryItemId = items[0].id as string
  ok("stock level", await api.admin(`/admin/inventory-items/${inventoryItemId}/location-levels`, { location_id: locationId, stocked_quantity: STOCK }))
  return { productId: created.id, variantId: created.variants[0].id, inventoryItemId, locationId }
}

/** Medusa's emailpass registration, the customer record, then a login. */
async function registerBuyer(api: Api, label: string): Promise<Buyer> {
  const email = `${label}-${Date.now().toString(36)}-${process.pid}@example.cn`
  const password = "Buyer-bench-1"
  const auth = async (route: string) => {
    const answer = ok(route, await call(`${api.base}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) }))
    if (!answer.body?.token) throw new Error(`${route}: no token in ${JSON.stringify(answer.body)}`)
    return answer.body.token as string
  }
  const registration = { email, token: await auth("/auth/customer/emailpass/register") }
  ok("create customer", await api.store("/store/customers", registration, { email, first_name: "压测", last_name: "买家" }))
  return { email, token: await auth("/auth/customer/emailpass") }
}

interface Contender {
  buyer: Buyer
  cartId: string
  sessionId: string
}

/** Everything of a checkout but the last step. */
async function readyCart(api: Api, buyer: Buyer, regionId: string, variantId: string): Promise<Contender> {
  const cart = ok("cart", await api.store("/store/carts", buyer, { region_id: regionId })).body.cart
  ok("line item", await api.store(`/store/carts/${cart.id}/line-items`, buyer, { variant_id: variantId, quantity: 1 }))
  ok("address", await api.store(`/store/carts/${cart.id}`, buyer, { shipping_address: SHIPPING_ADDRESS }))
  const options = ok("shipping options", await api.store(`/store/shipping-options?cart_id=${cart.id}`, buyer)).body.shipping_options
  const delivery = options.find((o: { type?: { code?: string } }) => o.type?.code === "standard-delivery") ?? options[0]
  if (!delivery) throw new Error(`cart ${cart.id} has no shipping option`)
  ok("shipping method", await api.store(`/store/carts/${cart.id}/shipping-methods`, buyer, { option_id: delivery.id }))
  const collection = ok("payment collection", await api.store("/store/payment-collections", buyer, { cart_id: cart.id })).body.payment_collection
  const session = ok(
    "payment session",
    await api.store(`/store/payment-collections/${collection.id}/payment-sessions`, buyer, { provider_id: "pp_system_default" })
  ).body.payment_collection.payment_sessions[0]
  return { buyer, cartId: cart.id, sessionId: session.id }
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))))
  return out
}

// ---------------------------------------------------------------------------------------------
// Burst and checks
// ---------------------------------------------------------------------------------------------

type Outcome = "order" | "out of stock" | "busy" | "5xx" | "other"

interface Completion {
  contender: Contender
  ms: number
  status: number
  outcome: Outcome
  orderId?: string
  message?: string
}

function classify(status: number, body: any): Outcome {
  if (status === 200 && body?.type === "order") return "order"
  if (status === 400) return "out of stock"
  if (status === 409) return "busy"
  if (status >= 500) return "5xx"
  return "other"
}

async function burst(api: Api, contenders: Contender[]): Promise<{ wallMs: number; completions: Completion[] }> {
  const started = performance.now()
  const completions = await Promise.all(
    contenders.map(async (contender): Promise<Completion> => {
      const sent = performance.now()
      try {
        const answer = await api.store(`/store/carts/${contender.cartId}/complete`, contender.buyer, {})
        return {
          contender,
          ms: performance.now() - sent,
          status: answer.status,
          outcome: classify(answer.status, answer.body),
          orderId: answer.body?.order?.id,
          message: answer.body?.error?.message ?? answer.body?.message,
        }
      } catch (error) {
        // A dropped connection counts as a server failure, not as a lost measurement.
        return { contender, ms: performance.now() - sent, status: 0, outcome: "5xx", message: String(error) }
      }
    })
  )
  return { wallMs: performance.now() - started, completions }
}

/** The invariants of issue 9 for one round; returns what is broken (empty when all hold). */
async function checkInvariants(api: Api, db: Client, scarce: Scarce, completions: Completion[]): Promise<string[]> {
  const broken: string[] = []
  const winners = completions.filter((c) => c.outcome === "order")
  const orderIds = new Set(winners.map((c) => c.orderId))
  if (winners.length !== STOCK || orderIds.size !== STOCK) broken.push(`${winners.length} order answers (${orderIds.size} distinct), expected ${STOCK}`)

  // Orders in the database, whatever the answers said (an order behind a 5xx counts too).
  const { rows } = await db.query(
    `select count(distinct o.id)::int as n from "order" o
       join order_item oi on oi.order_id = o.id and oi.deleted_at is null
       join order_line_item li on li.id = oi.item_id
      where li.variant_id = $1 and o.deleted_at is null and o.status <> 'canceled'`,
    [scarce.variantId]
  )
  if (rows[0].n !== STOCK) broken.push(`${rows[0].n} live orders of the product in the database, expected ${STOCK}`)

  const level = ok("level", await api.admin(`/admin/inventory-items/${scarce.inventoryItemId}/location-levels?location_id=${scarce.locationId}`)).body
    .inventory_levels[0]
  if (Number(level.stocked_quantity) !== STOCK || Number(level.reserved_quantity) !== STOCK || Number(level.available_quantity) !== 0) {
    broken.push(`stock level stocked ${level.stocked_quantity} / reserved ${level.reserved_quantity} / available ${level.available_quantity}, expected ${STOCK} / ${STOCK} / 0`)
  }
  const reservations = ok("reservations", await api.admin(`/admin/reservations?inventory_item_id=${scarce.inventoryItemId}&limit=500`)).body.reservations
  const reserved = reservations.reduce((sum: number, r: { quantity: number }) => sum + Number(r.quantity), 0)
  if (reserved !== STOCK) broken.push(`reservations hold ${reserved} units, expected ${STOCK}`)

  // No live payment without an order: a loser's authorisation is cancelled, never captured.
  const sessions = completions.map((c) => `payment_session_id[]=${c.contender.sessionId}`).join("&")
  const payments = ok("payments", await api.admin(`/admin/payments?${sessions}&limit=500&fields=id,payment_session_id,captured_at,canceled_at`)).body
    .payments as { payment_session_id: string; captured_at: string | null; canceled_at: string | null }[]
  const winningSessions = new Set(winners.map((c) => c.contender.sessionId))
  const loose = payments.filter((p) => !winningSessions.has(p.payment_session_id) && (p.captured_at || !p.canceled_at))
  if (loose.length) broken.push(`${loose.length} live or captured payments of buyers without an order`)
  for (const session of winningSessions) {
    const live = payments.filter((p) => p.payment_session_id === session && !p.canceled_at).length
    if (live !== 1) broken.push(`a winner's session ${session} has ${live} live payments`)
  }
  return broken
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

interface RoundResult {
  round: number
  pool: number
  load1: number
  wallMs: number
  firstMs: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  counts: Record<Outcome, number>
  broken: string[]
  firstMessages: string[]
}

const OUTCOMES: Outcome[] = ["order", "out of stock", "busy", "5xx", "other"]

function report(results: RoundResult[], machine: string): string[] {
  const out: string[] = []
  out.push(machine, "")
  out.push(`Medians over the rounds of each configuration (${BUYERS} buyers, ${STOCK} units; waits in seconds):`, "")
  out.push("| configuration | rounds | burst (s) | first answer | wait p50 | wait p95 | wait max | 200 order | 400 out of stock | 409 busy | 5xx | other | invariants |")
  out.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
  for (const pool of POOLS) {
    const mine = results.filter((r) => r.pool === pool)
    if (!mine.length) continue
    const med = (pick: (r: RoundResult) => number) => median(mine.map(pick))
    const held = mine.filter((r) => !r.broken.length).length
    out.push(
      `| DATABASE_POOL_MAX=${pool} | ${mine.length} | ${seconds(med((r) => r.wallMs))} | ${seconds(med((r) => r.firstMs))} | ${seconds(med((r) => r.p50Ms))} | ` +
        `${seconds(med((r) => r.p95Ms))} | ${seconds(med((r) => r.maxMs))} | ${OUTCOMES.map((o) => med((r) => r.counts[o])).join(" | ")} | ${held}/${mine.length} held |`
    )
  }
  out.push("", "Every round, in the order run (load = 1-minute load average when the burst started):", "")
  out.push("| round | configuration | load | burst (s) | first answer | wait p50 | wait p95 | wait max | 200 | 400 | 409 | 5xx | other | invariants |")
  out.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
  for (const r of results) {
    out.push(
      `| ${r.round} | pool ${r.pool} | ${r.load1.toFixed(2)} | ${seconds(r.wallMs)} | ${seconds(r.firstMs)} | ${seconds(r.p50Ms)} | ${seconds(r.p95Ms)} | ${seconds(r.maxMs)} | ` +
        `${OUTCOMES.map((o) => r.counts[o]).join(" | ")} | ${r.broken.length ? `**broken**: ${r.broken.join("; ")}` : "held"} |`
    )
  }
  // One example per kind of answer: the messages differ only by the ids in them.
  const examples = new Map<string, string>()
  for (const message of results.flatMap((r) => r.firstMessages)) if (!examples.has(message.split(":")[0])) examples.set(message.split(":")[0], message)
  if (examples.size) out.push("", "Answers other than orders, one example of each kind:", ...[...examples.values()].map((m) => `- ${m}`))
  return out
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function runRound(prepared: PreparedStack, db: Client, round: number, pool: number): Promise<RoundResult> {
  const label = `r${round}-pool${pool}`
  log(`round ${round}: starting a backend with DATABASE_POOL_MAX=${pool}…`)
  const backend = await startBackend(prepared, pool, label)
  try {
    const { api } = backend
    const regions = ok("regions", await api.store("/store/regions", null)).body.regions
    const region = regions.find((r: { currency_code: string }) => r.currency_code === "cny")
    if (!region) throw new Error("no region sells in CNY")
    const scarce = await scarceProduct(api, round)
    log(`round ${round}: preparing ${BUYERS} buyers with ready carts…`)
    const buyers = await inBatches(
      Array.from({ length: BUYERS }, (_, i) => i),
      PREPARE_CONCURRENCY,
      (i) => registerBuyer(api, `rush-${label}-${i}`)
    )
    const contenders = await inBatches(buyers, PREPARE_CONCURRENCY, (buyer) => readyCart(api, buyer, region.id, scarce.variantId))
    await sleep(SETTLE_MS)

    const load1 = os.loadavg()[0]
    log(`round ${round}: ${BUYERS} completions at once (load ${load1.toFixed(2)})…`)
    const { wallMs, completions } = await burst(api, contenders)
    const waits = completions.map((c) => c.ms)
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, completions.filter((c) => c.outcome === o).length])) as Record<Outcome, number>
    const broken = await checkInvariants(api, db, scarce, completions)
    const firstMessages: string[] = []
    for (const outcome of OUTCOMES.filter((o) => o !== "order")) {
      const c = completions.find((x) => x.outcome === outcome)
      if (c) firstMessages.push(`${outcome}: HTTP ${c.status} ${(c.message ?? "").slice(0, 200)}`)
    }
    const result: RoundResult = {
      round,
      pool,
      load1,
      wallMs,
      firstMs: Math.min(...waits),
      p50Ms: percentile(waits, 50),
      p95Ms: percentile(waits, 95),
      maxMs: Math.max(...waits),
      counts,
      broken,
      firstMessages,
    }
    log(
      `round ${round} (pool ${pool}): burst ${seconds(wallMs)} s, wait p50 ${seconds(result.p50Ms)} / p95 ${seconds(result.p95Ms)} s; ` +
        `${OUTCOMES.map((o) => `${counts[o]} ${o}`).join(", ")}; invariants ${broken.length ? `BROKEN: ${broken.join("; ")}` : "held"}`
    )
    return result
  } finally {
    await stopChild(backend.child)
  }
}

async function main() {
  const wallStarted = performance.now()
  const cpus = os.cpus()
  const machine =
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}; ` +
    `load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")} (1 / 5 / 15 min).`
  log(machine)

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "gwc-bench-checkout-"))
  fs.chmodSync(runDir, 0o755)
  const logDir = path.join(runDir, "logs")
  const prepared = await prepareStack({
    port: await freePort(),
    embeddedPort: await freePort(),
    mode: "built",
    output: { dir: logDir },
    log,
    dataDir: runDir,
    envFile: path.join(runDir, ".env"),
  }).catch((error) => {
    fs.rmSync(runDir, { recursive: true, force: true })
    throw error
  })
  // Ctrl-C or a kill: stop the round's backend and PostgreSQL (both registered with the stack).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping…`)
      void prepared.stop().finally(() => {
        if (!KEEP) fs.rmSync(runDir, { recursive: true, force: true })
        process.exit(130)
      })
    })
  }
  const db = new Client({ connectionString: prepared.databaseUrl })
  const results: RoundResult[] = []
  let completed = false
  try {
    if (seedDecision(await readSeedMarker(prepared.databaseUrl)) !== "skip") {
      log("seeding demo data…")
      await runSeed(prepared)
    }
    await db.connect()
    for (let round = 1; round <= ROUNDS * POOLS.length; round++) {
      const pool = POOLS[(round - 1) % POOLS.length]
      results.push(await runRound(prepared, db, round, pool))
    }
    completed = true
  } finally {
    await db.end().catch(() => undefined)
    await prepared.stop()
    if (KEEP) log(`kept ${runDir}`)
    else if (completed) fs.rmSync(runDir, { recursive: true, force: true })
    else {
      // A failed run keeps its logs for the post-mortem; the database goes.
      fs.rmSync(path.join(runDir, "pg"), { recursive: true, force: true })
      log(`the run failed: logs kept in ${logDir}`)
    }
  }

  console.log(["", ...report(results, machine), "", `Whole run: ${((performance.now() - wallStarted) / 60_000).toFixed(1)} min.`].join("\n"))
  if (results.some((r) => r.broken.length)) {
    log("invariants broken in at least one round (see the table)")
    process.exitCode = 1
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
