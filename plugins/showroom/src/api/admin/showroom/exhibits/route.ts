import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { exhibitViews } from "../../../../lib/showroom-exhibits"
import { productIdsMatching } from "../../../../lib/showroom-products"
import { showroom } from "../../../../lib/showroom-service"
import { createExhibitWorkflow } from "../../../../workflows/exhibits"
import type { CreateExhibitType, ListExhibitsType } from "../validators"

/**
 * GET /admin/showroom/exhibits?zone_id=&centre_id=&status=&q= — exhibits (展品), on display
 * unless `status=withdrawn`, by zone rank; `q` matches the product title or the plinth.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListExhibitsType>, res: MedusaResponse) {
  const { zone_id, centre_id, status, q, limit, offset } = req.validatedQuery
  const service = showroom(req.scope)
  const filters: Record<string, unknown> = { status: status ?? "on_display" }
  if (zone_id) filters.zone_id = zone_id
  if (centre_id) {
    const zones = await service.listZones({ centre_id }, { select: ["id"] })
    const ids = zones.map((z) => z.id).filter((id) => !zone_id || id === zone_id)
    filters.zone_id = ids
  }
  if (q) {
    const productIds = await productIdsMatching(req.scope, q)
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    filters.$or = [{ plinth: { $ilike: pattern } }, ...(productIds.length ? [{ product_id: productIds }] : [])]
  }
  const [rows, count] = await service.listAndCountExhibits(filters, {
    select: ["id"],
    take: limit,
    skip: offset,
    order: { plinth: "ASC", rank: "ASC", created_at: "ASC" },
  })
  res.json({ exhibits: await exhibitViews(req.scope, rows.map((r) => r.id)), count, limit, offset })
}

/** POST /admin/showroom/exhibits — puts a product variant on display with its tags (workflow). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<CreateExhibitType>, res: MedusaResponse) => {
  const { result } = await createExhibitWorkflow(req.scope).run({ input: req.validatedBody })
  const [exhibit] = await exhibitViews(req.scope, [result.exhibit.id])
  res.status(201).json({ exhibit })
})
