import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SHOWROOM_MESSAGES } from "../../../../lib/showroom-messages"
import { productSummaries } from "../../../../lib/showroom-products"
import { showroom } from "../../../../lib/showroom-service"
import type { StoreScanType } from "../validators"

/**
 * POST /store/showroom/scans — a visitor's phone opened a kiosk QR code (扫码): records the scan
 * (its id goes into the cart's metadata as `showroom_scan_id` for attribution) and answers the
 * products to open. 404 unknown or revoked kiosk; 400 exhibits not in the kiosk's centre.
 */
export async function POST(req: MedusaRequest<StoreScanType>, res: MedusaResponse) {
  const { kiosk_id, exhibit_ids } = req.validatedBody
  const service = showroom(req.scope)
  const [kiosk] = await service.listKiosks({ id: kiosk_id }, { select: ["id", "centre_id", "revoked_at"], take: 1 })
  if (!kiosk || kiosk.revoked_at) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.kiosk_not_found(kiosk_id))
  const wanted = [...new Set(exhibit_ids)]
  const exhibits = await service.listExhibits({ id: wanted }, { relations: ["zone"] })
  const inCentre = new Map(exhibits.filter((e) => e.zone?.centre_id === kiosk.centre_id).map((e) => [e.id, e]))
  const outside = wanted.filter((id) => !inCentre.has(id))
  if (outside.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.exhibits_not_in_centre(outside))
  const first = inCentre.get(wanted[0])!
  const scan = await service.createQrScans({
    kiosk_id: kiosk.id,
    centre_id: kiosk.centre_id,
    exhibit_id: first.id,
    exhibit_ids: { ids: wanted },
    product_id: first.product_id,
  })
  const products = await productSummaries(req.scope, wanted.map((id) => inCentre.get(id)!.product_id))
  const seen = new Set<string>()
  const answer: { id: string; handle: string | null; exhibit_id: string }[] = []
  for (const id of wanted) {
    const productId = inCentre.get(id)!.product_id
    if (seen.has(productId)) continue
    seen.add(productId)
    answer.push({ id: productId, handle: products.get(productId)?.handle ?? null, exhibit_id: id })
  }
  res.status(201).json({ scan: { id: scan.id }, products: answer })
}
