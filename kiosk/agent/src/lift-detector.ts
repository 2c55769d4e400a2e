/**
 * LiftDetector — turns a stream of tag reads into lift (拿起) / replace (放回) events.
 *
 * Pure: no timers, no I/O. The caller feeds reads (`feed`) and advances time (`tick`); both return
 * the events they produced. Event ids come from an injected generator (crypto.randomUUID by default).
 *
 * Plinth antennas (any antenna not starting with "wedge:"), per EPC:
 *   - A tag must be seen *stably* on an antenna before it counts as on display: `stableReads`
 *     reads with gaps under `stableGapMs`. A lone noise read never makes a tag present, so it can
 *     never be lifted. The first time a tag becomes present there is no event (it is inventory).
 *   - Present → lifted when
 *       * silence: its home antenna has not read it for `liftAfterMs` (event on `tick`; occurred_at
 *         is the last read, i.e. when it stopped being read), or
 *       * RSSI drop: one read on the home antenna is `rssiDropDb` or more below the tag's baseline
 *         (mean of its last reads while present) — event on that read, no timer involved.
 *   - Lifted → replaced when it is again seen stably (same rule as above) on any plinth antenna with
 *     an RSSI no lower than baseline − rssiDropDb/2 (hysteresis: a tag held just above the plinth
 *     and read weakly is still lifted). The replace carries dwell_ms = time since the lift, and the
 *     antenna it was put back on (which becomes its new home).
 *   - Debounce: one lift is one event; a flapping tag (reads with gaps around liftAfterMs) gives one
 *     lift and no replace until it is stable again, so no lift/replace storms. Reads of a present tag
 *     on other antennas (RF bleed from a neighbouring plinth) are ignored.
 *   - Tags are independent: two tags lifted at once give two lifts.
 *
 * Keyboard-wedge antennas ("wedge:<n>") are desk readers a visitor presents a tag to, not plinths:
 *   - a read of UID X when nothing is presented → lift X (show the product);
 *   - a read of X again while X is presented → replace X (back to the attract loop), with dwell_ms;
 *   - a read of Y while X is presented → replace X then lift Y;
 *   - a repeat of the same UID within `wedgeRepeatMs` is ignored (readers repeat while held).
 */
import { randomUUID } from "node:crypto"
import type { KioskTagEvent, TagRead } from "../../shared/types"

export interface LiftDetectorOptions {
  liftAfterMs?: number // silence before a present tag counts as lifted (default 1500)
  rssiDropDb?: number // RSSI drop below baseline that counts as lifted (default 10)
  stableReads?: number // reads needed to count as present (default 3)
  stableGapMs?: number // max gap between those reads (default min(liftAfterMs, 1000))
  baselineReads?: number // reads averaged for the RSSI baseline (default 8)
  wedgeRepeatMs?: number // ignore a repeated wedge read of the same UID within this (default 1500)
  newId?: () => string
}

type State = "candidate" | "present" | "lifted"

interface TagState {
  epc: string
  state: State
  home: string | null // antenna it is (or was last) present on
  lastSeen: number // last read on home antenna
  rssi: number[] // recent RSSI on home antenna while present
  baseline: number | null // RSSI baseline frozen at lift time
  liftedAt: number | null
  // candidate streak towards (re)presence
  streakAntenna: string | null
  streakCount: number
  streakLast: number
}

export class LiftDetector {
  readonly liftAfterMs: number
  readonly rssiDropDb: number
  readonly stableReads: number
  readonly stableGapMs: number
  readonly baselineReads: number
  readonly wedgeRepeatMs: number
  private readonly newId: () => string
  private readonly tags = new Map<string, TagState>()
  private wedge: { epc: string; antenna: string; at: number; lastRead: number } | null = null
  private wedgeLast: { epc: string; at: number } | null = null

  constructor(options: LiftDetectorOptions = {}) {
    this.liftAfterMs = options.liftAfterMs ?? 1500
    this.rssiDropDb = options.rssiDropDb ?? 10
    this.stableReads = Math.max(1, options.stableReads ?? 3)
    this.stableGapMs = options.stableGapMs ?? Math.min(this.liftAfterMs, 1000)
    this.baselineReads = Math.max(1, options.baselineReads ?? 8)
    this.wedgeRepeatMs = options.wedgeRepeatMs ?? 1500
    this.newId = options.newId ?? randomUUID
  }

