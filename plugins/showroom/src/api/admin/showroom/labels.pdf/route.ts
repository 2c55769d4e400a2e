import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { pdfDownloadHeaders } from "@gongwucang/platform/pdf"
import { renderTagLabels, type LabelInput } from "../../../../lib/showroom-labels"
import { SHOWROOM_MESSAGES } from "../../../../lib/showroom-messages"
import { productSummaries } from "../../../../lib/showroom-products"
import { showroom } from "../../../../lib/showroom-service"
import type { LabelsQueryType } from "../validators"

/**
 * GET /admin/showroom/labels.pdf?exhibit_ids=a,b | ?zone_id= — printable labels, one per active
 * tag of the exhibits (404 unknown exhibit or zone; 400 when they have no tags).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, LabelsQueryType>, res: MedusaResponse) {
  const { exhibit_ids, zone_id } = req.validatedQuery
  const service = showroom(req.scope)
  let exhibits
  if (zone_id) {
    const [zone] = await service.listZones({ id: zone_id }, { select: ["id"], take: 1 })
    if (!zone) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.zone_not_found(zone_id))
    exhibits = await service.listExhibits({ zone_id, status: "on_display" }, { relations: ["zone", "tags"], order: { plinth: "ASC", rank: "ASC" } })
  } else {
    exhibits = await service.listExhibits({ id: exhibit_ids! }, { relations: ["zone", "tags"], order: { plinth: "ASC", rank: "ASC" } })
    const found = new Set(exhibits.map((e) => e.id))
    const missing = exhibit_ids!.find((id) => !found.has(id))
    if (missing) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.exhibit_not_found(missing))
  }
  const products = await productSummaries(req.scope, exhibits.map((e) => e.product_id))
  const labels: LabelInput[] = []
  for (const exhibit of exhibits) {
    for (const tag of exhibit.tags ?? []) {
      if (tag.status !== "active") continue
      labels.push({ title: products.get(exhibit.product_id)?.title ?? exhibit.product_id, plinth: exhibit.plinth, zone_code: exhibit.zone?.code ?? null, epc: tag.epc })
    }
  }
  if (!labels.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "所选展品没有可打印的标签 / the chosen exhibits have no active tags to print")
  const pdf = await renderTagLabels(labels)
  res.set(pdfDownloadHeaders(`展品标签-${zone_id ?? exhibits.length}.pdf`, pdf))
  res.status(200).send(pdf)
}
