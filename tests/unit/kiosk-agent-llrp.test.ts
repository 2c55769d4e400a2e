import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { startAgent, type Agent } from "../../kiosk/agent/src/agent"
import { createLlrpServer, LLRPCore } from "../../kiosk/agent/src/llrp-net"
import { startLlrpReader } from "../../kiosk/agent/src/readers/llrp"
import type { Reader } from "../../kiosk/agent/src/readers/types"
import { startSimulator, type Simulator } from "../../kiosk/agent/src/simulator"
import type { KioskTagEvent, TagRead } from "../../kiosk/shared/types"
import { openSse, startFakeBackend, waitUntil, type FakeBackend, type SseClient } from "./fixtures/kiosk-agent-helpers"

const A = "3034257BF7194E4000001A85"
const B = "3034257BF7194E4000001A86"

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!()
})

async function simulator(tags = [{ epc: A, antenna: 1 }, { epc: B, antenna: 2 }], port = 0): Promise<Simulator> {
  const sim = await startSimulator({ port, host: "127.0.0.1", tags, intervalMs: 50 })
  cleanup.push(() => sim.close())
  return sim
}

function reader(port: number, name = "reader-a"): { reader: Reader; reads: TagRead[] } {
  const reads: TagRead[] = []
  const r = startLlrpReader({ host: "127.0.0.1", port }, { onRead: (x) => reads.push(x), log: () => {}, name })
  cleanup.push(() => r.close())
  return { reader: r, reads }
}

describe("LLRP simulator ↔ LLRP reader adapter (llrpjs, loopback TCP)", () => {
  it("sets up the ROSpec and turns RO_ACCESS_REPORTs into reads with EPC_96 hex, antenna and PeakRSSI", async () => {
    const sim = await simulator()
    const { reader: r, reads } = reader(sim.port)
    await sim.waitForClient()
    await waitUntil(() => reads.length >= 6, 5000, "reads")
    expect(r.connected()).toBe(true)
    expect(new Set(reads.map((x) => `${x.epc}@${x.antenna}`))).toEqual(new Set([`${A}@reader-a:1`, `${B}@reader-a:2`]))
    for (const x of reads) {
      expect(x.rssi).toBeGreaterThanOrEqual(-60)
      expect(x.rssi).toBeLessThanOrEqual(-38)
      expect(Math.abs(x.at - Date.now())).toBeLessThan(5000)
    }
    // lift by RSSI: the very next report carries a read ~25 dB weaker
    const before = reads.length
    const sentAt = sim.lift(A, "rssi")
    await waitUntil(() => reads.slice(before).some((x) => x.epc === A && (x.rssi ?? 0) < -60), 2000, "weak read")
    const weak = reads.slice(before).find((x) => x.epc === A && (x.rssi ?? 0) < -60)!
    expect(weak.at - sentAt).toBeLessThan(200)
    // replace: three strong reads in one report
    const mark = reads.length
    sim.replace(A)
    await waitUntil(() => reads.slice(mark).filter((x) => x.epc === A && (x.rssi ?? -99) > -60).length >= 3, 2000, "replace reads")
    // silence: the tag is no longer reported
    sim.lift(B, "silence")
    await new Promise((res) => setTimeout(res, 150))
    const after = reads.length
    await new Promise((res) => setTimeout(res, 300))
    expect(reads.slice(after).some((x) => x.epc === B)).toBe(false)
    expect(sim.tags().map((t) => t.state).sort()).toEqual(["away", "on"])
  })

  it("reconnects with backoff when the reader goes away and comes back on the same port", async () => {
    const first = await startSimulator({ port: 0, tags: [{ epc: A, antenna: 1 }], intervalMs: 50 })
    const port = first.port
    const { reader: r, reads } = reader(port)
    await first.waitForClient()
    await waitUntil(() => reads.length > 0, 3000, "first reads")
    await first.close()
    await waitUntil(() => !r.connected(), 3000, "disconnect noticed")
    const second = await simulator([{ epc: B, antenna: 3 }], port)
    await second.waitForClient(15_000)
    await waitUntil(() => reads.some((x) => x.epc === B && x.antenna === "reader-a:3"), 5000, "reads after reconnect")
    expect(r.connected()).toBe(true)
  })

  it("copes with a reader that sends KEEPALIVEs mid-setup and several messages in one TCP segment", async () => {
    // llrpjs 1.0.1 alone decodes one message per 'data' chunk and its transact() spins when another
    // message arrives before the response; the adapter must still set up and see every report.
    const server = createLlrpServer({ host: "127.0.0.1", port: 0 })
    let acks = 0
    const encode = (m: { encode(): { getBuffer(): Buffer } }) => m.encode().getBuffer()
    const ok = { LLRPStatus: { StatusCode: "M_Success", ErrorDescription: "" } }
    const report = (epc: string, antenna: number) =>
      new LLRPCore.RO_ACCESS_REPORT({ data: { TagReportData: { EPC_96: { EPC: epc }, AntennaID: { AntennaID: antenna }, PeakRSSI: { PeakRSSI: -50 } } } })
    server.on("connection", () => {
      const notify = new LLRPCore.READER_EVENT_NOTIFICATION({
        data: { ReaderEventNotificationData: { UTCTimestamp: { Microseconds: new Date() }, ConnectionAttemptEvent: { Status: "Success" } } },
      })
      server.socket!.write(encode(notify))
    })
    server.on("KEEPALIVE_ACK", () => (acks += 1))
    for (const name of ["DELETE_ROSPEC", "ADD_ROSPEC", "ENABLE_ROSPEC", "START_ROSPEC"]) {
      server.on(name, () => {
        const parts = [encode(new LLRPCore.KEEPALIVE()), encode(new LLRPCore[`${name}_RESPONSE`]({ data: ok }))]
        if (name === "START_ROSPEC") parts.push(encode(report(A, 1)), encode(report(B, 2)))
        server.socket!.write(Buffer.concat(parts)) // all in one write
      })
    }
    await new Promise<void>((resolve) => {
      server.netServer.once("listening", () => resolve())
      server.listen()
    })
    cleanup.push(async () => {
      server.socket?.destroy()
      await new Promise<void>((resolve) => server.netServer.close(() => resolve()))
    })
    const { reader: r, reads } = reader(server.address()!.port, "rdr")
    await waitUntil(() => reads.length >= 2, 5000, "both coalesced reports")
    expect(reads.map((x) => `${x.epc}@${x.antenna}`)).toEqual([`${A}@rdr:1`, `${B}@rdr:2`])
    expect(r.connected()).toBe(true)
    await waitUntil(() => acks >= 4, 2000, "keepalive acks")
  })
})

