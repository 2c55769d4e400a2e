import { MedusaError } from "@medusajs/framework/utils"
import { decodeEpc, encodeSgtin96, normalizeEpc, normalizeGtin } from "./epc"
import { SHOWROOM_MESSAGES } from "./showroom-messages"
import type ShowroomModuleService from "../modules/showroom/service"

export type TagRequest = { epc: string } | { gtin: string; serial?: number }

export interface ResolvedTag {
  epc: string
  scheme: "sgtin-96" | "raw"
  gtin: string | null
  serial: string | null
}

/**
 * Turns tag requests into rows to insert: an EPC as reported (normalised, decoded when it is an
 * SGTIN-96) or an SGTIN-96 encoded from a GTIN, its serial defaulting to the next free one for
 * that GTIN (over every tag ever made, retired ones too, so a number is never reused). An EPC
 * already on a tag, or twice in the request, is a 409. Run under the tag lock.
 */
export async function resolveTags(service: ShowroomModuleService, requests: TagRequest[]): Promise<ResolvedTag[]> {
  const resolved: ResolvedTag[] = []
  const nextSerial = new Map<string, bigint>()
  for (const request of requests) {
    if ("epc" in request) {
      const epc = normalizeEpc(request.epc)
      if (!epc) throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.epc_invalid(request.epc))
      const decoded = decodeEpc(epc)!
      resolved.push({ epc, scheme: decoded.scheme, gtin: decoded.gtin, serial: decoded.serial })
      continue
    }
    const gtin = normalizeGtin(request.gtin)
    if (!gtin) throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.gtin_invalid(request.gtin))
    let serial: bigint
    if (request.serial !== undefined) {
      serial = BigInt(request.serial)
    } else {
      if (!nextSerial.has(gtin)) {
        const existing = await service.listRfidTags({ gtin }, { select: ["serial"], withDeleted: true })
        let max = -1n
        for (const tag of existing) if (tag.serial && /^\d+$/.test(tag.serial) && BigInt(tag.serial) > max) max = BigInt(tag.serial)
        nextSerial.set(gtin, max + 1n)
      }
      serial = nextSerial.get(gtin)!
    }
    if (nextSerial.has(gtin) && serial >= nextSerial.get(gtin)!) nextSerial.set(gtin, serial + 1n)
    let epc: string
    try {
      epc = encodeSgtin96(gtin, serial)
    } catch {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.serial_invalid)
    }
    resolved.push({ epc, scheme: "sgtin-96", gtin, serial: serial.toString() })
  }
  const seen = new Set<string>()
  for (const tag of resolved) {
    if (seen.has(tag.epc)) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.epc_taken(tag.epc))
    seen.add(tag.epc)
  }
  if (resolved.length) {
    const [taken] = await service.listRfidTags({ epc: resolved.map((t) => t.epc) }, { select: ["epc"], take: 1 })
    if (taken) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.epc_taken(taken.epc))
  }
  return resolved
}
