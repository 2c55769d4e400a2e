// Lift and learn, end to end: the LLRP reader simulator (loopback) → the kiosk agent → a backend →
// the kiosk app in Chromium. The kiosk talks to a second `medusa start` on the test database, so
// this test can stop "the backend" and start it again without disturbing the other test files:
// with it stopped, a lift still opens the cached product page, and the queued event reaches the
// backend after the restart, exactly once.

import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { KioskBundle, KioskExhibit } from "../../kiosk/shared/types"
import { startAgent } from "../../kiosk/agent/src/agent"
import { startSimulator } from "../../kiosk/agent/src/simulator"
import { killBackend, startBackend, type BackendProcess } from "../support/backend-process"
import { chineseFontLoaded, launchBrowser, screenshot } from "../support/browser"
import { testStack } from "../support/stack"

const ROOT = path.resolve(__dirname, "..", "..")
type Agent = Awaited<ReturnType<typeof startAgent>>
type Simulator = Awaited<ReturnType<typeof startSimulator>>

let backend: BackendProcess
let agent: Agent
let simulator: Simulator
let browser: Browser
let page: Page
let bundle: KioskBundle
let zoneExhibits: KioskExhibit[]
let dataDir: string

async function eventRows(ids: string[]): Promise<{ event_id: string; type: string; exhibit_id: string | null }[]> {
  const client = new Client({ connectionString: testStack().databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query("select event_id, type, exhibit_id from showroom_kiosk_event where event_id = any($1)", [ids])
    return rows
  } finally {
    await client.end()
  }
}

/** The event ids the app painted a product page for, in order. */
async function paints(): Promise<{ event_id: string; epoch_ms: number }[]> {
  return page.evaluate(() => (window as unknown as { __gwcPaints?: { event_id: string; epoch_ms: number }[] }).__gwcPaints ?? [])
}

async function screen(): Promise<string | undefined> {
  return page.evaluate(() => document.body.dataset.screen)
}

function antennaNumber(antenna: string | null): number {
  const n = Number(antenna?.split(":").pop())
  if (!Number.isInteger(n) || n < 1) throw new Error(`exhibit antenna ${antenna} has no antenna number`)
  return n
}

beforeAll(async () => {
  execFileSync("npm", ["run", "build", "-w", "kiosk"], { cwd: ROOT, stdio: "ignore" })
  const kiosk = testStack().facts.showroom.kiosks[0]
  if (!kiosk?.key) throw new Error("the seeded kiosk's demo key is missing from the stack facts")
  const kioskKey = kiosk.key
  const res = await fetch(`${testStack().facts.backend_url}/kiosk/bundle`, { headers: { authorization: `Kiosk ${kioskKey}` } })
  expect(res.status).toBe(200)
  bundle = (await res.json()) as KioskBundle
  zoneExhibits = bundle.exhibits.filter((e) => e.zone_id === bundle.zone.id && e.antenna && bundle.kiosk.antennas.includes(e.antenna))
  expect(zoneExhibits.length).toBeGreaterThanOrEqual(3)

  backend = await startBackend("kiosk")
  simulator = await startSimulator({
    port: 0,
    readerName: zoneExhibits[0].antenna!.split(":")[0],
    tags: zoneExhibits.map((e) => ({ epc: e.epcs[0], antenna: antennaNumber(e.antenna) })),
    intervalMs: 100,
  })
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gwc-kiosk-agent-"))
  agent = await startAgent({
    backendUrl: backend.url,
    kioskKey,
    port: 0,
    reader: { kind: "llrp", host: "127.0.0.1", port: simulator.port, name: zoneExhibits[0].antenna!.split(":")[0] },
    dataDir,
    liftAfterMs: 1500,
    // Product images are files of the shared test backend (this kiosk's backend is a second one).
    mediaOrigins: [testStack().facts.backend_url],
    log: () => undefined,
  })
  await simulator.waitForClient()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, locale: "zh-CN", hasTouch: true })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await agent?.close()
  await simulator?.close()
  if (backend) await killBackend(backend)
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

describe("kiosk lift and learn (simulator → agent → backend → app)", () => {
  it("shows the month's theme while idle, in the shipped Chinese font", async () => {
    await page.goto(agent.url)
    await expect.poll(screen, { timeout: 20_000 }).toBe("attract")
    expect(bundle.theme).not.toBeNull()
    await page.getByText(bundle.theme!.title).first().waitFor()
    expect(await chineseFontLoaded(page)).toBe(true)
    // The theme's and products' images come through the agent's /media proxy and are drawn.
    await expect
      .poll(() => page.evaluate(() => [...document.images].filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.src)), { timeout: 20_000 })
      .toEqual([])
    expect(await page.evaluate(() => document.images.length)).toBeGreaterThan(0)
    await screenshot(page, "kiosk-e2e-attract")
  })

  it("opens the exhibit's product page when it is lifted and returns to the theme when it is replaced", async () => {
    const exhibit = zoneExhibits[0]
    const before = (await paints()).length
    simulator.lift(exhibit.epcs[0], "rssi")
    await expect.poll(screen, { timeout: 10_000 }).toBe("product")
    expect(await page.locator("[data-exhibit-id]").first().getAttribute("data-exhibit-id")).toBe(exhibit.id)
    await page.getByText(exhibit.product.title).first().waitFor()
    const painted = (await paints()).slice(before)
    expect(painted).toHaveLength(1)

    // The backend stored the lift once, resolved to the exhibit.
    await expect.poll(async () => (await eventRows([painted[0].event_id])).length, { timeout: 15_000 }).toBe(1)
    expect((await eventRows([painted[0].event_id]))[0]).toMatchObject({ type: "lift", exhibit_id: exhibit.id })

    simulator.replace(exhibit.epcs[0])
    await expect.poll(screen, { timeout: 10_000 }).toBe("attract")
  })

  it("with the backend stopped, a lift still shows the cached page; the event arrives once after the restart", async () => {
    await killBackend(backend)
    await expect.poll(() => agent.backendOnline(), { timeout: 20_000 }).toBe(false)
    // A reload while offline comes up from the service worker and IndexedDB.
    await page.reload()
    await expect.poll(screen, { timeout: 20_000 }).toBe("attract")

    const exhibit = zoneExhibits[1]
    const before = (await paints()).length
    simulator.lift(exhibit.epcs[0], "rssi")
    await expect.poll(screen, { timeout: 10_000 }).toBe("product")
    expect(await page.locator("[data-exhibit-id]").first().getAttribute("data-exhibit-id")).toBe(exhibit.id)
    await page.getByText(exhibit.product.title).first().waitFor()
    const offlineLift = (await paints()).slice(before)[0]
    simulator.replace(exhibit.epcs[0])
    await expect.poll(screen, { timeout: 10_000 }).toBe("attract")
    expect(agent.queueLength()).toBeGreaterThanOrEqual(2)
    expect(await eventRows([offlineLift.event_id])).toHaveLength(0)

    backend = await startBackend("kiosk-restarted", {}, backend.port)
    await expect.poll(() => agent.queueLength(), { timeout: 60_000 }).toBe(0)
    const rows = await eventRows([offlineLift.event_id])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ type: "lift", exhibit_id: exhibit.id })
    // Replaying the queue again changes nothing: each event id is stored once.
    await agent.flush()
    expect(await eventRows([offlineLift.event_id])).toHaveLength(1)
  })
})
