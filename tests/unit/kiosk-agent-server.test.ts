import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { PassThrough } from "node:stream"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { readerNameFromAntennas, startAgent, type Agent } from "../../kiosk/agent/src/agent"
import type { KioskTagEvent } from "../../kiosk/shared/types"
import { startSimulator } from "../../kiosk/agent/src/simulator"
import { openSse, sleep, startFakeBackend, waitUntil, type FakeBackend } from "./fixtures/kiosk-agent-helpers"

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!()
})

let backend: FakeBackend
let agent: Agent
let dataDir: string
let appDir: string
let input: PassThrough

beforeEach(async () => {
  backend = await startFakeBackend({ antennas: ["reader-a:1", "reader-a:2"] })
  cleanup.push(() => backend.close())
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-agent-data-"))
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-agent-app-"))
  cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  cleanup.push(() => fs.rmSync(appDir, { recursive: true, force: true }))
  fs.writeFileSync(path.join(appDir, "index.html"), "<!doctype html><title>kiosk</title>")
  fs.writeFileSync(path.join(appDir, "app.js"), "console.log('kiosk')")
  fs.writeFileSync(path.join(appDir, "sw.js"), "self.addEventListener('fetch', () => {})")
  fs.mkdirSync(path.join(appDir, "fonts"))
  fs.writeFileSync(path.join(appDir, "fonts/noto-sans-sc-400.woff2"), Buffer.from("wOF2fake"))
  fs.writeFileSync(path.join(appDir, "version.json"), JSON.stringify({ version: "app-1.2.3" }))
  input = new PassThrough()
  agent = await startAgent({
    backendUrl: backend.url,
    kioskKey: backend.key,
    port: 0,
    reader: { kind: "wedge", input },
    dataDir,
    appDir,
    heartbeatMs: 200,
    log: () => {},
  })
  cleanup.push(() => agent.close())
})

