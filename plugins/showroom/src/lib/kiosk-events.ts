import type { KioskActor } from "./kiosk-auth"
import { showroomService } from "./kiosk-auth"
import { kioskHub, type StoredTagEvent } from "./kiosk-hub"
import type { KioskTagEvent } from "./kiosk-types"

type Row = Record<string, any>
type Scope = { resolve: (key: string) => any }

export interface RecordResult {
  accepted: string[]
  duplicates: string[]
  stored: StoredTagEvent[]
}

function isDuplicate(error: unknown): boolean {
  const e = (error ?? {}) as { type?: string; code?: string; message?: string; cause?: { code?: string } }
  return (
    e.type === "duplicate_error" ||
    e.code === "23505" ||
    e.cause?.code === "23505" ||
    /already exists|duplicate key|unique constraint/i.test(String(e.message ?? ""))
  )
}

/**
 * Stores a kiosk's batch of lift / replace events, each exactly once by its id (the unique
 * `event_id`): ids already stored come back as duplicates. The new ones go in one insert; when a
 * concurrent replay of the same batch wins the race (unique violation), they are inserted one by
 * one so each lands in accepted or duplicates, never twice and never a 500. The exhibit and
 * product are resolved from the EPC among the active tags of the kiosk's centre (unknown: null).
 */
export async function recordKioskEvents(scope: Scope, kiosk: KioskActor, events: KioskTagEvent[], now = new Date()): Promise<RecordResult> {
  const showroom = showroomService(scope)
  const seen = new Set<string>()
  const duplicates: string[] = []
  const unique: KioskTagEvent[] = []
  for (const event of events) {
    if (seen.has(event.id)) duplicates.push(event.id)
    else {
      seen.add(event.id)
      unique.push(event)
    }
  }
  const existing = new Set(
    (await showroom.listKioskEvents({ event_id: unique.map((e) => e.id) }, { select: ["event_id"], withDeleted: true })).map((e) => e.event_id)
  )
  const fresh = unique.filter((e) => {
    if (!existing.has(e.id)) return true
    duplicates.push(e.id)
    return false
  })
  if (!fresh.length) return { accepted: [], duplicates: dedupeOrder(events, duplicates, []), stored: [] }

  // EPC → exhibit among the centre's active tags.
  const epcs = [...new Set(fresh.map((e) => e.epc))]
  const tags = (await showroom.listRfidTags({ epc: epcs, status: "active" }, { relations: ["exhibit", "exhibit.zone"] })) as Row[]
  const exhibitOf = new Map<string, Row>()
  for (const tag of tags) {
    const exhibit = tag.exhibit
    if (exhibit && exhibit.zone?.centre_id === kiosk.centre_id) exhibitOf.set(String(tag.epc).toUpperCase(), exhibit)
  }
  const rows = fresh.map((e) => {
    const exhibit = exhibitOf.get(e.epc)
    return {
      event_id: e.id,
      kiosk_id: kiosk.id,
      centre_id: kiosk.centre_id,
      type: e.type,
      epc: e.epc,
      antenna: e.antenna ?? null,
      exhibit_id: exhibit?.id ?? null,
      product_id: exhibit?.product_id ?? null,
      occurred_at: new Date(e.occurred_at),
      received_at: now,
      dwell_ms: e.type === "replace" && typeof e.dwell_ms === "number" ? Math.round(e.dwell_ms) : null,
    }
  })

  const accepted: string[] = []
  const storedRows: typeof rows = []
  try {
    await showroom.createKioskEvents(rows)
    accepted.push(...rows.map((r) => r.event_id))
    storedRows.push(...rows)
  } catch (error) {
    if (!isDuplicate(error)) throw error
    for (const row of rows) {
      try {
        await showroom.createKioskEvents(row)
        accepted.push(row.event_id)
        storedRows.push(row)
      } catch (single) {
        if (!isDuplicate(single)) throw single
        duplicates.push(row.event_id)
      }
    }
  }

  const stored: StoredTagEvent[] = storedRows.map((r) => ({
    id: r.event_id,
    type: r.type,
    epc: r.epc,
    antenna: r.antenna,
    occurred_at: r.occurred_at.toISOString(),
    dwell_ms: r.dwell_ms,
    exhibit_id: r.exhibit_id,
    product_id: r.product_id,
    kiosk_id: r.kiosk_id,
    centre_id: r.centre_id,
  }))
  const hub = kioskHub()
  for (const event of stored) hub.emit("tag", event)
  return { accepted, duplicates: dedupeOrder(events, duplicates, accepted), stored }
}

/** Duplicate ids once each, in the order the batch had them; an id accepted now is not also a duplicate. */
function dedupeOrder(events: KioskTagEvent[], duplicates: string[], accepted: string[]): string[] {
  const taken = new Set(accepted)
  const set = new Set(duplicates.filter((id) => !taken.has(id)))
  const out: string[] = []
  for (const e of events) if (set.has(e.id) && !out.includes(e.id)) out.push(e.id)
  return out
}
