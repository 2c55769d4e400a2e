import { MedusaError } from "@medusajs/framework/utils"
import { antennaList, showroomService } from "./kiosk-auth"
import { kioskHub } from "./kiosk-hub"
import { issueKioskKey } from "./kiosk-key"
import { KIOSK_MESSAGES } from "./kiosk-messages"

type Row = Record<string, any>
type Scope = { resolve: (key: string) => any }

/** A kiosk is online when its agent sent a heartbeat within the last 2 minutes. */
export const ONLINE_WITHIN_MS = 2 * 60_000

const KIOSK_FIELDS = [
  "id", "name", "centre_id", "zone_id", "antennas", "key_id", "key_rotated_at", "revoked_at",
  "last_heartbeat_at", "app_version", "agent_version", "created_at", "updated_at",
]

/** What the operator sees of a kiosk: never the key or its hash (key_id is the public part). */
export function publicKiosk(row: Row, now = Date.now()) {
  const heartbeat = row.last_heartbeat_at ? new Date(row.last_heartbeat_at) : null
  return {
    id: row.id,
    name: row.name,
    centre_id: row.centre_id,
    zone_id: row.zone_id,
    antennas: antennaList(row.antennas),
    key_id: row.key_id,
    key_prefix: `gwck_${row.key_id}_…`,
    key_rotated_at: row.key_rotated_at ?? null,
    status: row.revoked_at ? "revoked" : "active",
    revoked_at: row.revoked_at ?? null,
    last_heartbeat_at: heartbeat,
    online: !row.revoked_at && !!heartbeat && now - heartbeat.getTime() <= ONLINE_WITHIN_MS,
    app_version: row.app_version ?? null,
    agent_version: row.agent_version ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
export type PublicKiosk = ReturnType<typeof publicKiosk>

export async function kioskById(scope: Scope, id: string): Promise<Row> {
  const [row] = await showroomService(scope).listKiosks({ id }, { select: KIOSK_FIELDS, take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, KIOSK_MESSAGES.kioskNotFound)
  return row as Row
}

export async function listKiosks(scope: Scope, filters: Row, page: { limit: number; offset: number }) {
  const [rows, count] = await showroomService(scope).listAndCountKiosks(filters, {
    select: KIOSK_FIELDS,
    take: page.limit,
    skip: page.offset,
    order: { name: "ASC", created_at: "ASC" },
  })
  return { rows: rows as Row[], count }
}

/** The zone must exist and belong to the centre (400 otherwise); the centre must exist (404). */
export async function assertZoneInCentre(scope: Scope, centreId: string, zoneId: string) {
  const showroom = showroomService(scope)
  const [centre] = await showroom.listCentres({ id: centreId }, { select: ["id"], take: 1 })
  if (!centre) throw new MedusaError(MedusaError.Types.NOT_FOUND, KIOSK_MESSAGES.centreNotFound)
  const [zone] = await showroom.listZones({ id: zoneId, centre_id: centreId }, { select: ["id"], take: 1 })
  if (!zone) throw new MedusaError(MedusaError.Types.INVALID_DATA, `zone_id: ${KIOSK_MESSAGES.zoneNotInCentre}`)
}

/** Creates a kiosk with a fresh key; the key is returned here once and only its hash is stored. */
export async function createKiosk(scope: Scope, input: { centre_id: string; zone_id: string; name: string; antennas: string[] }) {
  await assertZoneInCentre(scope, input.centre_id, input.zone_id)
  const issued = issueKioskKey()
  const created = await showroomService(scope).createKiosks({
    name: input.name,
    centre_id: input.centre_id,
    zone_id: input.zone_id,
    antennas: { ids: input.antennas },
    key_id: issued.key_id,
    key_hash: issued.key_hash,
  } as any)
  return { kiosk: await kioskById(scope, (created as unknown as Row).id), key: issued.key }
}

export async function updateKiosk(scope: Scope, id: string, input: { name?: string; zone_id?: string; antennas?: string[] }) {
  const current = await kioskById(scope, id)
  if (input.zone_id && input.zone_id !== current.zone_id) await assertZoneInCentre(scope, current.centre_id, input.zone_id)
  await showroomService(scope).updateKiosks({
    id,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.zone_id !== undefined ? { zone_id: input.zone_id } : {}),
    ...(input.antennas !== undefined ? { antennas: { ids: input.antennas } } : {}),
  } as any)
  kioskHub().emit("changed", { centre_id: current.centre_id })
  return kioskById(scope, id)
}

/**
 * A new key for the kiosk: the old one stops working at once (its key_id no longer finds the
 * row), the kiosk is un-revoked, and open streams on the old key end with `revoked`.
 */
export async function rotateKioskKey(scope: Scope, id: string) {
  await kioskById(scope, id)
  const issued = issueKioskKey()
  await showroomService(scope).updateKiosks({ id, key_id: issued.key_id, key_hash: issued.key_hash, key_rotated_at: new Date(), revoked_at: null } as any)
  kioskHub().emit("revoked", { kiosk_id: id })
  return { kiosk: await kioskById(scope, id), key: issued.key }
}

/** Revokes the kiosk: its key is refused from the next request on and its streams end. */
export async function revokeKiosk(scope: Scope, id: string) {
  const current = await kioskById(scope, id)
  if (!current.revoked_at) await showroomService(scope).updateKiosks({ id, revoked_at: new Date() } as any)
  kioskHub().emit("revoked", { kiosk_id: id })
  return kioskById(scope, id)
}
