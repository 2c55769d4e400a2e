import type { HttpTypes } from "@medusajs/types"
import { z } from "zod"
import { cnyRegion } from "./catalog.server"
import { MAX_COMPARE } from "./compare"
import { medusa } from "./medusa.server"
import type { StoreSession } from "./session.server"

export { MAX_COMPARE }

/** A product handle as Medusa makes them (letters, digits, "-" and "_"). */
export const Handle = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/)

const COMPARE_FIELDS = "id,handle,title,subtitle,thumbnail,metadata,variants.id,variants.calculated_price.calculated_amount"

/** The visitor's comparison list from the session (anything malformed in it is dropped). */
export function compareList(session: StoreSession): string[] {
  const stored: unknown = session.get("compare")
  if (!Array.isArray(stored)) return []
  const handles = stored.filter((h): h is string => Handle.safeParse(h).success)
  return [...new Set(handles)].slice(0, MAX_COMPARE)
}

/**
 * `?items=a,b,c` (or several `items` params) split into the handles to show and what was
 * wrong with the rest: malformed entries, and entries beyond MAX_COMPARE.
 */
export function parseItems(values: string[]): { handles: string[]; invalid: string[]; dropped: string[] } {
  const entries = values
    .join(",")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
  const handles: string[] = []
  const invalid: string[] = []
  const dropped: string[] = []
  for (const entry of entries) {
    if (!Handle.safeParse(entry).success) invalid.push(entry)
    else if (handles.includes(entry)) continue
    else if (handles.length >= MAX_COMPARE) dropped.push(entry)
    else handles.push(entry)
  }
  return { handles, invalid, dropped }
}

/** The products with these handles, in the order given, priced in the CNY region; and the handles not found. */
export async function productsByHandle(handles: string[]): Promise<{ products: HttpTypes.StoreProduct[]; missing: string[] }> {
  if (!handles.length) return { products: [], missing: [] }
  const region = await cnyRegion()
  const { products } = await medusa().store.product.list({ handle: handles, region_id: region.id, fields: COMPARE_FIELDS, limit: handles.length })
  const byHandle = new Map(products.map((p) => [p.handle, p]))
  return {
    products: handles.map((h) => byHandle.get(h)).filter((p): p is HttpTypes.StoreProduct => Boolean(p)),
    missing: handles.filter((h) => !byHandle.has(h)),
  }
}

/** A local path to send the visitor back to; anything else (other hosts, "//x", "/\x") becomes `fallback`. */
export function localPath(target: unknown, fallback: string): string {
  if (typeof target !== "string" || target.length > 2000) return fallback
  return /^\/(?![/\\])/.test(target) && !/[\r\n]/.test(target) ? target : fallback
}
