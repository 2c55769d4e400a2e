import type { KioskBundle } from "../../shared/types"

/** The last bundle the kiosk received, in IndexedDB, so the app starts (and works) without the backend. */
const DB_NAME = "gwc-kiosk"
const STORE = "bundle"
const KEY = "current"

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

export async function loadCachedBundle(): Promise<KioskBundle | null> {
  try {
    const db = await open()
    return await new Promise((resolve, reject) => {
      const request = db.transaction(STORE, "readonly").objectStore(STORE).get(KEY)
      request.onsuccess = () => resolve((request.result as KioskBundle | undefined) ?? null)
      request.onerror = () => reject(request.error)
    })
  } catch {
    return null
  }
}

export async function saveBundle(bundle: KioskBundle): Promise<void> {
  const db = await open()
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite")
    tx.objectStore(STORE).put(bundle, KEY)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
}

/** Image URLs go through the agent's /media proxy (same origin, so the service worker can cache them). */
export function mediaUrl(src: string | null | undefined): string | null {
  if (!src) return null
  if (src.startsWith("/") && !src.startsWith("//")) return src
  return `/media?src=${encodeURIComponent(src)}`
}

/** Warms the service worker's media cache with every image the bundle shows, a few at a time. */
export async function prefetchImages(bundle: KioskBundle): Promise<void> {
  const urls = new Set<string>()
  for (const media of bundle.theme?.hero_media ?? []) if (media.kind === "image") urls.add(media.url)
  for (const media of bundle.next_theme?.hero_media ?? []) if (media.kind === "image") urls.add(media.url)
  for (const exhibit of bundle.exhibits) {
    if (exhibit.product.thumbnail) urls.add(exhibit.product.thumbnail)
    for (const image of exhibit.product.images) urls.add(image)
  }
  const queue = [...urls].map((u) => mediaUrl(u)).filter((u): u is string => !!u)
  if (queue.length === 0) return
  const cache = "caches" in self ? await caches.open("gwc-kiosk-media") : null
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        if (cache && (await cache.match(next))) continue
        const response = await fetch(next)
        if (response.ok && cache) await cache.put(next, response)
      } catch {
        // offline: the images already cached stay; the rest come later
      }
    }
  }
  await Promise.all([worker(), worker(), worker()])
  // Drop images the bundle no longer shows, so the cache does not grow month after month.
  if (cache) {
    const wanted = new Set([...urls].map((u) => new URL(mediaUrl(u)!, location.origin).href))
    for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request)
  }
}
