import { execFileSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium, type Page } from "playwright-core"
import { freePort } from "../../backend/scripts/lib/database"
import { spawnMedusa, stopChild, waitForHealth } from "../../backend/scripts/lib/medusa"
import { BACKEND_DIR } from "../../backend/scripts/lib/paths"
import { readSeedMarker, readShowroomFacts } from "../../backend/scripts/lib/stack"
import { prepareStack, runSeed, seedDecision, type PreparedStack } from "../../backend/scripts/lib/stack-up"
import { startAgent } from "../../kiosk/agent/src/agent"
import { startSimulator } from "../../kiosk/agent/src/simulator"
import type { KioskBundle, KioskExhibit } from "../../kiosk/shared/types"

/**
 * Lift-to-paint latency of the experience-centre kiosk (issue 7), online and offline in one run.
 *
 *   npm run bench:kiosk                      # 200 lifts online, then 200 with the backend stopped
 *   npm run bench:kiosk -- --lifts 50 [--keep]
 *
 * 1. Boots the platform's database as `npm start` does (throwaway embedded PostgreSQL, migrated,
 *    demo seed) and one backend from source; builds the kiosk app.
 * 2. The LLRP reader simulator (loopback) plays the seeded zone-A plinths; the kiosk agent reads it
 *    with demo kiosk A's key; Debian's Chromium shows the kiosk app at 1080×1920.
 * 3. Each lift: the simulator writes an RO_ACCESS_REPORT in which the tag's RSSI has dropped (the
 *    report that makes the lift detectable) and notes the wall-clock time it left. The app records
 *    the wall-clock time of the first animation frame after the product page was committed
 *    (`window.__gwcPaints`, performance.timeOrigin + performance.now()). Latency = paint − sent.
 *    Then the exhibit is replaced and the app is back on the attract loop before the next lift.
 * 4. Online: backend up. Offline: backend process stopped; the page is reloaded first (service
 *    worker + IndexedDB), lifts resolve from the cached EPC map, events wait in the agent's queue.
 *    Finally the backend is started again and the queue must drain with every event stored once.
 */

const argv = process.argv.slice(2)
const LIFTS = Number(argv[argv.indexOf("--lifts") + 1]) > 0 && argv.includes("--lifts") ? Number(argv[argv.indexOf("--lifts") + 1]) : 200
const KEEP = argv.includes("--keep")
const ROOT = path.resolve(__dirname, "..", "..")
const log = (line: string) => process.stdout.write(`[bench:kiosk] ${line}\n`)

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  }
}

async function startBackend(prepared: PreparedStack, port: number): Promise<ChildProcess> {
  const url = `http://localhost:${port}`
  const child = spawnMedusa(["start", "--port", String(port)], {
    env: { ...prepared.env, PORT: String(port), MEDUSA_BACKEND_URL: url },
    output: prepared.output("backend"),
    cwd: BACKEND_DIR,
  })
  prepared.onStop(() => stopChild(child))
  await waitForHealth(url, child, 300_000)
  return child
}

async function paintCount(page: Page): Promise<number> {
  return page.evaluate(() => ((window as unknown as { __gwcPaints?: unknown[] }).__gwcPaints ?? []).length)
}

async function lifts(
  page: Page,
  simulator: Awaited<ReturnType<typeof startSimulator>>,
  exhibits: KioskExhibit[],
  count: number
): Promise<number[]> {
  const latencies: number[] = []
  for (let i = 0; i < count; i++) {
    const exhibit = exhibits[i % exhibits.length]
    const before = await paintCount(page)
    const sentAt = simulator.lift(exhibit.epcs[0], "rssi")
    await page.waitForFunction((n) => ((window as unknown as { __gwcPaints?: unknown[] }).__gwcPaints ?? []).length > n, before, { timeout: 10_000, polling: 5 })
    const paint = await page.evaluate(
      (n) => (window as unknown as { __gwcPaints: { event_id: string; epoch_ms: number }[] }).__gwcPaints[n],
      before
    )
    const shown = await page.evaluate(() => document.querySelector("[data-exhibit-id]")?.getAttribute("data-exhibit-id"))
    if (shown !== exhibit.id) throw new Error(`lift ${i + 1}: the page shows ${shown}, not ${exhibit.id}`)
    latencies.push(paint.epoch_ms - sentAt)
    simulator.replace(exhibit.epcs[0])
    await page.waitForFunction(() => document.body.dataset.screen === "attract", undefined, { timeout: 10_000, polling: 5 })
    // Let the replaced tag be read as resting on its plinth again before it can be lifted next time.
    await new Promise((resolve) => setTimeout(resolve, 250))
    if ((i + 1) % 50 === 0) log(`  ${i + 1}/${count} lifts`)
  }
  return latencies
}

