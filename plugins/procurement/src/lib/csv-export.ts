import { once } from "node:events"
import { finished } from "node:stream/promises"
import type { MedusaResponse } from "@medusajs/framework/http"
import { stringify } from "csv-stringify"

/**
 * CSV exports (导出) for supervisors: UTF-8 with a byte order mark so Excel shows Chinese
 * correctly, written with csv-stringify while the rows are read a page at a time, so a large
 * export never sits in memory whole.
 */

export type CsvCell = string | number | null | undefined

/**
 * A cell Excel or LibreOffice would run as a formula (=, +, -, @, tab, CR at the start) gets a
 * leading apostrophe: names and titles come from buyers and suppliers ("CSV injection"). Numbers
 * are left as they are.
 */
export function safeCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return ""
  if (typeof value === "number") return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** `attachment` with an ASCII fallback name and the real (possibly Chinese) name per RFC 5987. */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/**
 * Streams `pages` (each an array of rows) as CSV with the given header. The first page is read
 * before anything is sent, so a failure there is still an ordinary error answer; a failure later
 * cuts the download off (a truncated file, never a file that looks complete).
 */
export async function sendCsv(res: MedusaResponse, filename: string, header: string[], pages: AsyncIterable<CsvCell[][]>): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]()
  let next = await iterator.next()
  res.status(200)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", attachmentHeader(filename))
  res.setHeader("Cache-Control", "no-store")
  const csv = stringify({ bom: true, header: true, columns: header, record_delimiter: "windows" })
  csv.pipe(res)
  try {
    while (!next.done) {
      for (const row of next.value) {
        if (!csv.write(row.map(safeCell))) await once(csv, "drain")
      }
      next = await iterator.next()
    }
    csv.end()
    await finished(res)
  } catch (error) {
    csv.destroy()
    res.destroy(error as Error)
  }
}
