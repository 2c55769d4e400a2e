import { parse } from "csv-parse/sync"
import { describeIssues, ListingInput, type SpecInput } from "./listing"

/**
 * Bulk import (批量导入) of listings from CSV: one listing per row, with one variant. UTF-8,
 * comma-separated, a header row naming the columns (any order):
 *
 * | column | required | meaning |
 * |---|---|---|
 * | title | yes | product title |
 * | kind | yes | goods, rental, service or specialty |
 * | category_handle | yes (or category_id) | the category's handle, e.g. `printers` |
 * | price_cny | yes | price in yuan, > 0, at most 2 decimals (`1299.50`; `¥` and thousands commas allowed) |
 * | description | yes | description |
 * | subtitle | no | subtitle |
 * | sku | no | the variant's SKU (unique in the catalogue and in the file) |
 * | variant_title | no | the variant's name (default 标准) |
 * | brand, model | no | the brand / model specs |
 * | specs | no | more specs as `key=value;key=value` (keys or Chinese labels of the spec vocabulary, e.g. `warranty_months=24;颜色=黑色`) |
 * | stock | no | whole number in stock at `location_id` |
 * | location_id | with stock | one of your stock locations (may be left empty when you have exactly one) |
 * | image_urls | no | URLs from POST /supplier/uploads, separated by spaces or `|` |
 * | rental_period_unit, rental_price_per_period_cny, rental_deposit_cny, rental_min_periods, rental_max_periods | for rentals | rental terms |
 * | service_area, service_response_hours, service_unit, service_delivery_mode | for services | service terms |
 *
 * Every row is checked on its own; a bad row is reported with its line number in the file
 * (the header is line 1) and a reason, and the other rows are still imported.
 */

export const CSV_COLUMNS = [
  "title", "kind", "category_handle", "category_id", "price_cny", "description", "subtitle", "sku", "variant_title",
  "brand", "model", "specs", "stock", "location_id", "image_urls",
  "rental_period_unit", "rental_price_per_period_cny", "rental_deposit_cny", "rental_min_periods", "rental_max_periods",
  "service_area", "service_response_hours", "service_unit", "service_delivery_mode",
] as const
type Column = (typeof CSV_COLUMNS)[number]

export const MAX_IMPORT_ROWS = 5000

export interface CsvRow {
  /** Line in the file where the row starts (header = 1). */
  line: number
  input?: ListingInput
  error?: string
}

export class CsvFileError extends Error {}

export interface CsvOptions {
  /** Used for rows with stock but no location_id (only when the supplier has exactly one location). */
  defaultLocationId?: string | null
}

export function parseListingCsv(text: string, options: CsvOptions = {}): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text.replace(/\r\n?/g, "\n"), { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as any
  } catch (error) {
    throw new CsvFileError(`CSV 格式错误 / the file is not valid CSV: ${(error as Error).message}`)
  }
  if (!records.length) throw new CsvFileError("CSV 为空 / the file is empty")
  const header = records[0].record.map((h) => h.trim().toLowerCase())
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
  if (unknown.length) throw new CsvFileError(`未知的列 / unknown columns: ${unknown.join(", ")} (known: ${CSV_COLUMNS.join(", ")})`)
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i)
  if (duplicated.length) throw new CsvFileError(`重复的列 / repeated columns: ${[...new Set(duplicated)].join(", ")}`)
  const missing = ["title", "kind", "price_cny", "description"].filter((c) => !header.includes(c))
  if (!header.includes("category_handle") && !header.includes("category_id")) missing.push("category_handle")
  if (missing.length) throw new CsvFileError(`缺少必需的列 / missing required columns: ${missing.join(", ")}`)
  const rows = records.slice(1)
  if (rows.length > MAX_IMPORT_ROWS) throw new CsvFileError(`一次最多导入 ${MAX_IMPORT_ROWS} 行 / at most ${MAX_IMPORT_ROWS} rows per import, got ${rows.length}`)

  return rows.map(({ record, info }) => {
    // csv-parse reports the line a record ends on; a quoted value may span lines.
    const line = info.lines - record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0)
    if (record.length !== header.length) {
      return { line, error: `列数不符：应为 ${header.length} 列，实为 ${record.length} 列 / expected ${header.length} columns, got ${record.length}` }
    }
    // PostgreSQL cannot store NUL; the JSON routes' input guard never sees a CSV body.
    if (record.some((value) => value.includes("\u0000"))) return { line, error: "含有 NUL 字符 / the row contains a NUL (\\u0000) character" }
    const cells = Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])) as Partial<Record<Column, string>>
    const built = rowToInput(cells, options)
    if ("error" in built) return { line, error: built.error }
    const parsed = ListingInput.safeParse(built.input)
    return parsed.success ? { line, input: parsed.data } : { line, error: describeIssues(parsed.error) }
  })
}

