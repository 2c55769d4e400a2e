// Side-by-side comparison (比较) as pure data: unit conversion, row alignment by attribute key,
// differing rows and best values. No imports, so the unit tests load it directly.

/** How many products can be compared at once. */
export const MAX_COMPARE = 4

export type SpecValue = string | number | boolean

/** One attribute of one product, as `metadata.specs` stores it. */
export interface CompareSpec {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  value: SpecValue
}

export interface CompareInput {
  specs: CompareSpec[]
}

/** A value in a row; `null` where the product does not have the attribute. */
export interface Cell {
  value: SpecValue
  unit: string | null
}

export interface CompareRow {
  key: string
  label_zh: string
  label_en: string
  /** Unit every numeric cell has been converted to (null for text, yes/no and unitless numbers). */
  unit: string | null
  cells: (Cell | null)[]
  /** True when the products' values are not all the same. */
  differs: boolean
  /** Per product: whether its value is the best in the row (only for keys in BETTER, and only when values differ). */
  best: boolean[]
}

export interface Comparison {
  /** Present for every product and comparable (same kind of value; units equal or convertible). */
  rows: CompareRow[]
  /** Present for only some products, or values that cannot be put side by side (mixed kinds, unconvertible units). */
  incomparable: CompareRow[]
}

/**
 * Which way is better, for the attributes where that is obvious. The one table that decides
 * the "best" marks; keys missing here are compared for differences only.
 */
export const BETTER: Readonly<Record<string, "higher" | "lower">> = {
  price: "lower",
  warranty_months: "higher",
  after_sales_response_hours: "lower",
  service_response_hours: "lower",
  print_speed_ppm: "higher",
  energy_saving_rate: "higher",
  memory_gb: "higher",
  storage_gb: "higher",
  luminous_flux_lm: "higher",
  battery_wh: "higher",
  shelf_life_days: "higher",
  patent_count: "higher",
  deposit_cny: "lower",
}

// Units that convert into each other: dimension and factor to that dimension's base unit.
const UNITS: Record<string, { dimension: string; factor: number }> = {
  mm: { dimension: "length", factor: 1 },
  毫米: { dimension: "length", factor: 1 },
  cm: { dimension: "length", factor: 10 },
  厘米: { dimension: "length", factor: 10 },
  m: { dimension: "length", factor: 1000 },
  米: { dimension: "length", factor: 1000 },
  g: { dimension: "mass", factor: 1 },
  克: { dimension: "mass", factor: 1 },
  kg: { dimension: "mass", factor: 1000 },
  千克: { dimension: "mass", factor: 1000 },
  公斤: { dimension: "mass", factor: 1000 },
  t: { dimension: "mass", factor: 1_000_000 },
  吨: { dimension: "mass", factor: 1_000_000 },
  mb: { dimension: "data", factor: 1 / 1024 },
  gb: { dimension: "data", factor: 1 },
  tb: { dimension: "data", factor: 1024 },
  月: { dimension: "months", factor: 1 },
  个月: { dimension: "months", factor: 1 },
  month: { dimension: "months", factor: 1 },
  months: { dimension: "months", factor: 1 },
  年: { dimension: "months", factor: 12 },
  year: { dimension: "months", factor: 12 },
  years: { dimension: "months", factor: 12 },
  分钟: { dimension: "hours", factor: 1 / 60 },
  min: { dimension: "hours", factor: 1 / 60 },
  小时: { dimension: "hours", factor: 1 },
  h: { dimension: "hours", factor: 1 },
  天: { dimension: "hours", factor: 24 },
  日: { dimension: "hours", factor: 24 },
  w: { dimension: "power", factor: 1 },
  kw: { dimension: "power", factor: 1000 },
  wh: { dimension: "energy", factor: 1 },
  kwh: { dimension: "energy", factor: 1000 },
}

function unitInfo(unit: string | null | undefined) {
  if (!unit) return undefined
  const trimmed = unit.trim()
  return UNITS[trimmed] ?? UNITS[trimmed.toLowerCase()]
}

/** Rounds away floating-point noise from conversions (0.1 * 3 → 0.3). */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6
}

/**
 * `value` in `from` expressed in `to`: the same number when the units are equal (or both absent),
 * a converted one for known units of one dimension (mm/cm/m, g/kg, GB/TB, 月/年, …), else null.
 */
export function convertUnit(value: number, from: string | null | undefined, to: string | null | undefined): number | null {
  if ((from ?? "").trim() === (to ?? "").trim()) return value
  const a = unitInfo(from)
  const b = unitInfo(to)
  if (!a || !b || a.dimension !== b.dimension) return null
  return tidy((value * a.factor) / b.factor)
}

