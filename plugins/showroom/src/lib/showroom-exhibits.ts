import type { MedusaContainer } from "@medusajs/framework/types"
import { productSummaries } from "./showroom-products"
import { showroom } from "./showroom-service"
import { exhibitView } from "./showroom-views"

/** Exhibits as the admin API shows them: with zone code, active tags and product title / thumbnail. */
export async function exhibitViews(container: MedusaContainer, ids: string[]) {
  if (!ids.length) return []
  const service = showroom(container)
  const rows = await service.listExhibits({ id: ids }, { relations: ["zone", "tags"] })
  const products = await productSummaries(container, rows.map((r) => r.product_id))
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => exhibitView({ ...r, tags: (r.tags ?? []).filter((t) => t.status === "active") }, products.get(r.product_id) ?? null))
}