function number(value: string | undefined, column: string): number | undefined | { error: string } {
  const raw = (value ?? "").replace(/^[¥￥]/, "").replace(/,/g, "").trim()
  if (!raw) return undefined
  const n = Number(raw)
  return Number.isFinite(n) ? n : { error: `${column}: “${value}” 不是数字 / "${value}" is not a number` }
}

function rowToInput(cells: Partial<Record<Column, string>>, options: CsvOptions): { input: unknown } | { error: string } {
  const get = (c: Column) => cells[c]?.trim() || undefined
  const numbers: Record<string, number | undefined> = {}
  for (const column of ["price_cny", "stock", "rental_price_per_period_cny", "rental_deposit_cny", "rental_min_periods", "rental_max_periods", "service_response_hours"] as const) {
    const n = number(cells[column], column)
    if (typeof n === "object") return n
    numbers[column] = n
  }
  if (numbers.price_cny === undefined) return { error: "price_cny: 必填 / required" }

  const specs: SpecInput[] = []
  if (get("brand")) specs.push({ key: "brand", value: get("brand")! })
  if (get("model")) specs.push({ key: "model", value: get("model")! })
  for (const part of (cells.specs ?? "").split(/[;；]/)) {
    if (!part.trim()) continue
    const at = part.search(/[=＝]/)
    if (at <= 0) return { error: `specs: “${part.trim()}” 应为 key=value / each spec is key=value, got "${part.trim()}"` }
    const value = part.slice(at + 1).trim()
    if (!value) return { error: `specs: “${part.slice(0, at).trim()}” 没有值 / spec "${part.slice(0, at).trim()}" has no value` }
    specs.push({ key: part.slice(0, at).trim(), value })
  }

  let stock: { variant_index: number; location_id: string; quantity: number }[] | undefined
  if (numbers.stock !== undefined) {
    const location = get("location_id") ?? options.defaultLocationId ?? undefined
    if (!location) return { error: "location_id: 填写库存时须指定仓库 / stock needs a location_id (you have several or no stock locations)" }
    stock = [{ variant_index: 0, location_id: location, quantity: numbers.stock }]
  } else if (get("location_id")) {
    return { error: "stock: 指定了仓库但没有库存数量 / location_id given without stock" }
  }

  const hasRental = ["rental_period_unit", "rental_price_per_period_cny", "rental_deposit_cny", "rental_min_periods", "rental_max_periods"].some((c) => get(c as Column))
  const hasService = ["service_area", "service_response_hours", "service_unit", "service_delivery_mode"].some((c) => get(c as Column))
  return {
    input: {
      title: get("title") ?? "",
      kind: get("kind")?.toLowerCase() ?? "",
      category_id: get("category_handle") ?? get("category_id") ?? "",
      description: get("description") ?? "",
      ...(get("subtitle") ? { subtitle: get("subtitle") } : {}),
      specs,
      image_urls: (cells.image_urls ?? "").split(/[\s|]+/).filter(Boolean),
      variants: [{ title: get("variant_title") ?? "标准", ...(get("sku") ? { sku: get("sku") } : {}), price_cny: numbers.price_cny }],
      ...(stock ? { stock } : {}),
      ...(hasRental
        ? {
            rental: {
              period_unit: get("rental_period_unit"),
              price_per_period_cny: numbers.rental_price_per_period_cny ?? numbers.price_cny,
              deposit_cny: numbers.rental_deposit_cny ?? 0,
              min_periods: numbers.rental_min_periods ?? 1,
              max_periods: numbers.rental_max_periods ?? numbers.rental_min_periods ?? 1,
            },
          }
        : {}),
      ...(hasService
        ? {
            service: {
              service_area: get("service_area"),
              response_hours: numbers.service_response_hours,
              unit: get("service_unit"),
              ...(get("service_delivery_mode") ? { delivery_mode: get("service_delivery_mode") } : {}),
            },
          }
        : {}),
    },
  }
}
