import { randomUUID } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { PassThrough } from "node:stream"
import { afterEach, describe, expect, it } from "vitest"
import { startAgent } from "../../kiosk/agent/src/agent"
import { BackendClient } from "../../kiosk/agent/src/backend"
import { EventQueue, EventSender } from "../../kiosk/agent/src/queue"
import type { KioskTagEvent } from "../../kiosk/shared/types"
import { openSse, sleep, startFakeBackend, waitUntil, type EventsBehaviour, type FakeBackend } from "./fixtures/kiosk-agent-helpers"

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!()
})

function tmpDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-queue-"))
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

function event(i: number): KioskTagEvent {
  return {
    id: randomUUID(),
    type: i % 2 === 0 ? "lift" : "replace",
    epc: `3034257BF7194E40000${String(10000 + (i % 30)).padStart(5, "0")}`,
    antenna: `reader-a:${(i % 4) + 1}`,
    occurred_at: new Date(Date.now() - 1000 + i).toISOString(),
    ...(i % 2 === 1 ? { dwell_ms: 1000 + i } : {}),
  }
}

function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
}

/** A flaky network: ~25 % of POSTs are stored but the answer is lost, ~10 % reset before, ~10 % 500, a few 429. */
function flaky(seed: number): () => EventsBehaviour {
  const rand = prng(seed)
  return () => {
    const x = rand()
    if (x < 0.25) return "reset-after"
    if (x < 0.35) return "reset-before"
    if (x < 0.45) return "500"
    if (x < 0.48) return "429"
    return "ok"
  }
}

describe("EventQueue journal", () => {
  it("keeps appended events across a crash (no close), forgets acked ones, ignores a torn last line", () => {
    const dir = tmpDir()
    const q1 = new EventQueue(dir)
    const events = Array.from({ length: 5 }, (_, i) => event(i))
    for (const e of events) q1.append(e)
    q1.append(events[0]) // same id twice is one event
    q1.ack([events[1].id, "unknown-id"])
    // crash: no close(); then a write torn half-way
    fs.appendFileSync(path.join(dir, "event-queue.jsonl"), '{"add":{"id":"torn-')
    const q2 = new EventQueue(dir)
    expect(q2.pending().map((e) => e.id)).toEqual([events[0], events[2], events[3], events[4]].map((e) => e.id))
    const extra = event(9)
    q2.append(extra)
    q2.close()
    const q3 = new EventQueue(dir)
    expect(q3.pending().map((e) => e.id)).toEqual([events[0], events[2], events[3], events[4], extra].map((e) => e.id))
    expect(q3.pending()[0]).toEqual(events[0])
    q3.ack(q3.pending().map((e) => e.id))
    q3.close()
    expect(new EventQueue(dir).length).toBe(0)
  })

  it("compacts a long journal without losing pending events", () => {
    const dir = tmpDir()
    const q = new EventQueue(dir)
    const keep: string[] = []
    for (let i = 0; i < 1500; i++) {
      const e = event(i)
      q.append(e)
      if (i % 100 === 0) keep.push(e.id)
      else q.ack([e.id])
    }
    const lines = fs.readFileSync(q.file, "utf8").trim().split("\n").length
    expect(lines).toBeLessThan(1000)
    q.close()
    expect(new EventQueue(dir).pending().map((e) => e.id)).toEqual(keep)
  })
})

