import { createHash } from "node:crypto"

/**
 * Pure rules of price comparisons (比价): which offers may be compared, which state changes are
 * allowed, serial numbers, canonical JSON for the report hash. No database: unit-tested alone.
 */

export const COMPARISON_STATUSES = ["draft", "submitted", "claimed", "returned", "confirmed", "ordered"] as const
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number]

export const REVIEW_ACTIONS = ["submitted", "resubmitted", "claimed", "returned", "confirmed"] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

/** What may be done to a comparison; `edit` changes the need or offers. */
export type ComparisonAction = "edit" | "submit" | "claim" | "return" | "confirm" | "order"

export interface ComparisonRuleOptions {
  /** Offers a comparison needs at least (default 3). */
  min_offers: number
  /** Distinct suppliers among them at least (default 3). */
  min_suppliers: number
  /** Days the compared prices hold after confirmation (default 30). */
  validity_days: number
}

export const DEFAULT_COMPARISON_RULES: ComparisonRuleOptions = { min_offers: 3, min_suppliers: 3, validity_days: 30 }

function whole(value: string | undefined, fallback: number, min: number, max: number, name: string): number {
  const text = value?.trim()
  if (!text) return fallback
  const number = Number(text)
  if (!/^\d+$/.test(text) || number < min || number > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}"`)
  return number
}

/**
 * The rules in force: GWC_COMPARISON_MIN_OFFERS, GWC_COMPARISON_MIN_SUPPLIERS and
 * GWC_COMPARISON_VALIDITY_DAYS from the environment, else the defaults (3, 3, 30).
 */
export function comparisonRuleOptions(env: Record<string, string | undefined> = process.env): ComparisonRuleOptions {
  return {
    min_offers: whole(env.GWC_COMPARISON_MIN_OFFERS, DEFAULT_COMPARISON_RULES.min_offers, 2, 20, "GWC_COMPARISON_MIN_OFFERS"),
    min_suppliers: whole(env.GWC_COMPARISON_MIN_SUPPLIERS, DEFAULT_COMPARISON_RULES.min_suppliers, 1, 20, "GWC_COMPARISON_MIN_SUPPLIERS"),
    validity_days: whole(env.GWC_COMPARISON_VALIDITY_DAYS, DEFAULT_COMPARISON_RULES.validity_days, 1, 365, "GWC_COMPARISON_VALIDITY_DAYS"),
  }
}

/** A variant asked for, as found in the catalogue (`found: false` when no such variant exists). */
export interface OfferCandidate {
  variant_id: string
  found: boolean
  title?: string
  product_status?: string
  category_ids?: string[]
  category_names?: string[]
  supplier_id?: string | null
  unit_price?: number | null
}

export const COMPARISON_RULE_MESSAGES = {
  duplicate_variant: (ids: string[]) => `variant_ids: 同一商品规格重复 / the same variant is listed twice: ${ids.join(", ")}`,
  unknown_variant: (ids: string[]) => `variant_ids: 商品规格不存在 / unknown variant: ${ids.join(", ")}`,
  unpublished: (titles: string[]) => `variant_ids: 商品未上架，不能参与比价 / not published, cannot be compared: ${titles.join("、")}`,
  no_supplier: (titles: string[]) => `variant_ids: 商品没有供应商 / product has no supplier: ${titles.join("、")}`,
  no_price: (titles: string[]) => `variant_ids: 商品没有人民币价格 / product has no CNY price: ${titles.join("、")}`,
  mixed_categories: (names: string[]) => `variant_ids: 比价商品须属于同一品目，当前涉及多个品目 / offers must share one category; they span several: ${names.join("、")}`,
  outside_category: (titles: string[]) => `variant_ids: 商品不属于所选品目 / outside the chosen category: ${titles.join("、")}`,
  too_few_offers: (min: number, given: number) => `variant_ids: 至少需要 ${min} 个报价，当前 ${given} 个 / at least ${min} offers are needed, got ${given}`,
  too_few_suppliers: (min: number, given: number) =>
    `variant_ids: 至少需要 ${min} 家不同供应商的报价，当前 ${given} 家 / offers from at least ${min} different suppliers are needed, got ${given}`,
} as const

/**
 * The first problem with a set of offers for a category, as a zh-CN + English message naming
 * it, or null when they may be compared: no duplicates, every variant known, published, in the
 * chosen category (several categories among them: "mixed"), priced in CNY, with enough offers and
 * enough distinct suppliers.
 */
