import type { MedusaContainer } from "@medusajs/framework/types"
import type { OrderSnapshot } from "./progress"

/**
 * The extension point of the order timeline for other plugins: a snapshot enricher reads what
 * the plugin knows about an order (through its own module or Query over its links) and returns
 * it; the result lands in `snapshot.extensions[name]`, where the plugin's own step definitions
 * (inserted with `insertProgressStep`) read it. This plugin knows nothing of their tables.
 *
 * Kept on `globalThis` under a `Symbol.for` key so every copy of this module shares one registry.
 */
export type OrderSnapshotEnricher = (container: MedusaContainer, order: OrderSnapshot) => Promise<unknown>

const REGISTRY_KEY = Symbol.for("gongwucang.orders.snapshot-enrichers")
type GlobalWithEnrichers = typeof globalThis & { [REGISTRY_KEY]?: Map<string, OrderSnapshotEnricher> }

function registry(): Map<string, OrderSnapshotEnricher> {
  const global = globalThis as GlobalWithEnrichers
  global[REGISTRY_KEY] ??= new Map()
  return global[REGISTRY_KEY]
}

/** Adds (or, under the same name, replaces) an enricher. */
export function registerOrderSnapshotEnricher(name: string, enricher: OrderSnapshotEnricher): void {
  registry().set(name, enricher)
}

export function unregisterOrderSnapshotEnricher(name: string): boolean {
  return registry().delete(name)
}

/** Runs every enricher (in parallel) and returns the snapshot with their results in `extensions`. */
export async function enrichOrderSnapshot(container: MedusaContainer, order: OrderSnapshot): Promise<OrderSnapshot> {
  const entries = [...registry().entries()]
  if (!entries.length) return order
  const results = await Promise.all(entries.map(async ([name, enricher]) => [name, await enricher(container, order)] as const))
  return { ...order, extensions: { ...order.extensions, ...Object.fromEntries(results) } }
}
