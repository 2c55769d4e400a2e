import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { showroom } from "../../../../lib/showroom-service"
import { centreView } from "../../../../lib/showroom-views"
import type { CreateCentreType } from "../validators"

/** GET /admin/showroom/centres — experience centres (体验中心), oldest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, { limit: number; offset: number }>, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery
  const [rows, count] = await showroom(req.scope).listAndCountCentres({}, { take: limit, skip: offset, order: { created_at: "ASC" } })
  res.json({ centres: rows.map(centreView), count, limit, offset })
}

/** POST /admin/showroom/centres — a new centre. */
export async function POST(req: AuthenticatedMedusaRequest<CreateCentreType>, res: MedusaResponse) {
  const centre = await showroom(req.scope).createCentres(req.validatedBody)
  res.status(201).json({ centre: centreView(centre) })
}
