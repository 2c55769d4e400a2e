import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ProductSummary } from "./showroom-views"

export type ProductWithVariants = ProductSummary & { variants: { id: string; title: string | null; sku: string | null }[] }

/** Title, handle, thumbnail and variants of products, by id (via Query: products live in another module). */
export async function productSummaries(container: MedusaContainer, ids: string[]): Promise<Map<string, ProductWithVariants>> {
  const unique = [...new Set(ids.filter(Boolean))]
  const out = new Map<string, ProductWithVariants>()
  if (!unique.length) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "thumbnail", "variants.id", "variants.title", "variants.sku"],
    filters: { id: unique },
  })
  for (const p of data as any[]) {
    out.set(p.id, {
      id: p.id,
      title: p.title,
      handle: p.handle ?? null,
      thumbnail: p.thumbnail ?? null,
      variants: (p.variants ?? []).filter(Boolean).map((v: any) => ({ id: v.id, title: v.title ?? null, sku: v.sku ?? null })),
    })
  }
  return out
}

/** Product ids whose title matches (case-insensitive substring). */
export async function productIdsMatching(container: MedusaContainer, q: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { title: { $ilike: pattern } } as never })
  return (data as { id: string }[]).map((p) => p.id)
}
