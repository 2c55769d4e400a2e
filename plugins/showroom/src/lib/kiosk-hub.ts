import { EventEmitter } from "node:events"

/**
 * In-process fan-out for the kiosk streams (GET /kiosk/kiosks/:id/stream): stored tag events,
 * revocations / key rotations, and showroom data changes. One backend process; fanning out
 * across processes (Redis) is a later change. Kept on globalThis so every copy of this module
 * the loader may create shares the same emitter.
 */

export interface StoredTagEvent {
  id: string
  type: "lift" | "replace"
  epc: string
  antenna: string | null
  occurred_at: string
  dwell_ms: number | null
  exhibit_id: string | null
  product_id: string | null
  kiosk_id: string
  centre_id: string
}

interface HubEvents {
  tag: [StoredTagEvent]
  /** The kiosk's key stopped working (revoked or rotated): its streams end. */
  revoked: [{ kiosk_id: string }]
  /** Something a bundle shows may have changed; streams recompute their version. */
  changed: [{ centre_id: string | null }]
}

const KEY = Symbol.for("gongwucang.showroom.kiosk-hub")

export type KioskHub = EventEmitter<HubEvents>

export function kioskHub(): KioskHub {
  const g = globalThis as unknown as Record<symbol, KioskHub | undefined>
  if (!g[KEY]) {
    const hub = new EventEmitter<HubEvents>()
    hub.setMaxListeners(0)
    g[KEY] = hub
  }
  return g[KEY]!
}
