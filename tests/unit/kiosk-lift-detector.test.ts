import fs from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { LiftDetector } from "../../kiosk/agent/src/lift-detector"
import type { KioskTagEvent, TagRead } from "../../kiosk/shared/types"

interface Fixture {
  description: string
  options: { liftAfterMs: number; rssiDropDb: number }
  start: number
  end: number
  reads: TagRead[]
  expected: { type: "lift" | "replace"; epc: string; antenna: string; at: number; dwell_ms?: number }[]
}

const fixtureDir = path.join(__dirname, "fixtures/kiosk-reads")

/** Replays a recorded stream: reads in order, the detector's clock ticking every 50 ms in between. */
function replay(detector: LiftDetector, reads: TagRead[], start: number, end: number, tickMs = 50): KioskTagEvent[] {
  const events: KioskTagEvent[] = []
  let next = start
  for (const read of reads) {
    while (next <= read.at) {
      events.push(...detector.tick(next))
      next += tickMs
    }
    events.push(...detector.feed(read))
  }
  while (next <= end) {
    events.push(...detector.tick(next))
    next += tickMs
  }
  return events
}

const simplify = (e: KioskTagEvent) => ({
  type: e.type,
  epc: e.epc,
  antenna: e.antenna,
  at: Date.parse(e.occurred_at),
  ...(e.type === "replace" ? { dwell_ms: e.dwell_ms } : {}),
})

describe("LiftDetector on recorded read streams", () => {
  for (const name of ["noise", "silence", "rssi-drop", "flapping", "two-tags"]) {
    it(name, () => {
      const fixture = JSON.parse(fs.readFileSync(path.join(fixtureDir, `${name}.json`), "utf8")) as Fixture
      const detector = new LiftDetector(fixture.options)
      const events = replay(detector, fixture.reads, fixture.start, fixture.end)
      const byTime = <T extends { at: number; epc: string }>(a: T, b: T) => a.at - b.at || a.epc.localeCompare(b.epc)
      expect(events.map(simplify).sort(byTime)).toEqual([...fixture.expected].sort(byTime))
      // every event has its own UUID
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
      for (const e of events) expect(e.id).toMatch(/^[0-9a-f-]{36}$/)
    })
  }

  it("the same stream gives the same events whatever the tick rate", () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(fixtureDir, "two-tags.json"), "utf8")) as Fixture
    const order = (x: { at: number; epc: string }, y: { at: number; epc: string }) => x.at - y.at || x.epc.localeCompare(y.epc)
    const a = replay(new LiftDetector(fixture.options), fixture.reads, fixture.start, fixture.end, 10).map(simplify).sort(order)
    const b = replay(new LiftDetector(fixture.options), fixture.reads, fixture.start, fixture.end, 200).map(simplify).sort(order)
    expect(a).toHaveLength(4)
    expect(b).toEqual(a)
  })
})

describe("LiftDetector rules", () => {
  const T = 1_800_000_000_000
  const steady = (d: LiftDetector, epc: string, antenna: string, from: number, n: number, rssi = -45) => {
    const out: KioskTagEvent[] = []
    for (let i = 0; i < n; i++) out.push(...d.feed({ epc, antenna, rssi, at: from + i * 100 }))
    return out
  }

  it("a tag that was never stably present cannot be lifted (one or two stray reads)", () => {
    const d = new LiftDetector()
    d.feed({ epc: "AA11", antenna: "r:1", rssi: -50, at: T })
    d.feed({ epc: "AA11", antenna: "r:1", rssi: -50, at: T + 100 })
    expect(d.tick(T + 10_000)).toEqual([])
    expect(d.present()).toEqual([])
  })

  it("first sighting is inventory, not a replace; lift after liftAfterMs of silence (configurable)", () => {
    const d = new LiftDetector({ liftAfterMs: 1000 })
    expect(steady(d, "AA11", "r:1", T, 5)).toEqual([])
    expect(d.present()).toEqual([{ epc: "AA11", antenna: "r:1" }])
    expect(d.tick(T + 400 + 999)).toEqual([])
    const [lift] = d.tick(T + 400 + 1000)
    expect(lift).toMatchObject({ type: "lift", epc: "AA11", antenna: "r:1", occurred_at: new Date(T + 400).toISOString() })
    expect(d.tick(T + 60_000)).toEqual([]) // one lift is one event
  })

  it("RSSI drop lifts on the very read, without waiting for a timer", () => {
    const d = new LiftDetector({ rssiDropDb: 8 })
    steady(d, "AA11", "r:1", T, 8, -40)
    expect(d.feed({ epc: "AA11", antenna: "r:1", rssi: -47, at: T + 900 })).toEqual([]) // 7 dB: not yet
    const events = d.feed({ epc: "AA11", antenna: "r:1", rssi: -49, at: T + 1000 })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: "lift", occurred_at: new Date(T + 1000).toISOString() })
  })

  it("replace needs a stable, strong presence and reports dwell time", () => {
    const d = new LiftDetector()
    steady(d, "AA11", "r:1", T, 5, -45)
    d.feed({ epc: "AA11", antenna: "r:1", rssi: -70, at: T + 600 }) // lift
    expect(steady(d, "AA11", "r:1", T + 700, 10, -68)).toEqual([]) // held above the plinth
    const events = steady(d, "AA11", "r:1", T + 5_000, 3, -46)
    expect(events).toEqual([
      expect.objectContaining({ type: "replace", epc: "AA11", antenna: "r:1", dwell_ms: 5_000 + 200 - 600 }),
    ])
  })

  it("reads of a present tag on a neighbouring antenna do not keep it present nor move it", () => {
    const d = new LiftDetector()
    steady(d, "AA11", "r:1", T, 5)
    for (let i = 0; i < 30; i++) d.feed({ epc: "AA11", antenna: "r:2", rssi: -70, at: T + 500 + i * 100 })
    const events = d.tick(T + 400 + 1500)
    expect(events.map((e) => [e.type, e.antenna])).toEqual([["lift", "r:1"]])
  })
})

describe("LiftDetector keyboard-wedge semantics", () => {
  const T = 1_800_000_000_000
  it("present = lift, same tag again = replace, another tag = replace + lift, quick repeats ignored", () => {
    const d = new LiftDetector({ wedgeRepeatMs: 1500 })
    const w = (epc: string, at: number) => d.feed({ epc, antenna: "wedge:1", at }).map((e) => [e.type, e.epc, e.dwell_ms ?? null])
    expect(w("04A1B2C3D4", T)).toEqual([["lift", "04A1B2C3D4", null]])
    expect(w("04A1B2C3D4", T + 300)).toEqual([]) // reader repeating while the tag is held
    expect(w("04A1B2C3D4", T + 5_000)).toEqual([["replace", "04A1B2C3D4", 5_000]])
    expect(w("04A1B2C3D4", T + 9_000)).toEqual([["lift", "04A1B2C3D4", null]])
    expect(w("0499887766", T + 12_000)).toEqual([
      ["replace", "04A1B2C3D4", 3_000],
      ["lift", "0499887766", null],
    ])
  })
})