describe("offline queue replay is exactly-once", () => {
  let backend: FakeBackend

  it("EventSender against a flaky backend, with a restart (crash) mid-way: every event stored once, none lost", async () => {
    backend = await startFakeBackend()
    cleanup.push(() => backend.close())
    backend.eventsBehaviour = flaky(7)
    const client = new BackendClient(backend.url, backend.key, 2000)
    const dir = tmpDir()
    const generated: string[] = []
    const open = () => {
      const queue = new EventQueue(dir)
      const sender = new EventSender({ queue, post: (ev) => client.postEvents(ev), minBackoffMs: 5, maxBackoffMs: 40, batchSize: 25 })
      return { queue, sender }
    }
    let { queue, sender } = open()
    for (let i = 0; i < 300; i++) {
      const e = event(i)
      generated.push(e.id)
      queue.append(e)
      sender.kick()
      if (i % 10 === 0) await sleep(3)
      if (i === 150) {
        // the agent dies mid-way: no flush, no close of the journal, requests in flight abandoned
        sender.close()
        ;({ queue, sender } = open())
        sender.kick()
      }
    }
    await waitUntil(() => queue.length === 0, 30_000, "queue drained")
    expect(backend.stored.size).toBe(300)
    expect(new Set(backend.stored.keys())).toEqual(new Set(generated))
    // the flakiness really caused re-sends (answers lost after storing), which the ids made harmless
    expect([...backend.posts.values()].some((n) => n > 1)).toBe(true)
    sender.close()
    queue.close()
    expect(new EventQueue(dir).length).toBe(0)
  })

  it("the agent queues while the backend is down, survives a restart, and replays exactly once when it is back", async () => {
    backend = await startFakeBackend({ antennas: ["reader-a:1"] })
    cleanup.push(() => backend.close())
    const dataDir = tmpDir()
    const input = new PassThrough()
    const start = () =>
      startAgent({ backendUrl: backend.url, kioskKey: backend.key, port: 0, reader: { kind: "wedge", input }, dataDir, appDir: dataDir, log: () => {} })
    let agent = await start()
    const sse = await openSse(`${agent.url}/agent/events`)
    const shown = () => sse.messages.filter((m) => m.event === "tag").map((m) => (JSON.parse(m.data) as KioskTagEvent).id)

    backend.eventsBehaviour = () => "reset-before" // network gone
    const uids = ["04A1B2C3D4", "04A1B2C3D5", "04A1B2C3D6", "04A1B2C3D7"]
    for (const uid of uids) {
      input.write(`${uid}\r`)
      await sleep(10)
    }
    await waitUntil(() => shown().length === 7, 3000, "7 local events (lift, then replace+lift ×3)")
    await waitUntil(() => !agent.backendOnline(), 3000, "backend seen offline")
    await sse.waitFor((m) => m.event === "status" && JSON.parse(m.data).backend_online === false && JSON.parse(m.data).queue_length === 7)
    expect(agent.queueLength()).toBe(7)
    await expect(agent.flush()).rejects.toBeTruthy()
    sse.close()
    await agent.close()

    // restart while still offline; one more read; then the network comes back, answers lost at first
    agent = await start()
    cleanup.push(() => agent.close())
    expect(agent.queueLength()).toBe(7)
    const sse2 = await openSse(`${agent.url}/agent/events`)
    cleanup.push(() => sse2.close())
    input.write("04A1B2C3D8\r") // a fresh session after the restart: a lift
    const lift = await sse2.waitFor((m) => m.event === "tag")
    const ids = [...shown(), (JSON.parse(lift.data) as KioskTagEvent).id]
    expect(new Set(ids).size).toBe(8)
    expect(agent.queueLength()).toBe(8)
    let n = 0
    backend.eventsBehaviour = () => (n++ < 2 ? "reset-after" : "ok")
    for (let i = 0; i < 20 && agent.queueLength() > 0; i++) await agent.flush().catch(() => sleep(50))
    expect(agent.queueLength()).toBe(0)
    expect(new Set(backend.stored.keys())).toEqual(new Set(ids))
    expect(Math.max(...backend.posts.values())).toBeGreaterThan(1) // re-sent after lost answers, stored once
    expect(agent.backendOnline()).toBe(true)
    await sse2.waitFor((m) => m.event === "status" && JSON.parse(m.data).backend_online === true && JSON.parse(m.data).queue_length === 0)
  })
})
