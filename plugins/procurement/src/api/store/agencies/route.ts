import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { agencies } from "../../../lib/comparison-service"

/** GET /store/agencies — active tendering agencies (招标代理机构) a comparison can be submitted to. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const rows = await agencies(req.scope).listAgencies({ status: "active" }, { select: ["id", "name"], order: { name: "ASC" }, take: 500 })
  res.json({ agencies: rows.map((a) => ({ id: a.id, name: a.name })) })
}