describe("agent HTTP: app, status, /api proxy, /media", () => {
  it("serves the app with SPA fallback, no directory escape, and the 'not built' page when there is no app", async () => {
    const index = await fetch(`${agent.url}/`)
    expect(index.status).toBe(200)
    expect(index.headers.get("content-type")).toContain("text/html")
    expect(await index.text()).toContain("<title>kiosk</title>")
    expect((await fetch(`${agent.url}/app.js`)).headers.get("content-type")).toContain("javascript")
    expect((await fetch(`${agent.url}/fonts/noto-sans-sc-400.woff2`)).headers.get("content-type")).toBe("font/woff2")
    const deep = await fetch(`${agent.url}/product/some-exhibit`)
    expect(await deep.text()).toContain("<title>kiosk</title>")
    expect((await fetch(`${agent.url}/missing.js`)).status).toBe(404)
    const secret = path.join(path.dirname(appDir), `kiosk-secret-${path.basename(appDir)}.txt`)
    fs.writeFileSync(secret, "TOP-SECRET")
    cleanup.push(() => fs.rmSync(secret, { force: true }))
    for (const probe of [`/..%2f${path.basename(secret)}`, `/%2e%2e/${path.basename(secret)}`, `/../${path.basename(secret)}`]) {
      expect(await (await fetch(`${agent.url}${probe}`)).text()).not.toContain("TOP-SECRET")
    }
    const etag = (await fetch(`${agent.url}/app.js`)).headers.get("etag")!
    expect((await fetch(`${agent.url}/app.js`, { headers: { "if-none-match": etag } })).status).toBe(304)

    const bare = await startAgent({ backendUrl: backend.url, kioskKey: backend.key, port: 0, reader: { kind: "none" }, dataDir, appDir: path.join(appDir, "nope"), log: () => {} })
    cleanup.push(() => bare.close())
    const notBuilt = await fetch(`${bare.url}/`)
    expect(notBuilt.status).toBe(503)
    expect(await notBuilt.text()).toContain("npm run build -w kiosk")
  })

  it("/agent/status", async () => {
    const status = await (await fetch(`${agent.url}/agent/status`)).json()
    expect(status).toMatchObject({ kiosk_id: backend.kiosk.id, backend_online: true, queue_length: 0, reader: { kind: "wedge", connected: true } })
  })

  it("/api/* goes to /kiosk/* with the kiosk key (ETag/304 pass through); 502 JSON when the backend is unreachable", async () => {
    const bundle = await fetch(`${agent.url}/api/bundle`)
    expect(bundle.status).toBe(200)
    const etag = bundle.headers.get("etag")!
    expect(etag).toBe('"v1"')
    expect(await bundle.json()).toMatchObject({ version: "v1", kiosk: { id: backend.kiosk.id } })
    expect((await fetch(`${agent.url}/api/bundle`, { headers: { "if-none-match": etag } })).status).toBe(304)
    const hb = await fetch(`${agent.url}/api/heartbeat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ app_version: "9.9.9" }) })
    expect(await hb.json()).toMatchObject({ ok: true })
    expect(backend.heartbeats).toContainEqual({ app_version: "9.9.9" })
    expect((await fetch(`${agent.url}/api/..%2fadmin%2fusers`)).status).toBe(400)
    const proxied = backend.requests.filter((r) => r.path === "/kiosk/bundle")
    expect(proxied.length).toBe(2)
    for (const r of proxied) expect(r.authorization).toBe(`Kiosk ${backend.key}`)

    await backend.close()
    const down = await fetch(`${agent.url}/api/bundle`)
    expect(down.status).toBe(502)
    expect((await down.json()).message).toMatch(/后台不可达.*backend is unreachable/)
    expect(agent.backendOnline()).toBe(false)
  })

  it("/media proxies images of the backend origin with cache headers, serves them from disk when offline, refuses other origins", async () => {
    const src = `${backend.url}/static/chair.png`
    const res = await fetch(`${agent.url}/media?src=${encodeURIComponent(src)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("image/png")
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(1, 4).toString()).toBe("PNG")
    expect((await fetch(`${agent.url}/media?src=${encodeURIComponent("https://evil.example.com/x.png")}`)).status).toBe(400)
    expect((await fetch(`${agent.url}/media?src=not-a-url`)).status).toBe(400)
    expect((await fetch(`${agent.url}/media?src=${encodeURIComponent("file:///etc/passwd")}`)).status).toBe(400)
    await backend.close()
    const offline = await fetch(`${agent.url}/media?src=${encodeURIComponent(src)}`)
    expect(offline.status).toBe(200)
    expect(Buffer.from(await offline.arrayBuffer())).toEqual(bytes)
    expect((await fetch(`${agent.url}/media?src=${encodeURIComponent(`${backend.url}/static/other.png`)}`)).status).toBe(502)
  })

  it("sends heartbeats with agent and app versions", async () => {
    await waitUntil(() => backend.heartbeats.length >= 2, 3000, "heartbeats")
    expect(backend.heartbeats[0]).toEqual({ agent_version: expect.stringMatching(/^\d+\.\d+\.\d+/), app_version: "app-1.2.3" })
  })
})

describe("/agent/events", () => {
  const tagIds = (msgs: { event: string; data: string }[]) => msgs.filter((m) => m.event === "tag").map((m) => (JSON.parse(m.data) as KioskTagEvent).id)

  it("local tag events at once, relayed backend events once (deduped by id), bundle-changed, status; Last-Event-ID replay", async () => {
    const sse = await openSse(`${agent.url}/agent/events`)
    cleanup.push(() => sse.close())
    await sse.waitFor((m) => m.event === "status")
    await waitUntil(() => backend.streams() === 1, 3000, "agent follows the backend stream")

    input.write("04A1B2C3D4\r")
    const local = JSON.parse((await sse.waitFor((m) => m.event === "tag")).data) as KioskTagEvent
    expect(local).toMatchObject({ type: "lift", epc: "04A1B2C3D4", antenna: "wedge:1" })

    // the backend echoes the same event (it watches wedge too) and one from another kiosk's reader
    backend.push("lift", { ...local, exhibit_id: "ex_1" })
    const remote = { id: "6f1d2c1e-8d4b-4b8e-9a53-6b6d3f1f2a10", type: "lift", epc: "3034257BF7194E4000001A85", antenna: "reader-a:2", occurred_at: new Date().toISOString(), exhibit_id: "ex_2" }
    backend.push("lift", remote)
    backend.push("bundle-changed", { bundle_version: "v2" })
    await sse.waitFor((m) => m.event === "bundle-changed")
    await sleep(50)
    expect(tagIds(sse.messages)).toEqual([local.id, remote.id])
    expect(JSON.parse(sse.messages.find((m) => m.event === "tag" && m.data.includes(remote.id))!.data)).toMatchObject({ epc: remote.epc, exhibit_id: "ex_2" })
    await waitUntil(() => backend.stored.has(local.id), 3000, "local event delivered")

    // reconnect with Last-Event-ID: the events after it are replayed
    const firstTag = sse.messages.find((m) => m.event === "tag")!
    expect(firstTag.id).toBeTruthy()
    const again = await openSse(`${agent.url}/agent/events`, { "last-event-id": firstTag.id! })
    cleanup.push(() => again.close())
    await again.waitFor((m) => m.event === "bundle-changed")
    expect(tagIds(again.messages)).toEqual([remote.id])
  })

  it("events on antennas this kiosk does not watch are queued for the backend but not shown", async () => {
    expect(readerNameFromAntennas(["reader-a:1", "reader-a:2"])).toBe("reader-a")
    expect(readerNameFromAntennas(["reader-a:1", "reader-b:2"])).toBeUndefined()
    const mine = "3034257BF7194E4000001A85"
    const theirs = "3034257BF7194E4000001A99"
    const sim = await startSimulator({ port: 0, tags: [{ epc: mine, antenna: 1 }, { epc: theirs, antenna: 9 }], intervalMs: 50 })
    cleanup.push(() => sim.close())
    const llrpAgent = await startAgent({
      backendUrl: backend.url,
      kioskKey: backend.key,
      port: 0,
      reader: { kind: "llrp", host: "127.0.0.1", port: sim.port },
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-agent-data2-")),
      appDir,
      log: () => {},
    })
    cleanup.push(() => llrpAgent.close())
    const sse = await openSse(`${llrpAgent.url}/agent/events`)
    cleanup.push(() => sse.close())
    await sim.waitForClient()
    await sleep(300)
    sim.lift(theirs, "rssi")
    sim.lift(mine, "rssi")
    const shown = JSON.parse((await sse.waitFor((m) => m.event === "tag")).data) as KioskTagEvent
    expect(shown).toMatchObject({ epc: mine, antenna: "reader-a:1" })
    await waitUntil(() => backend.stored.size === 2, 3000, "both events stored")
    expect([...backend.stored.values()].map((e) => e.antenna).sort()).toEqual(["reader-a:1", "reader-a:9"])
    await sleep(100)
    expect(tagIds(sse.messages)).toEqual([shown.id])
  })

  it("revocation: the backend's revoked event is passed on, and a 401 locks the app out", async () => {
    const sse = await openSse(`${agent.url}/agent/events`)
    cleanup.push(() => sse.close())
    await waitUntil(() => backend.streams() === 1, 3000, "stream")
    backend.revoked = true
    backend.push("revoked", { reason: "revoked" })
    await sse.waitFor((m) => m.event === "revoked")
    const late = await openSse(`${agent.url}/agent/events`)
    cleanup.push(() => late.close())
    await late.waitFor((m) => m.event === "revoked") // a reconnecting app learns it at once
    expect((await fetch(`${agent.url}/api/bundle`)).status).toBe(401)
    expect((await (await fetch(`${agent.url}/agent/status`)).json()).revoked).toBe(true)
  })
})
