import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * GET /supervisor/categories — product categories for the filters (a category filter includes
 * the categories below it): `{ categories: [{ id, name, handle, parent_category_id }] }`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_category",
    fields: ["id", "name", "handle", "parent_category_id", "rank"],
    pagination: { order: { rank: "ASC" } },
  })
  res.json({
    categories: (data as Record<string, any>[]).map((c) => ({ id: c.id, name: c.name, handle: c.handle, parent_category_id: c.parent_category_id ?? null })),
  })
}