export function offerProblem(candidates: OfferCandidate[], categoryId: string, options: Pick<ComparisonRuleOptions, "min_offers" | "min_suppliers">): string | null {
  const ids = candidates.map((c) => c.variant_id)
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
  if (duplicates.length) return COMPARISON_RULE_MESSAGES.duplicate_variant(duplicates)
  const unknown = candidates.filter((c) => !c.found)
  if (unknown.length) return COMPARISON_RULE_MESSAGES.unknown_variant(unknown.map((c) => c.variant_id))
  const title = (c: OfferCandidate) => c.title ?? c.variant_id
  const unpublished = candidates.filter((c) => c.product_status !== "published")
  if (unpublished.length) return COMPARISON_RULE_MESSAGES.unpublished(unpublished.map(title))
  const outside = candidates.filter((c) => !(c.category_ids ?? []).includes(categoryId))
  if (outside.length) {
    // Offers with no category in common among them are "mixed"; otherwise they are all elsewhere.
    const shared = candidates.reduce<string[] | null>((common, c) => (common === null ? [...(c.category_ids ?? [])] : common.filter((id) => (c.category_ids ?? []).includes(id))), null) ?? []
    if (!shared.length) {
      const names = [...new Set(candidates.flatMap((c) => c.category_names?.length ? c.category_names : c.category_ids ?? []))]
      return COMPARISON_RULE_MESSAGES.mixed_categories(names)
    }
    return COMPARISON_RULE_MESSAGES.outside_category(outside.map(title))
  }
  const noSupplier = candidates.filter((c) => !c.supplier_id)
  if (noSupplier.length) return COMPARISON_RULE_MESSAGES.no_supplier(noSupplier.map(title))
  const noPrice = candidates.filter((c) => typeof c.unit_price !== "number" || !Number.isFinite(c.unit_price))
  if (noPrice.length) return COMPARISON_RULE_MESSAGES.no_price(noPrice.map(title))
  if (candidates.length < options.min_offers) return COMPARISON_RULE_MESSAGES.too_few_offers(options.min_offers, candidates.length)
  const suppliers = new Set(candidates.map((c) => c.supplier_id)).size
  if (suppliers < options.min_suppliers) return COMPARISON_RULE_MESSAGES.too_few_suppliers(options.min_suppliers, suppliers)
  return null
}

const TRANSITIONS: Record<ComparisonAction, Partial<Record<ComparisonStatus, ComparisonStatus>>> = {
  edit: { draft: "draft", returned: "returned" },
  submit: { draft: "submitted", returned: "submitted" },
  claim: { submitted: "claimed" },
  return: { claimed: "returned" },
  confirm: { claimed: "confirmed" },
  order: { confirmed: "confirmed" },
}

/** The status after `action`, or null when the action is not allowed in `status` (a 409). */
export function nextStatus(status: ComparisonStatus, action: ComparisonAction): ComparisonStatus | null {
  return TRANSITIONS[action][status] ?? null
}

/** The states an action is allowed in, for messages. */
export function allowedFrom(action: ComparisonAction): ComparisonStatus[] {
  return Object.keys(TRANSITIONS[action]) as ComparisonStatus[]
}

/** The review entry an action leaves in the history (submitting a returned comparison is a resubmission). */
export function reviewActionFor(action: "submit" | "claim" | "return" | "confirm", from: ComparisonStatus): ReviewAction {
  if (action === "submit") return from === "returned" ? "resubmitted" : "submitted"
  return ({ claim: "claimed", return: "returned", confirm: "confirmed" } as const)[action]
}

/** `GWC-CMP-2026-000123`: the year of confirmation and a number from the database sequence. */
export function formatSerial(year: number, number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new Error(`serial number must be a positive whole number, got ${number}`)
  return `GWC-CMP-${year}-${String(number).padStart(6, "0")}`
}

export const SERIAL_PATTERN = /^GWC-CMP-\d{4}-\d{6,}$/

/** When the compared prices stop holding: confirmation plus the validity window. */
export function pricesLockedUntil(confirmedAt: Date, validityDays: number): Date {
  return new Date(confirmedAt.getTime() + validityDays * 24 * 60 * 60 * 1000)
}

export function priceLockExpired(lockedUntil: Date | string | null | undefined, now: Date): boolean {
  if (!lockedUntil) return true
  return new Date(lockedUntil).getTime() < now.getTime()
}

/** JSON with object keys sorted at every level, no spaces: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("canonical JSON has no place for NaN or Infinity")
    return JSON.stringify(value ?? null)
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
}

export function sha256Hex(data: string | Buffer | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex")
}
