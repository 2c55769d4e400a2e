import { expect } from "vitest"
import { store, type Channel } from "./http"

export interface SearchBody {
  entity?: string
  filters?: Record<string, unknown>
  pagination?: { skip?: number; take?: number; order?: Record<string, "ASC" | "DESC"> }
  search_options?: Record<string, unknown>
  fields?: string[]
}

export async function searchProducts(body: SearchBody, channel: Channel = "online") {
  const response = await store("/store/search", {
    channel,
    init: { method: "POST", body: JSON.stringify({ entity: "product", ...body }) },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.results[0] as {
    hits: { id: string; document: Record<string, any> }[]
    facets?: Record<string, any>
    metadata: { count: number; skip: number; take: number }
  }
}

/** The index is filled when the backend starts (asynchronously); wait until it holds every product. */
export async function waitForSearchIndex(expected: number, timeoutMs = 120_000) {
  const started = Date.now()
  let count = -1
  while (Date.now() - started < timeoutMs) {
    const response = await store("/store/search", {
      init: { method: "POST", body: JSON.stringify({ entity: "product", pagination: { take: 0 } }) },
    })
    count = response.status === 200 ? response.body.results[0].metadata.count : -1
    if (count >= expected) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`search index holds ${count} products after ${timeoutMs} ms, expected ${expected}`)
}
