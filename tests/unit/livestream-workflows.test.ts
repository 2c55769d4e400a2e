// The livestream workflows' compensation, run in process against an in-memory livestream service:
// when a step fails after the open pin was closed (pin switch) or a session changed (end), the
// steps before it are undone — the open pin is open again, the session as it was — and the lock freed.

import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { describe, expect, it } from "vitest"
import { endSessionWorkflow, pinWorkflow } from "../../plugins/livestream/src/workflows"

type Row = Record<string, any> & { id: string }

function matches(row: Row, filters: Record<string, unknown>) {
  return Object.entries(filters).every(([key, value]) => (value === null ? row[key] === null || row[key] === undefined : Array.isArray(value) ? value.includes(row[key]) : row[key] === value))
}

function fakeLivestream(options: { failCreatePin?: boolean; failEnd?: boolean }) {
  const sessions: Row[] = [{ id: "lses_1", host_id: "host_a", status: "live", started_at: new Date(), ended_at: null }]
  const items: Row[] = [
    { id: "lsit_1", session_id: "lses_1", product_id: "prod_1", variant_id: "var_1", live_stock_cap: null, sold_quantity: 0 },
    { id: "lsit_2", session_id: "lses_1", product_id: "prod_1", variant_id: "var_2", live_stock_cap: null, sold_quantity: 0 },
  ]
  const pins: Row[] = [{ id: "lpin_1", session_id: "lses_1", lineup_item_id: "lsit_1", pinned_at: new Date(), unpinned_at: null }]
  const list = (rows: Row[]) => async (filters: Record<string, unknown> = {}) => rows.filter((row) => matches(row, filters)).map((row) => ({ ...row }))
  const update = (rows: Row[]) => async (data: Row) => {
    const row = rows.find((r) => r.id === data.id)!
    Object.assign(row, data)
    return { ...row }
  }
  const service = {
    listLiveSessions: list(sessions),
    listLineupItems: list(items),
    listPins: list(pins),
    updateLiveSessions: async (data: Row) => {
      if (options.failEnd && data.status === "ended") throw new Error("database went away")
      return update(sessions)(data)
    },
    updatePins: update(pins),
    createPins: async (data: Omit<Row, "id">) => {
      if (options.failCreatePin) throw new Error("database went away")
      const row = { id: `lpin_${pins.length + 1}`, ...data }
      pins.push(row)
      return { ...row }
    },
    deletePins: async (id: string) => {
      pins.splice(pins.findIndex((p) => p.id === id), 1)
    },
  }
  return { service, sessions, pins }
}

function containerWith(service: object) {
  const held = new Set<string>()
  const container = createMedusaContainer()
  const query = {
    graph: async ({ entity, filters }: { entity: string; filters: { id: string } }) =>
      entity === "product"
        ? { data: [{ id: filters.id, status: "published" }] }
        : { data: [{ id: filters.id, product_id: "prod_1", manage_inventory: false, allow_backorder: false, inventory_items: [] }] },
  }
  const locking = {
    acquire: async (keys: string | string[]) => {
      for (const key of [keys].flat()) {
        if (held.has(key)) throw new Error(`locked: ${key}`)
        held.add(key)
      }
    },
    release: async (keys: string | string[]) => {
      for (const key of [keys].flat()) held.delete(key)
      return true
    },
  }
  container.register({
    livestream: asValue(service),
    [ContainerRegistrationKeys.QUERY]: asValue(query),
    [ContainerRegistrationKeys.LOGGER]: asValue({ info() {}, warn() {}, error() {}, debug() {}, log() {} }),
    [Modules.LOCKING]: asValue(locking),
  })
  return { container, held }
}

describe("livestream workflows undo what they did when a later step fails", () => {
  it("pin switch: the new pin fails → the pin it closed is open again, the lock is free", async () => {
    const { service, pins } = fakeLivestream({ failCreatePin: true })
    const { container, held } = containerWith(service)
    await expect(pinWorkflow(container as any).run({ input: { session_id: "lses_1", host_id: "host_a", lineup_item_id: "lsit_2" } })).rejects.toThrow(/database went away/)
    expect(pins).toHaveLength(1)
    expect(pins[0]).toMatchObject({ id: "lpin_1", unpinned_at: null })
    expect(held.size).toBe(0)
  })

  it("pin switch succeeds: the old pin closed, the new one open", async () => {
    const { service, pins } = fakeLivestream({})
    const { container, held } = containerWith(service)
    const { result } = await pinWorkflow(container as any).run({ input: { session_id: "lses_1", host_id: "host_a", lineup_item_id: "lsit_2" } })
    expect(result.pin).toMatchObject({ lineup_item_id: "lsit_2", unpinned_at: null })
    expect(pins.find((p) => p.id === "lpin_1")!.unpinned_at).toBeInstanceOf(Date)
    expect(pins.filter((p) => p.unpinned_at === null)).toHaveLength(1)
    expect(held.size).toBe(0)
  })

  it("end: the status change fails → the session is live again and its pin open again", async () => {
    const { service, sessions, pins } = fakeLivestream({ failEnd: true })
    const { container, held } = containerWith(service)
    await expect(endSessionWorkflow(container as any).run({ input: { session_id: "lses_1", host_id: "host_a" } })).rejects.toThrow(/database went away/)
    expect(sessions[0]).toMatchObject({ status: "live", ended_at: null })
    expect(pins[0]).toMatchObject({ id: "lpin_1", unpinned_at: null })
    expect(held.size).toBe(0)
  })
})
