import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { execFileSync } from "node:child_process"
import { Client } from "pg"
import { freePort } from "../../backend/scripts/lib/database"
import { spawnMedusa, stopChild, waitForHealth } from "../../backend/scripts/lib/medusa"
import { MEDUSA_BUILD_DIR } from "../../backend/scripts/lib/paths"
import { adminToken, publishableKeys, readSeedMarker, type StackFacts } from "../../backend/scripts/lib/stack"
import { prepareStack, runSeed, seedDecision, startStack, type PreparedStack } from "../../backend/scripts/lib/stack-up"
import { generateCatalogue } from "../../seed/src/catalogue/generate"
import type { ProductSeed } from "../../seed/src/catalogue/types"
import { specEntries } from "../../seed/src/catalogue/specs"
import { BRANDS, CATEGORY_TREE } from "../../seed/src/catalogue/vocabulary"

/**
 * Product search benchmark (issue 4) on a generated catalogue of 50,000 Chinese products:
 *   npm run bench:search                      # 50,000 products, 1,000 queries
 *   npm run bench:search -- --products 5000 --queries 200 --chunk 250 --concurrency 2 --ahead 1000
 *   npm run bench:search -- --with-storefront # boot the storefront too (as npm start does)
 *
 * 1. Boots the platform as `npm start` does (built backend, throwaway embedded PostgreSQL, demo
 *    seed of 344 products); the storefront only with --with-storefront (it is not measured, and
 *    its cache-notice subscriber would post one notice per created variant to it).
 * 2. Creates the products through `POST /admin/products/batch` (generateCatalogue(seed) for seed
 *    1, 2, …; handles and SKUs suffixed with the seed), then waits until the search index, fed by
 *    Medusa's product/variant events, holds every product.
 * 3. Full reindex through `POST /admin/search-indexes/product/reindex`, timed until the new
 *    version is active (search_index.active_version) and answers with every document.
 * 4. 1,000 mixed queries (deterministic), each with 4 facets and disjunctive faceting, some with
 *    an active brand or kind filter; sequential, interleaved with Medusa's
 *    `GET /store/products?q=` (the baseline) for the same query.
 * 5. Quality against "title matches" (titles containing every word of the query, NFKC +
 *    lowercase), computed from the titles created here plus the seeded ones.
 * 6. The issue's 20-query table.
 */

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  if (at < 0) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number`)
  return value
}

const PRODUCTS = option("products", 50_000)
const QUERY_COUNT = option("queries", 1_000)
const CHUNK = option("chunk", 250)
const CONCURRENCY = option("concurrency", 2)
const WITH_STOREFRONT = process.argv.includes("--with-storefront")
// Medusa's `q=` takes seconds a query at 50,000 products: time it on every Nth query only.
const BASELINE_EVERY = Math.max(1, option("baseline-every", 1))
/**
 * --attach DIR --backend URL --pg-port N: measure the queries on the stack of an earlier run
 * that was kept (--keep) or paused, instead of booting and loading one (its creation and
 * reindex figures are that run's).
 */
function textOption(name: string): string | null {
  const at = process.argv.indexOf(`--${name}`)
  return at < 0 ? null : process.argv[at + 1] ?? null
}
const ATTACH = textOption("attach")
const DRAIN_TIMEOUT_MS = option("drain-timeout-min", 180) * 60_000
const REINDEX_TIMEOUT_MS = option("reindex-timeout-min", 30) * 60_000
const TABLE_REPS = option("table-reps", 10)
const TABLE_BASELINE_REPS = option("table-baseline-reps", 5)
const MAX_BODY_BYTES = 1_800_000 // the batch route accepts 2 MB
// Every created product and variant is an event whose handler (search ingestion) starts at once
// and waits for a database connection; creating faster than they are handled piles them up
// behind the pool (10 connections, 60 s acquire timeout), so creates are held back to at most
// this many products ahead of the index.
const AHEAD = option("ahead", 1_000)

const log = (line: string) => console.error(`[bench] ${line}`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const fmt = (n: number, digits = 1) => n.toFixed(digits)
const int = (n: number) => n.toLocaleString("en-US")
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "n/a")

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  }
}

// ---------------------------------------------------------------------------------------------
// Stack
// ---------------------------------------------------------------------------------------------

interface Stack {
  prepared: PreparedStack
  facts: Pick<StackFacts, "backend_url" | "admin" | "publishable_keys">
  backendPid: number | undefined
  logDir: string
  stop(): Promise<void>
}

async function boot(runDir: string): Promise<Stack> {
  const logDir = path.join(runDir, "logs")
  const common = {
    port: await freePort(),
    embeddedPort: await freePort(),
    mode: "built" as const,
    output: { dir: logDir },
    log,
    dataDir: runDir,
    envFile: path.join(runDir, ".env"),
  }
  if (WITH_STOREFRONT) {
    const stack = await startStack({ ...common, storefrontPort: await freePort() })
    return { prepared: stack, facts: stack.facts, backendPid: stack.backend.pid, logDir, stop: () => stack.stop() }
  }
  // What startStack does, without building and starting the storefront.
  const prepared = await prepareStack(common)
  try {
    if (seedDecision(await readSeedMarker(prepared.databaseUrl)) !== "skip") {
      log("seeding demo data…")
      await runSeed(prepared)
    }
    log("starting backend…")
    const backend = spawnMedusa(["start", "--port", String(common.port)], {
      env: prepared.env,
      output: prepared.output("backend"),
      cwd: MEDUSA_BUILD_DIR,
    })
    prepared.onStop(() => stopChild(backend))
    const backendUrl = `http://localhost:${common.port}`
    await waitForHealth(backendUrl, backend)
    const token = await adminToken(backendUrl, prepared.admin)
    const keys = await publishableKeys(backendUrl, token)
    return {
      prepared,
      facts: { backend_url: backendUrl, admin: prepared.admin, publishable_keys: keys },
      backendPid: backend.pid,
      logDir,
      stop: () => prepared.stop(),
    }
  } catch (error) {
    await prepared.stop()
    throw error
  }
}

/** The stack of an earlier run, left running: facts from its .env, nothing to stop. */
async function attach(runDir: string): Promise<Stack> {
  const env = Object.fromEntries(
    fs
      .readFileSync(path.join(runDir, ".env"), "utf8")
      .split("\n")
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)])
  )
  const backendUrl = textOption("backend")
  const pgPort = textOption("pg-port")
  if (!backendUrl || !pgPort) throw new Error("--attach needs --backend URL and --pg-port N")
  const login = { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }
  const keys = await publishableKeys(backendUrl, await adminToken(backendUrl, login))
  return {
    prepared: { databaseUrl: `postgres://postgres:${encodeURIComponent(env.EMBEDDED_PG_PASSWORD)}@localhost:${pgPort}/gongwucang` } as PreparedStack,
    facts: { backend_url: backendUrl, admin: login, publishable_keys: keys },
    backendPid: undefined,
    logDir: path.join(runDir, "logs"),
    stop: async () => undefined,
  }
}

