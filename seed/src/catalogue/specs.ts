import type { ProductSeed, SpecAttributeSeed } from "./types"
import { ATTRIBUTES } from "./vocabulary"

/** One specification as it travels in product metadata: the value with its labels and unit. */
export interface SpecEntry {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  value: ProductSeed["specs"][string]
}

/** A product's specs as metadata entries; labels travel with the values (comparison, facets). */
export function specEntries(specs: ProductSeed["specs"], attributes: readonly SpecAttributeSeed[] = ATTRIBUTES): SpecEntry[] {
  const labels = new Map(attributes.map((a) => [a.key, a]))
  return Object.entries(specs).map(([key, value]) => ({
    key,
    label_zh: labels.get(key)?.label_zh ?? key,
    label_en: labels.get(key)?.label_en ?? key,
    unit: labels.get(key)?.unit ?? null,
    value,
  }))
}
