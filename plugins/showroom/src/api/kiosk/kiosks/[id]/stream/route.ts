import type { MedusaResponse } from "@medusajs/framework/http"
import { antennaList, showroomService, type KioskRequest } from "../../../../../lib/kiosk-auth"
import { buildKioskBundle } from "../../../../../lib/kiosk-bundle"
import { kioskHub, type StoredTagEvent } from "../../../../../lib/kiosk-hub"
import { KIOSK_MESSAGES } from "../../../../../lib/kiosk-messages"

const PING_MS = 15_000

function pollMs(): number {
  const n = Number(process.env.GWC_KIOSK_STREAM_POLL_MS)
  return Number.isFinite(n) && n >= 200 ? n : 5_000
}

/**
 * GET /kiosk/kiosks/:id/stream — Server-Sent Events for the caller's own kiosk (another kiosk's
 * id → 403, an unknown one → 404):
 *   event: hello           {bundle_version}
 *   event: lift | replace  KioskTagEvent + exhibit_id, for events stored by any kiosk of the
 *                          centre on an antenna this kiosk watches (id: the event id)
 *   event: bundle-changed  {bundle_version}, when what the bundle shows changed
 *   event: revoked         {message}, then the stream ends (kiosk revoked or key rotated)
 * and a comment every 15 s. The kiosk row is re-read every few seconds too, so a revocation made
 * by another backend process also ends the stream.
 */
export async function GET(req: KioskRequest, res: MedusaResponse) {
  const own = req.kiosk
  const requested = (req.params as { id?: string }).id
  if (requested !== own.id) {
    const [other] = await showroomService(req.scope).listKiosks({ id: requested }, { select: ["id"], take: 1 })
    res.status(other ? 403 : 404).json({ type: other ? "not_allowed" : "not_found", message: other ? KIOSK_MESSAGES.notYourStream : KIOSK_MESSAGES.kioskNotFound })
    return
  }

  let version = (await buildKioskBundle(req.scope, own)).version
  let antennas = new Set(own.antennas)
  let closed = false

  res.status(200)
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8")
  res.setHeader("Cache-Control", "no-cache, no-transform")
  res.setHeader("Connection", "keep-alive")
  res.setHeader("X-Accel-Buffering", "no")
  res.flushHeaders?.()
  req.socket?.setTimeout?.(0)
  req.socket?.setNoDelay?.(true)

  const write = (chunk: string) => {
    if (closed) return
    res.write(chunk)
    ;(res as unknown as { flush?: () => void }).flush?.()
  }
  const send = (event: string, data: unknown, id?: string) => write(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)

  const hub = kioskHub()
  const onTag = (e: StoredTagEvent) => {
    if (e.centre_id !== own.centre_id || !e.antenna || !antennas.has(e.antenna)) return
    send(e.type, { id: e.id, type: e.type, epc: e.epc, antenna: e.antenna, occurred_at: e.occurred_at, dwell_ms: e.dwell_ms, exhibit_id: e.exhibit_id, kiosk_id: e.kiosk_id }, e.id)
  }
  const revoke = () => {
    send("revoked", { message: KIOSK_MESSAGES.revoked })
    cleanup()
    res.end()
  }
  const onRevoked = ({ kiosk_id }: { kiosk_id: string }) => {
    if (kiosk_id === own.id) revoke()
  }
  let checking = false
  const check = async () => {
    if (closed || checking) return
    checking = true
    try {
      const [row] = await showroomService(req.scope).listKiosks({ id: own.id }, { select: ["id", "key_id", "revoked_at", "antennas"], take: 1 })
      if (closed) return
      if (!row || row.revoked_at || row.key_id !== own.key_id) return revoke()
      antennas = new Set(antennaList(row.antennas))
      const next = (await buildKioskBundle(req.scope, { ...own, antennas: [...antennas] })).version
      if (!closed && next !== version) {
        version = next
        send("bundle-changed", { bundle_version: version })
      }
    } catch {
      // The next round tries again; a stream never fails the process.
    } finally {
      checking = false
    }
  }
  const onChanged = ({ centre_id }: { centre_id: string | null }) => {
    if (!centre_id || centre_id === own.centre_id) void check()
  }
  const poll = setInterval(() => void check(), pollMs())
  const ping = setInterval(() => write(`: ping ${new Date().toISOString()}\n\n`), PING_MS)
  function cleanup() {
    if (closed) return
    closed = true
    clearInterval(poll)
    clearInterval(ping)
    hub.off("tag", onTag)
    hub.off("revoked", onRevoked)
    hub.off("changed", onChanged)
  }
  hub.on("tag", onTag)
  hub.on("revoked", onRevoked)
  hub.on("changed", onChanged)
  req.on("close", cleanup)
  res.on("close", cleanup)

  write(`retry: 3000\n\n`)
  send("hello", { bundle_version: version, kiosk_id: own.id })
}