/** Every published product as the ground truth needs it, read from the database. */
async function productsFromDatabase(db: Client): Promise<Known[]> {
  const { rows } = await db.query(`select id, title, metadata from product where deleted_at is null and status = 'published'`)
  return rows.map(knownProduct)
}

/** What the ground truth needs of a product row (title, brand and kind from its metadata). */
function knownProduct(p: { id: string; title: string; metadata: any }): Known {
  const specs = (Array.isArray(p.metadata?.specs) ? p.metadata.specs : []) as { key: string; value: unknown }[]
  return {
    id: p.id,
    title: p.title,
    brand: specText(specs.find((s) => s.key === "brand")?.value),
    kind: typeof p.metadata?.offer_kind === "string" ? p.metadata.offer_kind : null,
    model: specText(specs.find((s) => s.key === "model")?.value),
  }
}

/** RSS of a process and its descendants, MiB. */
function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number))
    const wanted = new Set([pid])
    let grew = true
    while (grew) {
      grew = false
      for (const [p, pp] of rows) if (wanted.has(pp) && !wanted.has(p)) (wanted.add(p), (grew = true))
    }
    return rows.filter(([p]) => wanted.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

class Api {
  private token = ""
  constructor(
    readonly base: string,
    readonly publishableKey: string,
    private readonly login: { email: string; password: string }
  ) {}

  async signIn() {
    this.token = await adminToken(this.base, this.login)
  }

  async admin<T = any>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T; ms: number }> {
    const started = performance.now()
    const response = await fetch(`${this.base}${route}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: parse(text), ms: performance.now() - started }
  }

  async store<T = any>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T; ms: number }> {
    const started = performance.now()
    const response = await fetch(`${this.base}${route}`, {
      method,
      headers: { "x-publishable-api-key": this.publishableKey, ...(body ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: parse(text), ms: performance.now() - started }
  }
}

function parse(text: string): any {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return text
  }
}

interface SearchResult {
  hits: { id: string; document: Record<string, any> }[]
  facets?: Record<string, any>
  metadata: { count: number | null; processing_time_ms?: number }
}

async function search(api: Api, body: Record<string, unknown>) {
  const response = await api.store<{ results: SearchResult[] }>("POST", "/store/search", { entity: "product", ...body })
  return { status: response.status, ms: response.ms, result: response.status === 200 ? response.body.results[0] : null, raw: response.body }
}

async function indexedCount(api: Api): Promise<number> {
  const { result, status, raw } = await search(api, { pagination: { take: 0 } })
  if (!result) throw new Error(`POST /store/search answered ${status}: ${JSON.stringify(raw).slice(0, 300)}`)
  return result.metadata.count ?? 0
}

// ---------------------------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------------------------

/** What the benchmark knows of each product, for the ground truth. */
interface Known {
  id: string
  title: string
  brand: string | null
  kind: string | null
  model: string | null
}

const NO_VALUE = new Set(["", "无", "none", "n/a", "-"])
function specText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const s = String(value).trim()
  return NO_VALUE.has(s.toLowerCase()) ? null : s
}

interface Refs {
  categories: Map<string, string>
  types: Map<string, string>
  tags: Map<string, string>
  shippingProfile: string
  onlineChannel: string
}

async function references(api: Api): Promise<Refs> {
  const list = async (route: string, key: string) => {
    const response = await api.admin("GET", route)
    if (response.status !== 200) throw new Error(`GET ${route} answered ${response.status}`)
    return response.body[key] as Record<string, any>[]
  }
  const categories = await list("/admin/product-categories?fields=id,handle&limit=500", "product_categories")
  const types = await list("/admin/product-types?fields=id,value,metadata&limit=100", "product_types")
  const tags = await list("/admin/product-tags?fields=id,value&limit=500", "product_tags")
  const profiles = await list("/admin/shipping-profiles?fields=id,type&limit=50", "shipping_profiles")
  const channels = await list("/admin/sales-channels?fields=id,name&limit=50", "sales_channels")
  const online = channels.find((c) => c.name === "Online store")
  if (!online) throw new Error('no "Online store" sales channel')
  return {
    categories: new Map(categories.map((c) => [c.handle, c.id])),
    types: new Map(types.filter((t) => t.metadata?.offer_kind).map((t) => [t.metadata.offer_kind, t.id])),
    tags: new Map(tags.map((t) => [t.value, t.id])),
    shippingProfile: (profiles.find((p) => p.type === "default") ?? profiles[0]).id,
    onlineChannel: online.id,
  }
}


interface Planned {
  handle: string
  title: string
  brand: string | null
  kind: string
  model: string | null
  input: Record<string, unknown>
}

/** generateCatalogue(1), (2), … until `count` products, handles and SKUs suffixed with the seed. */
function planProducts(count: number, refs: Refs): Planned[] {
  const out: Planned[] = []
  for (let seed = 1; out.length < count; seed++) {
    const catalogue = generateCatalogue(seed)
    const suppliers = new Map(catalogue.suppliers.map((s) => [s.code, s]))
    for (const product of catalogue.products) {
      if (out.length >= count) break
      out.push(plan(product, seed, suppliers.get(product.supplier_code)!, refs))
    }
  }
  return out
}

function plan(product: ProductSeed, seed: number, supplier: { code: string; name: string }, refs: Refs): Planned {
  const handle = `${product.handle}-s${seed}`
  const categoryId = refs.categories.get(product.category_handle)
  if (!categoryId) throw new Error(`unknown category ${product.category_handle}`)
  const tagIds = product.tags.map((t) => refs.tags.get(t)).filter((id): id is string => !!id)
  return {
    handle,
    title: product.title,
    brand: specText(product.specs.brand),
    kind: product.kind,
    model: specText(product.specs.model),
    input: {
      title: product.title,
      subtitle: product.subtitle,
      description: product.description,
      handle,
      status: "published",
      origin_country: "cn",
      type_id: refs.types.get(product.kind),
      categories: [{ id: categoryId }],
      tags: tagIds.map((id) => ({ id })),
      shipping_profile_id: refs.shippingProfile,
      sales_channels: [{ id: refs.onlineChannel }],
      options: product.options,
      variants: product.variants.map((variant) => ({
        title: variant.title,
        sku: `${variant.sku}-S${seed}`,
        options: variant.options,
        manage_inventory: false,
        allow_backorder: false,
        prices: [{ amount: variant.price_cny, currency_code: "cny" }],
      })),
      metadata: {
        offer_kind: product.kind,
        supplier_code: supplier.code,
        supplier_name: supplier.name,
        specs: specEntries(product.specs),
        ...(product.rental ? { rental: product.rental } : {}),
        ...(product.service ? { service: product.service } : {}),
      },
    },
  }
}

/** Splits the plan into request bodies of at most CHUNK products and MAX_BODY_BYTES. */
function chunks(planned: Planned[]): Planned[][] {
  const out: Planned[][] = []
  let current: Planned[] = []
  let bytes = 0
  for (const p of planned) {
    const size = Buffer.byteLength(JSON.stringify(p.input)) + 1
    if (current.length && (current.length >= CHUNK || bytes + size > MAX_BODY_BYTES)) {
      out.push(current)
      current = []
      bytes = 0
    }
    current.push(p)
    bytes += size
  }
  if (current.length) out.push(current)
  return out
}

interface LoadReport {
  seconds: number
  chunks: number
  chunkMs: number[]
  retries: number
  failures: string[]
  indexedAtLoadEnd: number
  drainedAfterStart: number | null
  lastCount: number
  samples: { t: number; created: number; indexed: number }[]
  /** Time the senders waited for the index to catch up (per sender). */
  heldBackSeconds: number
}

async function loadProducts(api: Api, planned: Planned[], known: Map<string, Known>, baseCount: number): Promise<LoadReport> {
  const batches = chunks(planned)
  const target = baseCount + planned.length
  log(`creating ${int(planned.length)} products in ${batches.length} requests (≤ ${CHUNK} each, ${CONCURRENCY} in flight)…`)
  const started = performance.now()
  const chunkMs: number[] = []
  const failures: string[] = []
  const samples: LoadReport["samples"] = []
  let retries = 0
  let created = 0
  let sent = 0
  let heldBack = 0
  let next = 0
  let drainedAt: number | null = null
  let lastCount = baseCount
  let loading = true
  let aborted = false

  // Indexing progress: sampled every 5 s while loading, then every 0.5 s until drained.
  const sampler = (async () => {
    while (!aborted && performance.now() - started < DRAIN_TIMEOUT_MS) {
      await sleep(loading ? 5_000 : 500)
      try {
        lastCount = await indexedCount(api)
      } catch (error) {
        log(`count failed: ${(error as Error).message}`)
        continue
      }
      const t = (performance.now() - started) / 1000
      samples.push({ t, created, indexed: lastCount - baseCount })
      if (lastCount >= target) {
        drainedAt = t
        return
      }
    }
  })()

  let lastLog = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]
        sent += batch.length
        while (sent - batch.length - (lastCount - baseCount) > AHEAD) {
          const waitStarted = performance.now()
          await sleep(1_000)
          lastCount = await indexedCount(api).catch(() => lastCount)
          heldBack += performance.now() - waitStarted
        }
        const body = JSON.stringify({ create: batch.map((p) => p.input) })
        for (let attempt = 1; ; attempt++) {
          // A dropped connection counts as a failed attempt (status 0), like an error answer.
          const response = await api
            .admin<{ created: { id: string; handle: string }[] }>("POST", "/admin/products/batch?fields=id,handle", body)
            .catch((error: Error) => ({ status: 0, body: { message: `${error.message}: ${(error.cause as Error | undefined)?.message ?? ""}` } as any, ms: 0 }))
          if (response.status === 401 && attempt === 1) {
            await api.signIn()
            continue
          }
          if (response.status === 200) {
            chunkMs.push(response.ms)
            const byHandle = new Map(batch.map((p) => [p.handle, p]))
            for (const row of response.body.created) {
              const p = byHandle.get(row.handle)
              if (p) known.set(row.id, { id: row.id, title: p.title, brand: p.brand, kind: p.kind, model: p.model })
            }
            created += batch.length
            break
          }
          const message = `HTTP ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`
          if (attempt >= 2) {
            failures.push(message)
            throw new Error(`POST /admin/products/batch failed twice: ${message}`)
          }
          retries++
          log(`batch failed (${message}); retrying`)
          await sleep(2_000)
        }
        if (performance.now() - lastLog > 30_000) {
          lastLog = performance.now()
          const s = (performance.now() - started) / 1000
          log(`  ${int(created)} created in ${fmt(s, 0)} s (${fmt(created / s, 0)}/s); indexed ${int(lastCount - baseCount)}`)
        }
      }
    })
  ).catch((error) => {
    aborted = true
    throw error
  })
  const seconds = (performance.now() - started) / 1000
  const indexedAtLoadEnd = (await indexedCount(api)) - baseCount
  log(`created ${int(created)} products in ${fmt(seconds)} s; ${int(indexedAtLoadEnd)} indexed so far; waiting for the events to drain…`)
  loading = false
  await sampler
  if (drainedAt === null) log(`the index still holds only ${int(lastCount)} of ${int(target)} after ${DRAIN_TIMEOUT_MS / 60000} min`)
  return { seconds, chunks: batches.length, chunkMs, retries, failures, indexedAtLoadEnd, drainedAfterStart: drainedAt, lastCount, samples, heldBackSeconds: heldBack / 1000 / CONCURRENCY }
}

/** The seeded products as the store API shows them (title, brand, kind). */
async function seededProducts(api: Api): Promise<Known[]> {
  const out: Known[] = []
  for (let offset = 0; ; offset += 100) {
    const response = await api.store("GET", `/store/products?fields=id,title,metadata&limit=100&offset=${offset}`)
    if (response.status !== 200) throw new Error(`GET /store/products answered ${response.status}`)
    out.push(...(response.body.products as { id: string; title: string; metadata: any }[]).map(knownProduct))
    if (offset + 100 >= response.body.count) return out
  }
}

// ---------------------------------------------------------------------------------------------
// Reindex
// ---------------------------------------------------------------------------------------------

interface ReindexReport {
  status: number
  activeAfter: number | null
  syncDoneAfter: number | null
  fullCountAfter: number | null
  firstSearchMs: number | null
  documentsSynced: number | null
  error: string | null
  versions: string
  logLine: string | null
}

async function reindex(api: Api, db: Client, expected: number, logDir: string): Promise<ReindexReport> {
  // The newest version of the index, whether it is active, and its sync runs (the seed run and
  // the catch-up run after it).
  const state = async () =>
    (
      await db.query(
        `select i.active_version, v.version, v.status as version_status,
                (select max(s.documents_synced) from search_index_sync s where s.search_index_version_id = v.id and s.deleted_at is null) as documents_synced,
                (select count(*) from search_index_sync s where s.search_index_version_id = v.id and s.deleted_at is null and s.status <> 'done')::int as open_syncs,
                (select string_agg(s.error, '; ') from search_index_sync s where s.search_index_version_id = v.id and s.status = 'failed') as error
           from search_index i
           join search_index_version v on v.search_index_id = i.id and v.deleted_at is null
          where i.name = 'product' and i.deleted_at is null
          order by v.version desc
          limit 1`
      )
    ).rows[0] as { active_version: number; version: number; version_status: string; documents_synced: number | null; open_syncs: number; error: string | null }
  const before = await state()
  log(`reindexing "product" (active version ${before.active_version})…`)
  const started = performance.now()
  const response = await api.admin("POST", "/admin/search-indexes/product/reindex", {})
  const report: ReindexReport = {
    status: response.status,
    activeAfter: null,
    syncDoneAfter: null,
    fullCountAfter: null,
    firstSearchMs: null,
    documentsSynced: null,
    error: null,
    versions: "",
    logLine: null,
  }
  if (response.status !== 202 && response.status !== 200) {
    report.error = `HTTP ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`
    return report
  }
  let lastLog = performance.now()
  while (performance.now() - started < REINDEX_TIMEOUT_MS) {
    await sleep(250)
    const now = await state()
    const t = (performance.now() - started) / 1000
    if (now.error || now.version_status === "error") {
      report.error = now.error ?? `version ${now.version_status}`
      break
    }
    if (report.activeAfter === null && now.active_version > before.active_version) report.activeAfter = t
    if (report.activeAfter !== null && now.open_syncs === 0) {
      report.syncDoneAfter = t
      report.documentsSynced = Number(now.documents_synced)
      report.versions = `v${before.active_version} → v${now.active_version}`
      break
    }
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now()
      log(`  ${fmt(t, 0)} s: version ${now.version} ${now.version_status}, ${now.open_syncs} sync(s) open, ${int(Number(now.documents_synced ?? 0))} documents`)
    }
  }
  if (report.syncDoneAfter !== null) {
    const first = performance.now()
    const count = await indexedCount(api)
    report.firstSearchMs = performance.now() - first
    let latest = count
    while (latest < expected && performance.now() - started < REINDEX_TIMEOUT_MS) {
      await sleep(250)
      latest = await indexedCount(api)
    }
    if (latest >= expected) report.fullCountAfter = (performance.now() - started) / 1000
    else report.error = `the new version answers with ${latest} of ${expected} products`
  }
  try {
    const lines = fs.readFileSync(path.join(logDir, "backend.log"), "utf8").split("\n")
    report.logLine = lines.filter((l) => l.includes('[Search] Reindexed "product"')).pop()?.replace(/^.*\[Search\]/, "[Search]").trim() ?? null
  } catch {
    // no log
  }
  return report
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

type Kind = "noun" | "partial" | "brand" | "brand+noun" | "two words" | "split word" | "style" | "model" | "pinyin" | "category" | "latin"

interface Query {
  q: string
  kind: Kind
  filter?: { field: "brand" | "offer_kind"; value: string }
}

const PINYIN = [
  "dayinji", "dyj", "bijiben", "bijibendiannao", "bangongyi", "touyingyi", "kongtiao", "huiyizhuo", "suizhiji",
  "fuyinzhi", "zhongxingbi", "xianshiqi", "fuwuqi", "wurenji", "baojie", "guangfu", "puer", "zhuyeqing", "jiguang",
  "caise", "huiyi", "zulin", "dangan", "wenjiangui", "yinshuiji", "ludeng", "huaxing", "saomiaoyi", "lianxiang", "huawei",
]
const LATIN = ["led", "a4", "a3", "3d", "ai", "LED 筒灯", "Ａ４复印纸", "3D打印机", "LED平板灯", "AI翻译机", "printer", "laptop", "furniture", "rental"]

const normalize = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()
const words = (q: string) => normalize(q).split(" ").filter(Boolean)

function styleLabels(): string[] {
  const out = new Set<string>()
  for (const top of CATEGORY_TREE)
    for (const leaf of top.children)
      for (const t of leaf.templates) for (const s of t.styles) out.add(typeof s === "string" ? s : s.label)
  return [...out]
}

/** 1,000 mixed queries from the catalogue's vocabulary (deterministic). */
function buildQueries(count: number, products: Known[], titleMatches: (q: string) => number[]): Query[] {
  const r = rng(20261122)
  const templates = CATEGORY_TREE.flatMap((top) => top.children.flatMap((leaf) => leaf.templates.map((t) => ({ top, leaf, t }))))
  const nouns = templates.map((x) => x.t.noun)
  const brands = Object.keys(BRANDS)
  const styles = styleLabels()
  const leaves = CATEGORY_TREE.flatMap((top) => top.children.map((leaf) => leaf.name_zh))
  const models = products.map((p) => p.model).filter((m): m is string => !!m)
  const substring = (s: string, min: number, max: number) => {
    const chars = Array.from(s)
    const len = Math.min(chars.length, r.int(min, max))
    const at = r.int(0, chars.length - len)
    return chars.slice(at, at + len).join("")
  }
  const kinds: [Kind, number][] = [
    ["noun", 0.2],
    ["partial", 0.15],
    ["brand", 0.1],
    ["brand+noun", 0.1],
    ["split word", 0.08],
    ["two words", 0.05],
    ["style", 0.07],
    ["model", 0.08],
    ["pinyin", 0.06],
    ["category", 0.05],
    ["latin", 0.06],
  ]
  const drawKind = (): Kind => {
    let x = r.next()
    for (const [kind, share] of kinds) if ((x -= share) < 0) return kind
    return "noun"
  }
  const queries: Query[] = []
  while (queries.length < count) {
    const kind = drawKind()
    let q = ""
    switch (kind) {
      case "noun":
        q = r.pick(nouns)
        break
      case "partial": {
        const noun = r.pick(nouns.filter((n) => Array.from(n).length >= 3))
        q = substring(noun, 2, Array.from(noun).length - 1)
        break
      }
      case "brand":
        q = r.pick(brands)
        break
      case "brand+noun": {
        const { leaf, t } = r.pick(templates)
        // Services list no brands of their own ([]): any brand then.
        const brand = r.pick([t.brands, leaf.brands, brands].find((list) => list?.length) ?? brands)
        q = `${brand} ${Array.from(t.noun).length > 3 ? substring(t.noun, 2, 4) : t.noun}`
        break
      }
      case "split word": {
        // "激光 打印": a piece of a noun with a space inside it.
        const noun = r.pick(nouns.filter((n) => Array.from(n).length >= 4))
        const piece = Array.from(substring(noun, 4, 5))
        const cut = r.int(2, piece.length - 2)
        q = `${piece.slice(0, cut).join("")} ${piece.slice(cut).join("")}`
        break
      }
      case "two words": {
        // "彩色打印": two pieces of a noun that are not adjacent in it, written as one word.
        const noun = Array.from(r.pick(nouns.filter((n) => Array.from(n).length >= 6)))
        const a = r.int(0, noun.length - 6)
        const b = r.int(a + 3, noun.length - 2)
        q = noun.slice(a, a + 2).join("") + noun.slice(b, b + 2).join("")
        break
      }
      case "style":
        q = r.pick(styles)
        break
      case "model": {
        // A whole model code ("GB-9433") or its beginning ("GB-94").
        const model = r.pick(models)
        q = model.includes("-") && r.chance(0.3) ? model.slice(0, model.indexOf("-") + 3) : model
        break
      }
      case "pinyin":
        q = r.pick(PINYIN)
        break
      case "category":
        q = r.pick(leaves)
        break
      case "latin":
        q = r.pick(LATIN)
        break
    }
    q = q.trim()
    if (!q) continue
    const query: Query = { q, kind }
    // About a third narrowed by a brand or kind filter, chosen among its title matches where any.
    if (r.chance(0.3)) {
      const matches = titleMatches(q)
      const field = r.chance(0.5) ? "brand" : "offer_kind"
      const tally = new Map<string, number>()
      for (const n of matches) {
        const v = field === "brand" ? products[n].brand : products[n].kind
        if (v) tally.set(v, (tally.get(v) ?? 0) + 1)
      }
      const ranked = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      const value = ranked.length ? ranked[Math.min(ranked.length - 1, r.int(0, 2))][0] : field === "brand" ? r.pick(brands) : r.pick(["goods", "rental", "service", "specialty"])
      query.filter = { field, value }
    }
    queries.push(query)
  }
  return queries
}

const FACETS = [
  { field: "category_ids", limit: 30 },
  { field: "offer_kind" },
  { field: "brand", limit: 20 },
  {
    field: "price",
    type: "range",
    ranges: [
      { key: "0-500", to: 500 },
      { key: "500-2000", from: 500, to: 2000 },
      { key: "2000-10000", from: 2000, to: 10000 },
      { key: "10000+", from: 10000 },
    ],
  },
]
// What a result card shows (`images` is an object field, which the Search Module never returns).
const FIELDS = ["id", "handle", "title", "subtitle", "thumbnail", "price", "offer_kind", "supplier_name", "brand"]

function searchBody(query: Query, facets = true) {
  const filters: Record<string, unknown> = { q: query.q }
  if (query.filter) filters[query.filter.field] = { $in: [query.filter.value] }
  return {
    filters,
    pagination: { take: 20 },
    ...(facets ? { search_options: { facets: FACETS, disjunctive_facets: true } } : {}),
    fields: FIELDS,
  }
}

interface Timing {
  ms: number
  engineMs: number | null
  status: number
  ids: string[]
  count: number | null
}

/** The first answer other than 200 per endpoint, for the report. */
const firstErrors = new Map<string, string>()

async function ours(api: Api, query: Query, facets = true): Promise<Timing> {
  const { status, ms, result, raw } = await search(api, searchBody(query, facets))
  if (status !== 200 && !firstErrors.has("search")) firstErrors.set("search", `"${query.q}": HTTP ${status} ${JSON.stringify(raw).slice(0, 300)}`)
  return {
    ms,
    status,
    engineMs: result?.metadata.processing_time_ms ?? null,
    ids: result?.hits.map((h) => h.id ?? h.document?.id) ?? [],
    count: result?.metadata.count ?? null,
  }
}

async function baseline(api: Api, q: string): Promise<Timing> {
  const response = await api.store("GET", `/store/products?q=${encodeURIComponent(q)}&limit=20&fields=id,title`)
  if (response.status !== 200 && !firstErrors.has("baseline")) firstErrors.set("baseline", `"${q}": HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`)
  return {
    ms: response.ms,
    status: response.status,
    engineMs: null,
    ids: response.status === 200 ? response.body.products.map((p: { id: string }) => p.id) : [],
    count: response.status === 200 ? response.body.count : null,
  }
}

/** How many of `ids` the search finds for the query (exactly: filtered by id, counted). */
async function found(api: Api, query: Query, ids: string[]): Promise<{ found: number; missed: string[]; errors: number }> {
  let total = 0
  let errors = 0
  const missed: string[] = []
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000)
    const filters: Record<string, unknown> = { q: query.q, id: { $in: chunk } }
    if (query.filter) filters[query.filter.field] = { $in: [query.filter.value] }
    const { result } = await search(api, { filters, pagination: { take: 0 } })
    if (!result) {
      errors++
      continue
    }
    const n = result.metadata.count ?? 0
    total += n
    if (n < chunk.length && missed.length < 5) {
      // Which ones: page through the matches among this chunk.
      const hit = new Set<string>()
      for (let skip = 0; skip < n; skip += 100) {
        const page = await search(api, { filters, pagination: { skip, take: 100 }, fields: ["id"] })
        for (const h of page.result?.hits ?? []) hit.add(h.id)
      }
      missed.push(...chunk.filter((id) => !hit.has(id)).slice(0, 5 - missed.length))
    }
  }
  return { found: total, missed, errors }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const TABLE_QUERIES = [
  "打印机", "激光 打印", "彩色打印", "会议", "复印纸", "碎纸机", "办公椅", "会议桌", "笔记本电脑", "投影仪",
  "空调", "公务轿车 租赁", "保洁", "光伏", "竹叶青", "普洱", "无人机", "华为 笔记本", "3D打印", "dayinji",
]

interface Row {
  query: Query
  ours: Timing
  oursNoFacets?: Timing
  /** Null where the baseline was not timed (--baseline-every). */
  base: Timing | null
  matches: number[]
  matchesUnfiltered: number[]
}

async function main() {
  const wallStarted = performance.now()
  const runDir = ATTACH ?? fs.mkdtempSync(path.join(os.tmpdir(), "gwc-bench-search-"))
  if (!ATTACH) fs.chmodSync(runDir, 0o755)
  const out: string[] = []
  const print = (line = "") => {
    console.log(line)
    out.push(line)
  }
  const bootStarted = performance.now()
  const stack = await (ATTACH ? attach(runDir) : boot(runDir)).catch((error) => {
    if (!ATTACH) fs.rmSync(runDir, { recursive: true, force: true })
    throw error
  })
  const bootSeconds = (performance.now() - bootStarted) / 1000
  // Ctrl-C or a kill: stop the backend and PostgreSQL, remove the run folder.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the stack…`)
      void stack.stop().finally(() => {
        if (!ATTACH) fs.rmSync(runDir, { recursive: true, force: true })
        process.exit(130)
      })
    })
  }
  const db = new Client({ connectionString: stack.prepared.databaseUrl })
  let completed = false
  try {
    await db.connect()
    const api = new Api(stack.facts.backend_url, stack.facts.publishable_keys.online.token, stack.facts.admin)
    await api.signIn()

    // The index is seeded in the background at boot: wait for the demo catalogue.
    const seeded = ATTACH ? [] : await seededProducts(api)
    const bootIndexStarted = performance.now()
    while ((await indexedCount(api).catch(() => -1)) < seeded.length) {
      if (performance.now() - bootIndexStarted > 300_000) throw new Error("the demo catalogue did not reach the search index in 5 min")
      await sleep(500)
    }
    const baseCount = await indexedCount(api)
    log(`stack up in ${fmt(bootSeconds)} s; ${seeded.length} seeded products, ${baseCount} in the search index`)

    // Fail fast when the search request this benchmark sends is refused.
    const probe = await ours(api, { q: "打印机", kind: "noun", filter: { field: "brand", value: "奔图" } })
    if (probe.status !== 200) throw new Error(`the benchmark's search request is refused: ${firstErrors.get("search")}`)

    const refs = await references(api)
    const planStarted = performance.now()
    const planned = ATTACH ? [] : planProducts(PRODUCTS, refs)
    log(`planned ${int(planned.length)} products in ${fmt((performance.now() - planStarted) / 1000)} s`)

    const known = new Map<string, Known>((ATTACH ? await productsFromDatabase(db) : seeded).map((p) => [p.id, p]))
    const rssBefore = rssMiB(stack.backendPid)
    const load: LoadReport = ATTACH
      ? { seconds: NaN, chunks: 0, chunkMs: [], retries: 0, failures: [], indexedAtLoadEnd: 0, drainedAfterStart: null, lastCount: baseCount, samples: [], heldBackSeconds: 0 }
      : await loadProducts(api, planned, known, baseCount)
    const rssAfterLoad = rssMiB(stack.backendPid)
    const total = baseCount + planned.length
    const tableCount = (await db.query(`select count(*)::int as n from product where deleted_at is null`)).rows[0].n as number

    const reindexReport = await (ATTACH && !process.argv.includes("--reindex") ? Promise.reject(new Error("not run (attached)")) : reindex(api, db, total, stack.logDir)).catch(
      (error): ReindexReport => ({
        status: 0,
        activeAfter: null,
        syncDoneAfter: null,
        fullCountAfter: null,
        firstSearchMs: null,
        documentsSynced: null,
        error: `the benchmark failed while reindexing: ${(error as Error).message}`,
        versions: "",
        logLine: null,
      })
    )
    const rssAfterReindex = rssMiB(stack.backendPid)

    // Ground truth: titles containing every word of the query.
    const products = [...known.values()]
    const titles = products.map((p) => normalize(p.title))
    const titleMatches = (q: string): number[] => {
      const ws = words(q)
      const out: number[] = []
      for (let n = 0; n < titles.length; n++) if (ws.every((w) => titles[n].includes(w))) out.push(n)
      return out
    }
    const withFilter = (query: Query, matches: number[]) =>
      query.filter
        ? matches.filter((n) => (query.filter!.field === "brand" ? products[n].brand : products[n].kind) === query.filter!.value)
        : matches
    const queries = buildQueries(QUERY_COUNT, products, titleMatches)

    // Warm-up (JIT, connection pool, engine caches) on queries not measured.
    const warm = buildQueries(30, products, titleMatches).map((q) => ({ ...q, q: q.q.split("").reverse().join("") }))
    for (const [i, q] of warm.entries()) {
      await ours(api, q)
      if (i % BASELINE_EVERY === 0) await baseline(api, q.q)
    }

    log(`measuring ${queries.length} queries (ours and the baseline, interleaved)…`)
    const rows: Row[] = []
    const measureStarted = performance.now()
    for (const [i, query] of queries.entries()) {
      const o = await ours(api, query)
      const b = i % BASELINE_EVERY === 0 ? await baseline(api, query.q) : null
      const unfiltered = titleMatches(query.q)
      rows.push({ query, ours: o, base: b, matches: withFilter(query, unfiltered), matchesUnfiltered: unfiltered })
      if ((i + 1) % 100 === 0) log(`  ${i + 1} queries (${fmt((performance.now() - measureStarted) / 1000, 0)} s)`)
    }
    log("the same queries without facets…")
    for (const row of rows) row.oursNoFacets = await ours(api, row.query, false)

    log("checking title matches…")
    let matchTotal = 0
    let matchFound = 0
    let recallErrors = 0
    const missedExamples: string[] = []
    const recallByKind = new Map<Kind, { total: number; found: number }>()
    for (const row of rows) {
      if (!row.matches.length) continue
      const r = await found(api, row.query, row.matches.map((n) => products[n].id))
      matchTotal += row.matches.length
      matchFound += r.found
      recallErrors += r.errors
      const k = recallByKind.get(row.query.kind) ?? { total: 0, found: 0 }
      k.total += row.matches.length
      k.found += r.found
      recallByKind.set(row.query.kind, k)
      for (const id of r.missed) if (missedExamples.length < 10) missedExamples.push(`"${row.query.q}"${row.query.filter ? ` [${row.query.filter.field}=${row.query.filter.value}]` : ""} → ${known.get(id)?.title}`)
    }

    // Page 1 (20 hits) filled with title matches whenever at least 20 exist; and title matches first.
    const idSet = (row: Row, filtered: boolean) => new Set((filtered ? row.matches : row.matchesUnfiltered).map((n) => products[n].id))
    const pageFilled = (ids: string[], set: Set<string>) => ids.length >= 20 && ids.slice(0, 20).every((id) => set.has(id))
    const titleFirst = (ids: string[], set: Set<string>) => {
      const k = Math.min(set.size, 20)
      return ids.length >= k && ids.slice(0, k).every((id) => set.has(id))
    }
    const rich = rows.filter((r) => r.matches.length >= 20)
    const timed = rows.filter((r): r is Row & { base: Timing } => r.base !== null)
    const richBase = timed.filter((r) => r.matchesUnfiltered.length >= 20)
    const someMatch = rows.filter((r) => r.matches.length > 0)
    const someMatchBase = timed.filter((r) => r.matchesUnfiltered.length > 0)
    const oursFilled = rich.filter((r) => pageFilled(r.ours.ids, idSet(r, true)))
    const baseFilled = richBase.filter((r) => pageFilled(r.base.ids, idSet(r, false)))
    const oursFirst = someMatch.filter((r) => titleFirst(r.ours.ids, idSet(r, true)))
    const baseFirst = someMatchBase.filter((r) => titleFirst(r.base.ids, idSet(r, false)))
    const oursEmpty = someMatch.filter((r) => r.ours.count === 0)
    const baseEmpty = someMatchBase.filter((r) => r.base.count === 0)
    const notFilledExamples = rich
      .filter((r) => !pageFilled(r.ours.ids, idSet(r, true)))
      .slice(0, 8)
      .map((r) => {
        const set = idSet(r, true)
        const firstBad = r.ours.ids.findIndex((id) => !set.has(id))
        return `"${r.query.q}"${r.query.filter ? ` [${r.query.filter.field}=${r.query.filter.value}]` : ""}: ${r.matches.length} title matches, hit ${firstBad + 1} is "${known.get(r.ours.ids[firstBad])?.title ?? r.ours.ids[firstBad] ?? "(none)"}"`
      })

    // The issue's 20-query table.
    log("the 20-query table…")
    const table: { q: string; ms: number[]; engine: number[]; base: number[]; matches: number; found: number; filled: boolean | null; first: boolean; count: number | null; top: string[] }[] = []
    for (const q of TABLE_QUERIES) {
      const query: Query = { q, kind: "noun" }
      const ms: number[] = []
      const engine: number[] = []
      const base: number[] = []
      let last: Timing | null = null
      for (let i = 0; i < TABLE_REPS; i++) {
        last = await ours(api, query)
        ms.push(last.ms)
        if (last.engineMs !== null) engine.push(last.engineMs)
      }
      for (let i = 0; i < TABLE_BASELINE_REPS; i++) base.push((await baseline(api, q)).ms)
      const matches = titleMatches(q)
      const set = new Set(matches.map((n) => products[n].id))
      const r = matches.length ? await found(api, query, [...set]) : { found: 0 }
      table.push({
        q,
        ms,
        engine,
        base,
        matches: matches.length,
        found: r.found,
        filled: matches.length >= 20 ? pageFilled(last!.ids, set) : null,
        first: titleFirst(last!.ids, set),
        count: last!.count,
        top: last!.ids.slice(0, 3).map((id) => known.get(id)?.title ?? id),
      })
    }

    // ---------------------------------------------------------------- report
    const oursMs = rows.map((r) => r.ours.ms)
    const engineMs = rows.map((r) => r.ours.engineMs).filter((x): x is number => x !== null)
    const noFacetMs = rows.map((r) => r.oursNoFacets!.ms)
    const baseMs = timed.map((r) => r.base.ms)
    const errors = (list: Timing[]) => list.filter((t) => t.status !== 200).length
    const statuses = (list: Timing[]) => [...new Set(list.filter((t) => t.status !== 200).map((t) => t.status))].join(", ")
    const speedup = percentile(baseMs, 95) / percentile(oursMs, 95)
    const chunkSizes = chunks(planned).map((c) => c.length)

    print()
    print(`## Search benchmark — ${int(total)} products, ${queries.length} queries (${new Date().toISOString().slice(0, 10)})`)
    print()
    print(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}; backend \`medusa start\` (built), embedded PostgreSQL, ${WITH_STOREFRONT ? "storefront running" : "no storefront"}; load generator on the same cores.`)
    print()
    if (ATTACH) {
      print(`Attached to the stack of an earlier run (${runDir}): ${int(total)} products in the index; its creation and reindex figures are that run's.`)
    } else {
      print("| phase | figure |")
      print("|---|---|")
      print(`| stack up (build if stale, migrations, demo seed of ${seeded.length}) | ${fmt(bootSeconds)} s |`)
      print(`| create ${int(planned.length)} products, \`POST /admin/products/batch\` (${load.chunks} requests of ≤ ${Math.max(...chunkSizes)}, ${CONCURRENCY} in flight, at most ${int(AHEAD)} products ahead of the index) | ${fmt(load.seconds)} s (${fmt(planned.length / load.seconds, 0)} products/s; request p50 ${fmt(percentile(load.chunkMs, 50) / 1000)} s = ${fmt(percentile(load.chunkMs, 50) / Math.max(...chunkSizes))} ms/product, max ${fmt(Math.max(...load.chunkMs) / 1000)} s; held back ${fmt(load.heldBackSeconds, 0)} s; retries ${load.retries}) |`)
      print(`| indexed through events when the last create returned | ${int(load.indexedAtLoadEnd)} of ${int(planned.length)} |`)
      print(
        `| event-driven indexing of ${int(planned.length)} complete (from the first create) | ${load.drainedAfterStart !== null ? `${fmt(load.drainedAfterStart)} s (${fmt(load.drainedAfterStart - load.seconds)} s after the last create)` : `not complete: ${int(load.lastCount)} of ${int(total)} after ${DRAIN_TIMEOUT_MS / 60000} min`} |`
      )
      print(`| products in the database / in the index | ${int(tableCount)} / ${int(total)} |`)
      print(
        `| full reindex (\`POST /admin/search-indexes/product/reindex\`, ${reindexReport.versions || "?"}) until the new version is active | ${reindexReport.activeAfter !== null ? `${fmt(reindexReport.activeAfter)} s` : `failed: ${reindexReport.error}`}${reindexReport.documentsSynced !== null ? ` (${int(reindexReport.documentsSynced)} documents)` : ""} |`
      )
      print(`| … until the sync is recorded done / the new version answers with all ${int(total)} | ${reindexReport.syncDoneAfter !== null ? `${fmt(reindexReport.syncDoneAfter)} s` : "—"} / ${reindexReport.fullCountAfter !== null ? `${fmt(reindexReport.fullCountAfter)} s` : `— ${reindexReport.error ?? ""}`} |`)
      if (reindexReport.firstSearchMs !== null) print(`| first search after the swap | ${fmt(reindexReport.firstSearchMs)} ms |`)
      if (reindexReport.logLine) print(`| Medusa's own log | \`${reindexReport.logLine}\` |`)
      print(`| backend RSS: before load / after load / after reindex | ${[rssBefore, rssAfterLoad, rssAfterReindex].map((x) => (x === null ? "?" : `${fmt(x, 0)} MiB`)).join(" / ")} |`)
    }
    print()
    print(`Latency, ${queries.length} queries, sequential, \`POST /store/search\` and the baseline interleaved query by query (HTTP round trip on localhost, body read):`)
    print()
    print("| engine | p50 (ms) | p95 (ms) | max (ms) | errors |")
    print("|---|---|---|---|---|")
    print(`| ours: \`POST /store/search\`, 4 facets (category_ids, offer_kind, brand, price ranges), disjunctive, take 20, ${rows.filter((r) => r.query.filter).length} with a filter | ${fmt(percentile(oursMs, 50))} | ${fmt(percentile(oursMs, 95))} | ${fmt(Math.max(...oursMs))} | ${errors(rows.map((r) => r.ours))}${statuses(rows.map((r) => r.ours)) ? ` (${statuses(rows.map((r) => r.ours))})` : ""} |`)
    print(`| … of which the engine (\`metadata.processing_time_ms\`, base query) | ${fmt(percentile(engineMs, 50))} | ${fmt(percentile(engineMs, 95))} | ${fmt(Math.max(...engineMs))} | |`)
    print(`| ours, same queries without facets | ${fmt(percentile(noFacetMs, 50))} | ${fmt(percentile(noFacetMs, 95))} | ${fmt(Math.max(...noFacetMs))} | ${errors(rows.map((r) => r.oursNoFacets!))} |`)
    print(`| baseline: \`GET /store/products?q=…&limit=20&fields=id,title\`${BASELINE_EVERY > 1 ? `, every ${BASELINE_EVERY}th query (${timed.length})` : ""} | ${fmt(percentile(baseMs, 50))} | ${fmt(percentile(baseMs, 95))} | ${fmt(Math.max(...baseMs))} | ${errors(timed.map((r) => r.base))}${statuses(timed.map((r) => r.base)) ? ` (${statuses(timed.map((r) => r.base))})` : ""} |`)
    print()
    print(`Speed-up (p95 baseline / p95 ours): **${fmt(speedup)}×**`)
    print()
    print("By kind of query (ours with facets; title-match recall):")
    print()
    print("| kind | queries | ours p50 | ours p95 | engine p95 | baseline p50 | title matches found |")
    print("|---|---|---|---|---|---|---|")
    for (const kind of [...new Set(rows.map((r) => r.query.kind))]) {
      const of = rows.filter((r) => r.query.kind === kind)
      const rec = recallByKind.get(kind)
      print(
        `| ${kind} | ${of.length} | ${fmt(percentile(of.map((r) => r.ours.ms), 50))} | ${fmt(percentile(of.map((r) => r.ours.ms), 95))} | ${fmt(percentile(of.map((r) => r.ours.engineMs ?? NaN).filter((x) => !Number.isNaN(x)), 95))} | ${fmt(percentile(of.flatMap((r) => (r.base ? [r.base.ms] : [])), 50))} | ${rec ? `${int(rec.found)} / ${int(rec.total)}` : "—"} |`
      )
    }
    print()
    print("Slowest 5 (ours):")
    print()
    print("| query | filter | HTTP ms | engine ms | results |")
    print("|---|---|---|---|---|")
    for (const r of [...rows].sort((a, b) => b.ours.ms - a.ours.ms).slice(0, 5)) {
      print(`| ${r.query.q} | ${r.query.filter ? `${r.query.filter.field}=${r.query.filter.value}` : ""} | ${fmt(r.ours.ms)} | ${r.ours.engineMs ?? "?"} | ${r.ours.count ?? "?"} |`)
    }
    print()
    print("Quality against title matches (titles containing every word of the query, NFKC + lowercase; with the query's brand/kind filter for ours):")
    print()
    print("| measure | ours | baseline |")
    print("|---|---|---|")
    print(`| title matches found (over all queries) | **${pct(matchFound, matchTotal)}** (${int(matchFound)} / ${int(matchTotal)}${recallErrors ? `, ${recallErrors} errors` : ""}) | (not paged; unranked ILIKE) |`)
    print(`| page 1 (20 hits) all title matches, queries with ≥ 20 | **${pct(oursFilled.length, rich.length)}** (${oursFilled.length} / ${rich.length}) | ${pct(baseFilled.length, richBase.length)} (${baseFilled.length} / ${richBase.length}) |`)
    print(`| title matches come first (first min(n, 20) hits), queries with ≥ 1 | ${pct(oursFirst.length, someMatch.length)} (${oursFirst.length} / ${someMatch.length}) | ${pct(baseFirst.length, someMatchBase.length)} (${baseFirst.length} / ${someMatchBase.length}) |`)
    print(`| nothing found although title matches exist | ${oursEmpty.length} | ${baseEmpty.length} |`)
    if (missedExamples.length) {
      print()
      print("Title matches not found (examples):")
      for (const e of missedExamples) print(`- ${e}`)
    }
    if (notFilledExamples.length) {
      print()
      print("Page 1 not filled with title matches (examples):")
      for (const e of notFilledExamples) print(`- ${e}`)
    }
    print()
    print(`The issue's 20 queries (ours: ${TABLE_REPS} runs each, 4 facets; baseline: ${TABLE_BASELINE_REPS} runs each):`)
    print()
    print("| query | ours p50 (ms) | ours p95 (ms) | engine p50 (ms) | baseline p50 (ms) | results | title matches found | page 1 | first 3 hits |")
    print("|---|---|---|---|---|---|---|---|---|")
    for (const t of table) {
      const page = t.filled === null ? (t.first ? `${t.matches} title matches first` : "title matches not first") : t.filled ? "20/20 title matches" : "not filled"
      print(`| ${t.q} | ${fmt(percentile(t.ms, 50))} | ${fmt(percentile(t.ms, 95))} | ${fmt(percentile(t.engine, 50))} | ${fmt(percentile(t.base, 50))} | ${t.count ?? "?"} | ${int(t.found)} / ${int(t.matches)} | ${page} | ${t.top.join("; ")} |`)
    }
    const allTable = table.flatMap((t) => t.ms)
    const allTableBase = table.flatMap((t) => t.base)
    const tableFound = table.reduce((s, t) => s + t.found, 0)
    const tableMatches = table.reduce((s, t) => s + t.matches, 0)
    print(`| **all 20** | **${fmt(percentile(allTable, 50))}** | **${fmt(percentile(allTable, 95))}** | | **${fmt(percentile(allTableBase, 50))}** (p95 ${fmt(percentile(allTableBase, 95))}) | | **${pct(tableFound, tableMatches)}** | | |`)
    for (const [what, message] of firstErrors) print(`\nFirst error (${what}): ${message}`)
    print()
    print(`Whole run: ${fmt((performance.now() - wallStarted) / 60000)} min.`)
    const file = path.join(os.tmpdir(), `gwc-bench-search-${Date.now()}.md`)
    fs.writeFileSync(file, `${out.join("\n")}\n`)
    log(`report written to ${file}`)
    completed = true
  } finally {
    await db.end().catch(() => undefined)
    await stack.stop()
    if (ATTACH) log(`left the attached stack in ${runDir} as it was`)
    else if (process.argv.includes("--keep")) log(`kept ${runDir}`)
    else if (completed) fs.rmSync(runDir, { recursive: true, force: true })
    else {
      // A failed run keeps its logs for the post-mortem; the database goes.
      fs.rmSync(path.join(runDir, "pg"), { recursive: true, force: true })
      log(`the run failed: logs kept in ${stack.logDir}`)
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
