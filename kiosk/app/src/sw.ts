/**
 * Kiosk service worker: precaches the app shell and the self-hosted fonts, serves them when the agent
 * (or its static files) cannot be reached, and keeps product / theme images from /media in a
 * stale-while-revalidate cache so product pages still show pictures offline.
 * /api/* and /agent/* are never cached here (the app keeps the bundle in IndexedDB itself).
 */
declare const __GWC_VERSION__: string
declare const __GWC_PRECACHE__: string[]
const sw = self as unknown as ServiceWorkerGlobalScope

const SHELL_CACHE = `gwc-kiosk-shell-${__GWC_VERSION__}`
const MEDIA_CACHE = "gwc-kiosk-media"

sw.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE)
      await cache.addAll(__GWC_PRECACHE__.map((url) => new Request(url, { cache: "reload" })))
      await sw.skipWaiting()
    })()
  )
})

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("gwc-kiosk-shell-") && name !== SHELL_CACHE) await caches.delete(name)
      }
      await sw.clients.claim()
    })()
  )
})

function isFont(url: URL): boolean {
  return url.pathname.startsWith("/fonts/")
}

/** Fonts never change under the same name: cache first. */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) (await caches.open(SHELL_CACHE)).put(request, response.clone())
  return response
}

/** The shell: the agent's copy when it answers (new builds show at once), the precached copy when it does not. */
async function networkFirst(request: Request, fallbackPath: string): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) {
      cache.put(fallbackPath, response.clone())
      return response
    }
    const cached = await cache.match(fallbackPath)
    return cached ?? response
  } catch (error) {
    const cached = await cache.match(fallbackPath)
    if (cached) return cached
    throw error
  }
}

async function staleWhileRevalidate(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(MEDIA_CACHE)
  const cached = await cache.match(event.request)
  const refresh = fetch(event.request)
    .then(async (response) => {
      if (response.status === 200) await cache.put(event.request, response.clone()).catch(() => undefined)
      return response
    })
    .catch(() => undefined)
  if (cached) {
    event.waitUntil(refresh)
    return cached
  }
  const response = await refresh
  return response ?? new Response("", { status: 504, statusText: "offline" })
}

sw.addEventListener("fetch", (event) => {
  const request = event.request
  if (request.method !== "GET") return
  const url = new URL(request.url)
  if (url.origin !== sw.location.origin) return
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/agent/")) return
  if (url.pathname === "/media") {
    // Video is fetched in ranges (206), which the Cache API cannot store: leave those to the network.
    if (request.headers.has("range")) return
    event.respondWith(staleWhileRevalidate(event))
  } else if (isFont(url)) {
    event.respondWith(cacheFirst(request))
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, "/index.html"))
  } else if (__GWC_PRECACHE__.includes(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname))
  }
})