describe("simulator → agent → /agent/events", () => {
  let backend: FakeBackend
  let agent: Agent
  let sse: SseClient

  it("a lift by RSSI reaches the app's event stream at once; a silent lift after liftAfterMs; replace with dwell", async () => {
    backend = await startFakeBackend({ antennas: ["reader-a:1", "reader-a:2"] })
    cleanup.push(() => backend.close())
    const sim = await simulator()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-agent-llrp-"))
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    agent = await startAgent({
      backendUrl: backend.url,
      kioskKey: backend.key,
      port: 0,
      reader: { kind: "llrp", host: "127.0.0.1", port: sim.port }, // no name: taken from the kiosk's antennas
      dataDir,
      appDir: dataDir,
      liftAfterMs: 600,
      log: () => {},
    })
    cleanup.push(() => agent.close())
    expect(agent.kioskId).toBe(backend.kiosk.id)
    sse = await openSse(`${agent.url}/agent/events`)
    cleanup.push(() => sse.close())
    await sim.waitForClient() // connected, ROSpec started, 3 reports written: the tags are present

    const sentAt = sim.lift(A, "rssi")
    const lift = await sse.waitFor((m) => m.event === "tag" && JSON.parse(m.data).type === "lift")
    const receivedAt = Date.now()
    const event = JSON.parse(lift.data) as KioskTagEvent
    expect(event).toMatchObject({ type: "lift", epc: A, antenna: "reader-a:1" })
    expect(receivedAt - sentAt).toBeLessThan(150)

    const silentAt = sim.lift(B, "silence")
    const silent = await sse.waitFor((m) => m.event === "tag" && JSON.parse(m.data).epc === B)
    expect(Date.now() - silentAt).toBeGreaterThanOrEqual(550)
    expect(JSON.parse(silent.data)).toMatchObject({ type: "lift", antenna: "reader-a:2" })

    sim.replace(A)
    const replace = await sse.waitFor((m) => m.event === "tag" && JSON.parse(m.data).type === "replace")
    expect(JSON.parse(replace.data)).toMatchObject({ epc: A, antenna: "reader-a:1" })
    expect(JSON.parse(replace.data).dwell_ms).toBeGreaterThan(0)

    // every event reached the backend exactly once
    await agent.flush()
    await waitUntil(() => backend.stored.size === 3, 3000, "events stored")
    expect([...backend.stored.values()].map((e) => e.type).sort()).toEqual(["lift", "lift", "replace"])
    expect(agent.queueLength()).toBe(0)
    const status = await (await fetch(`${agent.url}/agent/status`)).json()
    expect(status).toMatchObject({
      kiosk_id: backend.kiosk.id,
      backend_online: true,
      queue_length: 0,
      reader: { kind: "llrp", connected: true, tags_present: 1, tags_lifted: 1 },
    })
  })

  it("started while the backend is down (no cached identity): antenna names follow the kiosk once it is known", async () => {
    const probe = await startFakeBackend()
    const port = Number(new URL(probe.url).port)
    await probe.close()
    const sim = await simulator()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-agent-late-"))
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const late = await startAgent({
      backendUrl: `http://127.0.0.1:${port}`,
      kioskKey: "kk_test.0123456789abcdef",
      port: 0,
      reader: { kind: "llrp", host: "127.0.0.1", port: sim.port },
      dataDir,
      appDir: dataDir,
      heartbeatMs: 100,
      log: () => {},
    })
    cleanup.push(() => late.close())
    expect(late.kioskId).toBe("")
    expect(late.backendOnline()).toBe(false)
    await sim.waitForClient() // tags already seen as "reader:1", "reader:2"
    const up = await startFakeBackend({ port, antennas: ["reader-b:1", "reader-b:2"] })
    cleanup.push(() => up.close())
    await waitUntil(() => late.kioskId === up.kiosk.id, 5000, "identity")
    const events = await openSse(`${late.url}/agent/events`)
    cleanup.push(() => events.close())
    await waitUntil(async () => (await (await fetch(`${late.url}/agent/status`)).json()).reader.tags_present === 2, 3000, "tags present under the new names")
    sim.lift(B, "rssi")
    const lift = JSON.parse((await events.waitFor((m) => m.event === "tag")).data) as KioskTagEvent
    expect(lift).toMatchObject({ type: "lift", epc: B, antenna: "reader-b:2" })
    // identity is cached for the next start without network
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, "kiosk.json"), "utf8"))).toMatchObject({ id: up.kiosk.id })
  })
})