/**
 * A spec value as a number with its unit where it is one: numbers as they are, and strings such
 * as "24", "2年" or "1.5 TB" (a number followed by a known unit). Anything else is not numeric.
 */
export function numericValue(value: SpecValue, unit: string | null): { value: number; unit: string | null } | null {
  if (typeof value === "number") return Number.isFinite(value) ? { value, unit } : null
  if (typeof value !== "string") return null
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(\S*?)\s*$/.exec(value)
  if (!match) return null
  const number = Number(match[1])
  if (!match[2]) return { value: number, unit }
  // "2年" in a row whose unit is 月: the number carries its own unit, which must be a known one.
  return unitInfo(match[2]) ? { value: number, unit: match[2] } : null
}

function mostCommon(units: (string | null)[]): string | null {
  const counts = new Map<string | null, number>()
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1)
  let best: string | null = units[0] ?? null
  for (const [u, n] of counts) if (n > (counts.get(best) ?? 0)) best = u
  return best
}

function sameValue(a: SpecValue, b: SpecValue): boolean {
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim()
  return a === b
}

/** One attribute across the products: a comparable row, or null when it cannot be put side by side. */
export function compareValues(
  key: string,
  values: (Cell | null)[],
  direction: "higher" | "lower" | undefined = BETTER[key]
): Omit<CompareRow, "label_zh" | "label_en"> | null {
  const present = values.filter((v): v is Cell => v !== null)
  if (present.length === 0 || present.length < values.length) return null
  const numbers = present.map((v) => numericValue(v.value, v.unit))
  const noBest = values.map(() => false)

  if (numbers.every((n) => n !== null)) {
    const target = mostCommon(numbers.map((n) => n!.unit))
    const converted = numbers.map((n) => convertUnit(n!.value, n!.unit, target))
    if (converted.some((n) => n === null)) return null // e.g. W next to kg: not the same quantity
    const nums = converted as number[]
    const differs = nums.some((n) => n !== nums[0])
    let best = noBest
    if (differs && direction) {
      const goal = direction === "higher" ? Math.max(...nums) : Math.min(...nums)
      best = nums.map((n) => n === goal)
    }
    return { key, unit: target, cells: nums.map((value) => ({ value, unit: target })), differs, best }
  }

  // Text and yes/no: compared as they are; numbers mixed with words are not comparable.
  if (numbers.some((n) => n !== null) && present.some((v) => typeof v.value !== "string")) return null
  const units = new Set(present.map((v) => (v.unit ?? "").trim()))
  if (units.size > 1) return null // non-numeric values with different units
  const differs = present.some((v) => !sameValue(v.value, present[0].value))
  return { key, unit: present[0].unit, cells: present, differs, best: noBest }
}

/**
 * Aligns the products' specifications by attribute key (in the order they first appear) and
 * splits them into comparable rows and the rest. `extra` rows (price, after-sales, …) are built
 * the same way from cells the caller supplies, and come first.
 */
export function buildComparison(
  products: CompareInput[],
  extra: { key: string; label_zh: string; label_en: string; cells: (Cell | null)[] }[] = []
): Comparison {
  const attributes = new Map<string, { label_zh: string; label_en: string; cells: (Cell | null)[] }>()
  for (const row of extra) attributes.set(row.key, { label_zh: row.label_zh, label_en: row.label_en, cells: row.cells })
  products.forEach((product, index) => {
    for (const spec of product.specs) {
      if (!spec || typeof spec.key !== "string") continue
      if (attributes.get(spec.key)?.cells[index]) continue // a key twice in one product: the first wins
      let attribute = attributes.get(spec.key)
      if (!attribute) {
        attribute = { label_zh: spec.label_zh ?? spec.key, label_en: spec.label_en ?? spec.key, cells: products.map(() => null) }
        attributes.set(spec.key, attribute)
      }
      if (spec.value === null || spec.value === undefined || spec.value === "") continue
      attribute.cells[index] = { value: spec.value, unit: spec.unit ?? null }
    }
  })
  const rows: CompareRow[] = []
  const incomparable: CompareRow[] = []
  for (const [key, { label_zh, label_en, cells }] of attributes) {
    if (cells.every((c) => c === null)) continue
    const row = compareValues(key, cells)
    if (row) rows.push({ ...row, label_zh, label_en })
    else incomparable.push({ key, label_zh, label_en, unit: null, cells, differs: true, best: cells.map(() => false) })
  }
  return { rows, incomparable }
}