async function main() {
  const wallStarted = performance.now()
  const cpus = os.cpus()
  log(
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}; ` +
      `load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}.`
  )
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "gwc-bench-kiosk-"))
  fs.chmodSync(runDir, 0o755)
  const port = await freePort()
  const prepared = await prepareStack({
    port,
    embeddedPort: await freePort(),
    mode: "source",
    output: { dir: path.join(runDir, "logs") },
    log,
    dataDir: runDir,
    envFile: path.join(runDir, ".env"),
  })
  let completed = false
  const closers: (() => Promise<unknown>)[] = []
  try {
    if (seedDecision(await readSeedMarker(prepared.databaseUrl)) !== "skip") {
      log("seeding demo data…")
      await runSeed(prepared)
    }
    execFileSync("npm", ["run", "build", "-w", "kiosk"], { cwd: ROOT, stdio: "ignore" })
    let backend = await startBackend(prepared, port)
    const backendUrl = `http://localhost:${port}`
    const facts = await readShowroomFacts(prepared.databaseUrl, prepared.supplierPassword)
    const kiosk = facts.kiosks.find((k) => k.zone_code === "A") ?? facts.kiosks[0]
    if (!kiosk?.key) throw new Error("no demo kiosk key in the seeded data")
    const bundle = (await (await fetch(`${backendUrl}/kiosk/bundle`, { headers: { authorization: `Kiosk ${kiosk.key}` } })).json()) as KioskBundle
    const exhibits = bundle.exhibits.filter((e) => e.antenna && bundle.kiosk.antennas.includes(e.antenna))
    const readerName = exhibits[0].antenna!.split(":")[0]
    log(`kiosk ${kiosk.name}: ${exhibits.length} exhibits on its plinths`)

    const simulator = await startSimulator({
      port: 0,
      readerName,
      tags: exhibits.map((e) => ({ epc: e.epcs[0], antenna: Number(e.antenna!.split(":").pop()) })),
      intervalMs: 100,
    })
    closers.push(() => simulator.close())
    const agent = await startAgent({
      backendUrl,
      kioskKey: kiosk.key,
      port: 0,
      reader: { kind: "llrp", host: "127.0.0.1", port: simulator.port, name: readerName },
      dataDir: path.join(runDir, "agent"),
      log: () => undefined,
    })
    closers.push(() => agent.close())
    await simulator.waitForClient()
    // Debian's Chromium, as in the browser tests (tests/support/browser.ts, which needs vitest).
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    })
    closers.push(() => browser.close())
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, locale: "zh-CN", hasTouch: true })
    await page.goto(agent.url)
    await page.waitForFunction(() => document.body.dataset.screen === "attract", undefined, { timeout: 60_000 })
    // Give the page time to cache the bundle's images (the service worker's media cache).
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    const images = await page.evaluate(() => [...document.images].map((img) => ({ src: img.src, ok: img.complete && img.naturalWidth > 0 })))
    const broken = images.filter((img) => !img.ok)
    log(`attract loop: ${images.length - broken.length}/${images.length} images drawn${broken.length ? `; not drawn: ${broken.slice(0, 3).map((b) => b.src).join(", ")}` : ""}`)

    log("warm-up: 10 lifts")
    await lifts(page, simulator, exhibits, 10)
    log(`online: ${LIFTS} lifts`)
    const online = await lifts(page, simulator, exhibits, LIFTS)
    await agent.flush()

    log("stopping the backend…")
    await stopChild(backend)
    const deadline = Date.now() + 30_000
    while (agent.backendOnline() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
    if (agent.backendOnline()) throw new Error("the agent still thinks the backend is online")
    await page.reload()
    await page.waitForFunction(() => document.body.dataset.screen === "attract", undefined, { timeout: 60_000 })
    await lifts(page, simulator, exhibits, 5)
    log(`offline: ${LIFTS} lifts`)
    const offline = await lifts(page, simulator, exhibits, LIFTS)
    const queued = agent.queueLength()

    log("starting the backend again…")
    backend = await startBackend(prepared, port)
    const drainStarted = Date.now()
    while (agent.queueLength() > 0 && Date.now() - drainStarted < 120_000) await new Promise((resolve) => setTimeout(resolve, 200))
    const drainMs = Date.now() - drainStarted
    const { Client } = await import("pg")
    const db = new Client({ connectionString: prepared.databaseUrl })
    await db.connect()
    const { rows } = await db.query(
      "select count(*)::int as events, count(distinct event_id)::int as distinct_ids from showroom_kiosk_event where kiosk_id = $1",
      [kiosk.id]
    )
    await db.end()

    const on = summary(online)
    const off = summary(offline)
    const fmt = (v: number) => v.toFixed(1)
    console.log("")
    console.log(`| lift → product page painted (ms) | n | p50 | p95 | max | mean | target p95 |`)
    console.log(`|---|---:|---:|---:|---:|---:|---:|`)
    console.log(`| online (backend up) | ${on.n} | ${fmt(on.p50)} | ${fmt(on.p95)} | ${fmt(on.max)} | ${fmt(on.mean)} | < 150 |`)
    console.log(`| offline (backend stopped) | ${off.n} | ${fmt(off.p50)} | ${fmt(off.p95)} | ${fmt(off.max)} | ${fmt(off.mean)} | < 100 |`)
    console.log("")
    console.log(
      `Offline queue: ${queued} events waiting when the backend came back; drained in ${(drainMs / 1000).toFixed(1)} s; ` +
        `backend holds ${rows[0].events} events for the kiosk, ${rows[0].distinct_ids} distinct ids (${rows[0].events === rows[0].distinct_ids ? "none twice" : "DUPLICATES"}); queue now ${agent.queueLength()}.`
    )
    console.log(`Whole run ${((performance.now() - wallStarted) / 60_000).toFixed(1)} min; load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}.`)
    const failed = on.p95 >= 150 || off.p95 >= 100 || rows[0].events !== rows[0].distinct_ids || agent.queueLength() > 0
    completed = true
    if (failed) process.exitCode = 1
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined)
    await prepared.stop()
    if (KEEP || !completed) log(`kept ${runDir}`)
    else fs.rmSync(runDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