  /** Feed one read; returns the events it caused (usually none). */
  feed(read: TagRead): KioskTagEvent[] {
    const epc = read.epc.toUpperCase()
    if (read.antenna.startsWith("wedge:")) return this.feedWedge(epc, read)
    const events: KioskTagEvent[] = []
    let tag = this.tags.get(epc)
    if (!tag) {
      tag = {
        epc,
        state: "candidate",
        home: null,
        lastSeen: read.at,
        rssi: [],
        baseline: null,
        liftedAt: null,
        streakAntenna: null,
        streakCount: 0,
        streakLast: 0,
      }
      this.tags.set(epc, tag)
    }

    if (tag.state === "present") {
      if (read.antenna !== tag.home) return events // bleed onto a neighbouring antenna
      const baseline = this.baselineOf(tag)
      if (read.rssi !== undefined && baseline !== null && read.rssi <= baseline - this.rssiDropDb) {
        events.push(this.lift(tag, read.at, baseline))
        return events
      }
      tag.lastSeen = Math.max(tag.lastSeen, read.at)
      if (read.rssi !== undefined) {
        tag.rssi.push(read.rssi)
        if (tag.rssi.length > this.baselineReads) tag.rssi.shift()
      }
      return events
    }

    // candidate or lifted: count a stable streak
    if (tag.state === "lifted" && read.rssi !== undefined && tag.baseline !== null) {
      if (read.rssi < tag.baseline - this.rssiDropDb / 2) {
        tag.streakCount = 0 // weak read: still held above the plinth
        return events
      }
    }
    if (tag.streakAntenna === read.antenna && tag.streakCount > 0 && read.at - tag.streakLast <= this.stableGapMs) {
      tag.streakCount += 1
    } else {
      tag.streakAntenna = read.antenna
      tag.streakCount = 1
    }
    tag.streakLast = Math.max(tag.streakLast, read.at)
    if (read.rssi !== undefined && tag.streakCount === 1) tag.rssi = []
    if (read.rssi !== undefined) {
      tag.rssi.push(read.rssi)
      if (tag.rssi.length > this.baselineReads) tag.rssi.shift()
    }
    if (tag.streakCount >= this.stableReads) {
      const wasLifted = tag.state === "lifted"
      const liftedAt = tag.liftedAt
      tag.state = "present"
      tag.home = read.antenna
      tag.lastSeen = read.at
      tag.baseline = null
      tag.liftedAt = null
      tag.streakCount = 0
      tag.streakAntenna = null
      if (wasLifted) {
        events.push({
          id: this.newId(),
          type: "replace",
          epc,
          antenna: read.antenna,
          occurred_at: new Date(read.at).toISOString(),
          dwell_ms: liftedAt === null ? null : Math.max(0, read.at - liftedAt),
        })
      }
    }
    return events
  }

  /** Advance the clock; returns silence lifts that are now due. */
  tick(now: number): KioskTagEvent[] {
    const events: KioskTagEvent[] = []
    for (const tag of this.tags.values()) {
      if (tag.state === "present" && now - tag.lastSeen >= this.liftAfterMs) {
        events.push(this.lift(tag, tag.lastSeen, this.baselineOf(tag)))
      } else if (tag.state === "candidate" && now - tag.streakLast > this.liftAfterMs * 4) {
        this.tags.delete(tag.epc) // forget noise
      }
    }
    return events
  }

  /** EPCs currently present, by antenna (for status and tests). */
  present(): { epc: string; antenna: string }[] {
    return [...this.tags.values()]
      .filter((t) => t.state === "present" && t.home)
      .map((t) => ({ epc: t.epc, antenna: t.home as string }))
  }

  /** EPCs currently lifted. */
  lifted(): string[] {
    const plinth = [...this.tags.values()].filter((t) => t.state === "lifted").map((t) => t.epc)
    return this.wedge ? [...plinth, this.wedge.epc] : plinth
  }

  private baselineOf(tag: TagState): number | null {
    if (tag.rssi.length === 0) return null
    return tag.rssi.reduce((a, b) => a + b, 0) / tag.rssi.length
  }

  private lift(tag: TagState, at: number, baseline: number | null): KioskTagEvent {
    tag.state = "lifted"
    tag.liftedAt = at
    tag.baseline = baseline
    tag.streakCount = 0
    tag.streakAntenna = null
    return {
      id: this.newId(),
      type: "lift",
      epc: tag.epc,
      antenna: tag.home,
      occurred_at: new Date(at).toISOString(),
    }
  }

  private feedWedge(epc: string, read: TagRead): KioskTagEvent[] {
    const last = this.wedgeLast
    this.wedgeLast = { epc, at: read.at }
    if (last && last.epc === epc && read.at - last.at < this.wedgeRepeatMs) return []
    const events: KioskTagEvent[] = []
    const current = this.wedge
    if (current) {
      events.push({
        id: this.newId(),
        type: "replace",
        epc: current.epc,
        antenna: current.antenna,
        occurred_at: new Date(read.at).toISOString(),
        dwell_ms: Math.max(0, read.at - current.at),
      })
      this.wedge = null
      if (current.epc === epc) return events
    }
    this.wedge = { epc, antenna: read.antenna, at: read.at, lastRead: read.at }
    events.push({ id: this.newId(), type: "lift", epc, antenna: read.antenna, occurred_at: new Date(read.at).toISOString() })
    return events
  }
}
