import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { COMPARISON_MESSAGES } from "./comparison-messages"
import { offerProblem, type ComparisonRuleOptions, type OfferCandidate } from "./comparison-rules"

export interface SpecEntry {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  value: string | number | boolean
}

/** An offer as snapshotted into a comparison. */
export interface OfferSnapshot {
  position: number
  variant_id: string
  product_id: string
  supplier_id: string
  supplier_name: string
  title: string
  variant_title: string | null
  thumbnail: string | null
  unit_price: number
  currency_code: string
  specs: { specs: SpecEntry[] }
  after_sales: string | null
}

function specsOf(metadata: Record<string, unknown> | null | undefined): SpecEntry[] {
  const list = Array.isArray(metadata?.specs) ? (metadata!.specs as unknown[]) : []
  return list.flatMap((raw) => {
    const s = raw as Partial<SpecEntry>
    if (!s || typeof s.key !== "string" || !["string", "number", "boolean"].includes(typeof s.value)) return []
    return [{ key: s.key, label_zh: s.label_zh ?? s.key, label_en: s.label_en ?? s.key, unit: s.unit ?? null, value: s.value as SpecEntry["value"] }]
  })
}

const AFTER_SALES_KEYS = ["warranty_months", "after_sales_response_hours"]

/**
 * After-sales service (售后服务) in one line, from the same places the storefront's compare page
 * reads: the warranty and response-time specs and a service's response hours.
 */
export function afterSalesOf(specs: SpecEntry[], metadata: Record<string, unknown> | null | undefined): string | null {
  const parts = specs
    .filter((s) => AFTER_SALES_KEYS.includes(s.key))
    .map((s) => `${s.label_zh} ${typeof s.value === "boolean" ? (s.value ? "是" : "否") : s.value}${s.unit ? ` ${s.unit}` : ""}`)
  const hours = (metadata?.service as { response_hours?: unknown } | undefined)?.response_hours
  if (typeof hours === "number" && !specs.some((s) => s.key === "after_sales_response_hours")) parts.push(`服务响应时间 ${hours} 小时`)
  return parts.length ? parts.join("；") : null
}

/** The region selling in CNY, whose prices comparisons use. */
export async function cnyRegionId(container: MedusaContainer): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "cny" } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, COMPARISON_MESSAGES.no_cny_region)
  return data[0].id as string
}

export async function categoryName(container: MedusaContainer, categoryId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_category", fields: ["id", "name"], filters: { id: categoryId } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, COMPARISON_MESSAGES.category_unknown(categoryId))
  return data[0].name as string
}

/**
 * Reads the variants through Query — product, categories, the supplier over the supplier
 * plugin's product link, and the CNY price Medusa's pricing calculates for the region — checks
 * them with the comparison rules (400 naming the problem) and returns their snapshots.
 */
export async function resolveOffers(
  container: MedusaContainer,
  variantIds: string[],
  categoryId: string,
  rules: Pick<ComparisonRuleOptions, "min_offers" | "min_suppliers">
): Promise<OfferSnapshot[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const regionId = await cnyRegionId(container)
  const unique = [...new Set(variantIds)]
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "title",
      "product.id",
      "product.title",
      "product.status",
      "product.thumbnail",
      "product.metadata",
      "product.categories.id",
      "product.categories.name",
      "product.supplier.id",
      "product.supplier.company_name",
      "calculated_price.calculated_amount",
      "calculated_price.currency_code",
    ],
    filters: { id: unique },
    context: { calculated_price: QueryContext({ region_id: regionId, currency_code: "cny" }) },
  })
  const byId = new Map(variants.map((v: any) => [v.id as string, v]))
  const candidates: OfferCandidate[] = variantIds.map((id) => {
    const v = byId.get(id)
    if (!v?.product) return { variant_id: id, found: false }
    const price = v.calculated_price?.calculated_amount
    return {
      variant_id: id,
      found: true,
      title: v.product.title,
      product_status: v.product.status,
      category_ids: (v.product.categories ?? []).map((c: { id: string }) => c.id),
      category_names: (v.product.categories ?? []).map((c: { name: string }) => c.name),
      supplier_id: v.product.supplier?.id ?? null,
      unit_price: price === null || price === undefined || (v.calculated_price?.currency_code ?? "cny") !== "cny" ? null : Number(price),
    }
  })
  const problem = offerProblem(candidates, categoryId, rules)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  return variantIds.map((id, position) => {
    const v = byId.get(id)
    const metadata = (v.product.metadata ?? {}) as Record<string, unknown>
    const specs = specsOf(metadata)
    return {
      position,
      variant_id: id,
      product_id: v.product.id,
      supplier_id: v.product.supplier.id,
      supplier_name: v.product.supplier.company_name ?? (metadata.supplier_name as string | undefined) ?? v.product.supplier.id,
      title: v.product.title,
      variant_title: v.title ?? null,
      thumbnail: v.product.thumbnail ?? null,
      unit_price: Number(v.calculated_price.calculated_amount),
      currency_code: "cny",
      specs: { specs },
      after_sales: afterSalesOf(specs, metadata),
    }
  })
}
