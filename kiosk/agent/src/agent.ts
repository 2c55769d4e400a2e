/**
 * The kiosk agent: reads the RFID reader, detects lifts/replaces, queues them durably for the
 * backend, and serves the kiosk app on one origin:
 *
 *   GET /, static files      kiosk app (appDir, default kiosk/app/dist), SPA fallback to index.html
 *   GET /agent/events        SSE: `tag` (KioskTagEvent, local detection first, plus lift/replace relayed
 *                            from the backend stream for this kiosk's antennas that were not seen
 *                            locally — deduped by id), `bundle-changed`, `revoked`, `status`
 *                            {backend_online, queue_length}. Every event has an id; Last-Event-ID
 *                            replays the buffered events after it.
 *   GET /agent/status        {kiosk_id, backend_online, queue_length, reader: {kind, connected}}
 *   /api/<path>              → backend /kiosk/<path> with the kiosk key; 502 {message} when unreachable
 *   GET /media?src=<url>     image proxy for the backend origin (and GWC_KIOSK_MEDIA_ORIGINS), cached
 *                            on disk so images keep working offline; other origins → 400
 *
 * Local events whose antenna this kiosk does not watch (kiosk.antennas from GET /kiosk/me) are
 * still queued for the backend (which fans them out to the kiosk that does watch them) but not
 * shown here. Wedge reads ("wedge:*") are always shown.
 */
import { createHash, randomUUID } from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { Readable } from "node:stream"
import { fileURLToPath } from "node:url"
import type { KioskTagEvent, TagRead } from "../../shared/types"
import { BackendClient, followStream, type KioskMe } from "./backend"
import { LiftDetector } from "./lift-detector"
import { EventQueue, EventSender, HttpError } from "./queue"
import { startReader, type Reader, type ReaderConfig } from "./readers"

const here = path.dirname(fileURLToPath(import.meta.url))
export const KIOSK_DIR = path.resolve(here, "../..")
export const DEFAULT_APP_DIR = path.join(KIOSK_DIR, "app/dist")

export const AGENT_VERSION: string = (() => {
  try {
    return (JSON.parse(fs.readFileSync(path.join(KIOSK_DIR, "package.json"), "utf8")) as { version: string }).version
  } catch {
    return "0.0.0"
  }
})()

export type { ReaderConfig } from "./readers"

export interface AgentOptions {
  backendUrl: string
  kioskKey: string
  port?: number // 0 = a free port (default 8100)
  host?: string // default 127.0.0.1
  reader: ReaderConfig
  dataDir: string
  appDir?: string
  liftAfterMs?: number
  rssiDropDb?: number
  log?: (line: string) => void
  /** extra origins /media may proxy (default: env GWC_KIOSK_MEDIA_ORIGINS, comma separated) */
  mediaOrigins?: string[]
  heartbeatMs?: number // default 30 000
  tickMs?: number // lift detector clock (default 50)
}

export interface Agent {
  url: string
  kioskId: string
  close(): Promise<void>
  queueLength(): number
  flush(): Promise<void>
  backendOnline(): boolean
}

interface Buffered {
  id: string
  seq: number
  event: string
  data: string
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
}

const UNREACHABLE = "后台不可达，请稍后再试 / The backend is unreachable, please try again later"

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers })
  res.end(text)
}

function readBody(req: http.IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new Error("body too large"))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })
}

function isNetworkError(error: unknown) {
  return !(error instanceof HttpError)
}

function readAppVersion(appDir: string): string | undefined {
  for (const file of ["version.json", "manifest.webmanifest", "manifest.json"]) {
    try {
      const v = (JSON.parse(fs.readFileSync(path.join(appDir, file), "utf8")) as { version?: string }).version
      if (v) return String(v)
    } catch {
      // next
    }
  }
  return undefined
}

/** Common "<name>" prefix of antennas "<name>:<n>", if they all share one. */
export function readerNameFromAntennas(antennas: string[]): string | undefined {
  const names = new Set(antennas.filter((a) => a.includes(":")).map((a) => a.slice(0, a.lastIndexOf(":"))))
  return names.size === 1 ? [...names][0] : undefined
}

export async function startAgent(opts: AgentOptions): Promise<Agent> {
  const log = opts.log ?? ((line: string) => console.log(`[kiosk-agent ${new Date().toISOString()}] ${line}`))
  const appDir = path.resolve(opts.appDir ?? DEFAULT_APP_DIR)
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const mediaDir = path.join(opts.dataDir, "media")
  fs.mkdirSync(mediaDir, { recursive: true })
  const backend = new BackendClient(opts.backendUrl, opts.kioskKey)
  const backendOrigin = new URL(backend.base).origin
  const mediaOrigins = new Set(
    [backendOrigin, ...(opts.mediaOrigins ?? (process.env.GWC_KIOSK_MEDIA_ORIGINS ?? "").split(","))]
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => {
        try {
          return new URL(o).origin
        } catch {
          return ""
        }
      })
      .filter(Boolean)
  )
  const queue = new EventQueue(opts.dataDir)
  const newDetector = () => new LiftDetector({ liftAfterMs: opts.liftAfterMs, rssiDropDb: opts.rssiDropDb })
  let detector = newDetector()
  let readerNameInUse: string | null = null // set once the reader starts
  const bootId = randomUUID().slice(0, 8)
  let seq = 0
  const buffer: Buffered[] = []
  const clients = new Set<http.ServerResponse>()
  const seen = new Map<string, true>() // event ids already shown (local or relayed)
  let online = false
  let revoked = false
  let closed = false
  let me: KioskMe | null = null
  let watched: Set<string> | null = null
  let lastStatus = ""

  // Antenna names are "<reader name>:<n>". Without an explicit name, use the prefix the kiosk's own
  // antennas share — looked up on every read, so it follows GET /kiosk/me when that arrives late.
  const explicitName = opts.reader.kind === "llrp" ? opts.reader.name : undefined
  const fallbackName = opts.reader.kind === "serial" ? "serial" : "reader"
  const currentReaderName = () =>
    explicitName || readerNameFromAntennas((me?.antennas ?? []).filter((a) => !a.startsWith("wedge:"))) || fallbackName
  const kioskFile = path.join(opts.dataDir, "kiosk.json")
  try {
    me = JSON.parse(fs.readFileSync(kioskFile, "utf8")) as KioskMe
  } catch {
    me = null
  }

  // ---- SSE fan-out -------------------------------------------------------------------------
  const frame = (b: Buffered) => `id: ${b.id}\nevent: ${b.event}\ndata: ${b.data}\n\n`
  const broadcast = (event: string, data: unknown) => {
    seq += 1
    const b: Buffered = { id: `${bootId}-${seq}`, seq, event, data: JSON.stringify(data) }
    buffer.push(b)
    if (buffer.length > 500) buffer.shift()
    const text = frame(b)
    for (const res of clients) res.write(text)
  }
  const statusBody = () => ({ backend_online: online, queue_length: queue.length })
  const pushStatus = () => {
    const s = JSON.stringify(statusBody())
    if (s === lastStatus) return
    lastStatus = s
    broadcast("status", statusBody())
  }
  const setOnline = (value: boolean) => {
    if (online === value) return
    online = value
    log(value ? "后台已连接 / backend online" : "后台不可达，事件将排队 / backend offline, events are queued")
    pushStatus()
  }
  const setRevoked = (value: boolean) => {
    if (revoked === value) return
    revoked = value
    if (value) {
      log("此触摸屏的密钥已被吊销 / this kiosk's key has been revoked")
      broadcast("revoked", { revoked: true })
    }
  }
  const markSeen = (id: string) => {
    seen.set(id, true)
    if (seen.size > 5000) seen.delete(seen.keys().next().value as string)
  }
  const isWatched = (antenna: string | null) =>
    !antenna || antenna.startsWith("wedge:") || !watched || watched.size === 0 || watched.has(antenna)

  // ---- event pipeline ------------------------------------------------------------------------
  const sender = new EventSender({
    queue,
    post: (events) => backend.postEvents(events),
    log,
    onResult: (ok, error) => {
      if (ok) setOnline(true)
      else if (isNetworkError(error) || (error instanceof HttpError && error.status >= 500)) setOnline(false)
      else if (error instanceof HttpError && error.status === 401) setRevoked(true)
      pushStatus()
    },
  })
  const handleLocal = (events: KioskTagEvent[]) => {
    if (events.length === 0) return
    for (const e of events) queue.append(e) // durable first
    for (const e of events) {
      markSeen(e.id)
      if (isWatched(e.antenna)) broadcast("tag", e)
    }
    pushStatus()
    sender.kick()
  }
  const onRead = (read: TagRead) => {
    if (closed) return
    handleLocal(detector.feed(read))
  }
  const ticker = setInterval(() => handleLocal(detector.tick(Date.now())), opts.tickMs ?? 50)

  // ---- backend: identity, stream, heartbeat ------------------------------------------------
  let stopStream: (() => void) | null = null
  const startStream = () => {
    if (stopStream || !me || closed) return
    stopStream = followStream({
      url: `${backend.base}/kiosk/kiosks/${encodeURIComponent(me.id)}/stream`,
      headers: backend.authHeaders(),
      log,
      onOpen: () => {
        setOnline(true)
        setRevoked(false)
      },
      onMessage: (msg) => {
        if (msg.event === "lift" || msg.event === "replace") {
          let e: KioskTagEvent & { exhibit_id?: string | null }
          try {
            e = JSON.parse(msg.data)
          } catch {
            return
          }
          if (!e?.id || seen.has(e.id)) return
          markSeen(e.id)
          broadcast("tag", { ...e, type: e.type ?? msg.event, relayed: true })
        } else if (msg.event === "bundle-changed") {
          try {
            broadcast("bundle-changed", JSON.parse(msg.data))
          } catch {
            broadcast("bundle-changed", {})
          }
        } else if (msg.event === "revoked") {
          setRevoked(true)
        }
      },
      onClose: (error, status) => {
        if (closed) return
        if (status === 401) setRevoked(true)
        else if (error && isNetworkError(error) && status === undefined) setOnline(false)
      },
      retryMs: (attempt, status) => (status === 401 || status === 403 ? 60_000 : Math.min(500 * 2 ** (attempt - 1), 15_000)),
    })
  }
  const identify = async (timeoutMs: number) => {
    try {
      const fresh = await Promise.race([
        backend.me(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
      ])
      me = fresh
      fs.writeFileSync(kioskFile, JSON.stringify(fresh, null, 2))
      setOnline(true)
      setRevoked(false)
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) {
        setOnline(true)
        setRevoked(true)
      } else setOnline(false)
    }
    if (me) watched = new Set(me.antennas ?? [])
    if (readerNameInUse !== null && readerNameInUse !== currentReaderName()) {
      // antenna names changed under the detector: start its bookkeeping afresh
      log(`读写器名称改为 / reader name now "${currentReaderName()}"`)
      readerNameInUse = currentReaderName()
      detector = newDetector()
    }
  }
  await identify(3000)
  if (!me) log("未能识别此触摸屏（后台不可达且无缓存）/ kiosk identity unknown (backend unreachable, no cache); retrying")

  const appVersion = readAppVersion(appDir)
  const heartbeat = async () => {
    if (closed) return
    if (!me || revoked) await identify(5000)
    startStream()
    try {
      await backend.heartbeat({ agent_version: AGENT_VERSION, ...(appVersion ? { app_version: appVersion } : {}) })
      setOnline(true)
      setRevoked(false)
      sender.kick()
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) setRevoked(true)
      else if (isNetworkError(error) || (error instanceof HttpError && error.status >= 500)) setOnline(false)
    }
  }
  const heartbeatTimer = setInterval(() => void heartbeat(), opts.heartbeatMs ?? 30_000)
  void heartbeat()
  sender.kick()

  // ---- reader ----------------------------------------------------------------------------
  const readerName = currentReaderName()
  readerNameInUse = readerName
  const watchedNow = watched as Set<string> | null
  if (watchedNow && watchedNow.size > 0 && opts.reader.kind !== "none" && opts.reader.kind !== "wedge") {
    if (![...watchedNow].some((a) => a.startsWith(`${readerName}:`)))
      log(`注意：读写器名称 "${readerName}" 与本机监视的天线不符 / warning: reader name "${readerName}" matches none of this kiosk's antennas (${[...watchedNow].join(", ")})`)
  }
  const reader: Reader = await startReader(opts.reader, {
    onRead,
    log,
    get name() {
      return currentReaderName()
    },
  })

  // ---- HTTP ------------------------------------------------------------------------------
  const serveEvents = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    })
    res.socket?.setNoDelay(true)
    res.write("retry: 1000\n\n")
    const last = req.headers["last-event-id"]
    if (typeof last === "string" && last) {
      const at = buffer.findIndex((b) => b.id === last)
      if (at >= 0) for (const b of buffer.slice(at + 1)) res.write(frame(b))
    }
    // the current state, so a (re)connecting app is up to date
    res.write(`event: status\ndata: ${JSON.stringify(statusBody())}\n\n`)
    if (revoked) res.write(`event: revoked\ndata: {"revoked":true}\n\n`)
    clients.add(res)
    res.on("close", () => clients.delete(res))
  }

  const proxyApi = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const sub = url.pathname.slice("/api/".length)
    if (/%2f|%5c|(^|\/)\.\.?(\/|$)/i.test(sub)) {
      sendJson(res, 400, { message: "错误的路径 / bad path" })
      return
    }
    const target = `${backend.base}/kiosk/${sub}${url.search}`
    const headers: Record<string, string> = { ...backend.authHeaders() }
    for (const h of ["content-type", "if-none-match", "accept", "accept-language", "last-event-id"]) {
      const v = req.headers[h]
      if (typeof v === "string") headers[h] = v
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD"
    const stream = (req.headers.accept ?? "").includes("text/event-stream")
    try {
      const body = hasBody ? await readBody(req) : undefined
      const controller = new AbortController()
      const timeout = stream ? null : setTimeout(() => controller.abort(), 10_000)
      res.on("close", () => {
        if (!res.writableFinished) controller.abort() // the app went away
      })
      const upstream = await fetch(target, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined, signal: controller.signal })
      if (timeout) clearTimeout(timeout)
      if (upstream.status === 401) setRevoked(true)
      else setOnline(true)
      const out: Record<string, string> = {}
      for (const h of ["content-type", "etag", "cache-control", "retry-after", "last-modified", "content-language"]) {
        const v = upstream.headers.get(h)
        if (v) out[h] = v
      }
      res.writeHead(upstream.status, out)
      if (!upstream.body || req.method === "HEAD") {
        res.end()
        return
      }
      Readable.fromWeb(upstream.body as import("node:stream/web").ReadableStream).on("error", () => res.destroy()).pipe(res)
    } catch (error) {
      if ((error as Error).message === "body too large") {
        if (!res.headersSent) sendJson(res, 413, { message: "请求过大 / Request too large" })
        return
      }
      setOnline(false)
      if (!res.headersSent) sendJson(res, 502, { message: UNREACHABLE })
      else res.destroy()
    }
  }

  const serveMedia = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const src = url.searchParams.get("src")
    let target: URL
    try {
      target = new URL(src ?? "")
    } catch {
      sendJson(res, 400, { message: "src 须为绝对地址 / src must be an absolute URL" })
      return
    }
    if (!/^https?:$/.test(target.protocol) || !mediaOrigins.has(target.origin)) {
      sendJson(res, 400, { message: `不允许的图片来源 / media origin not allowed: ${target.origin}` })
      return
    }
    const key = createHash("sha256").update(target.href).digest("hex")
    const file = path.join(mediaDir, key)
    const cacheHeaders = { "cache-control": "public, max-age=86400, stale-while-revalidate=604800" }
    const serveCached = () => {
      try {
        const meta = JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as { type: string; etag?: string }
        const body = fs.readFileSync(file)
        res.writeHead(200, { "content-type": meta.type, "content-length": String(body.length), ...(meta.etag ? { etag: meta.etag } : {}), ...cacheHeaders, "x-gwc-media-cache": "hit" })
        res.end(req.method === "HEAD" ? undefined : body)
        return true
      } catch {
        return false
      }
    }
    try {
      const upstream = await fetch(target, { signal: AbortSignal.timeout(15_000) })
      if (!upstream.ok) {
        if (upstream.status >= 500 && serveCached()) return
        sendJson(res, upstream.status === 404 ? 404 : 502, { message: `图片获取失败 / media fetch failed: ${upstream.status}` })
        return
      }
      const body = Buffer.from(await upstream.arrayBuffer())
      const type = upstream.headers.get("content-type") ?? "application/octet-stream"
      const etag = upstream.headers.get("etag") ?? `"${createHash("sha1").update(body).digest("hex")}"`
      try {
        fs.writeFileSync(file, body)
        fs.writeFileSync(`${file}.json`, JSON.stringify({ src: target.href, type, etag }))
      } catch {
        // disk full: serve anyway
      }
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag, ...cacheHeaders })
        res.end()
        return
      }
      res.writeHead(200, { "content-type": type, "content-length": String(body.length), etag, ...cacheHeaders })
      res.end(req.method === "HEAD" ? undefined : body)
    } catch {
      if (serveCached()) return
      sendJson(res, 502, { message: UNREACHABLE })
    }
  }

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    let rel: string
    try {
      rel = decodeURIComponent(url.pathname)
    } catch {
      sendJson(res, 400, { message: "错误的路径 / bad path" })
      return
    }
    let file = path.join(appDir, path.normalize(rel))
    if (!file.startsWith(appDir)) {
      sendJson(res, 404, { message: "未找到 / Not found" })
      return
    }
    let stat: fs.Stats | null = null
    try {
      stat = fs.statSync(file)
      if (stat.isDirectory()) {
        file = path.join(file, "index.html")
        stat = fs.statSync(file)
      }
    } catch {
      stat = null
    }
    if (!stat && !path.extname(rel)) {
      file = path.join(appDir, "index.html") // SPA fallback
      try {
        stat = fs.statSync(file)
      } catch {
        stat = null
      }
    }
    if (!stat) {
      if (rel === "/" || !path.extname(rel)) {
        res.writeHead(503, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
        res.end(`<!doctype html><meta charset="utf-8"><title>Kiosk</title><p>触摸屏应用尚未构建（npm run build -w kiosk）/ The kiosk app has not been built (npm run build -w kiosk): ${appDir}</p>`)
      } else sendJson(res, 404, { message: "未找到 / Not found" })
      return
    }
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
    const headers = {
      "content-type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      etag,
      "cache-control": "no-cache",
      ...(path.basename(file) === "sw.js" ? { "service-worker-allowed": "/" } : {}),
    }
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    res.writeHead(200, { ...headers, "content-length": String(stat.size) })
    if (req.method === "HEAD") res.end()
    else fs.createReadStream(file).pipe(res)
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://agent.local")
    const p = url.pathname
    if (p === "/agent/events" && req.method === "GET") return serveEvents(req, res)
    if (p === "/agent/status" && req.method === "GET") {
      return sendJson(res, 200, {
        kiosk_id: me?.id ?? null,
        backend_online: online,
        queue_length: queue.length,
        revoked,
        reader: { kind: reader.kind, connected: reader.connected(), tags_present: detector.present().length, tags_lifted: detector.lifted().length },
        agent_version: AGENT_VERSION,
      })
    }
    if (p.startsWith("/api/")) return void proxyApi(req, res, url)
    if (p === "/media" && (req.method === "GET" || req.method === "HEAD")) return void serveMedia(req, res, url)
    if (req.method === "GET" || req.method === "HEAD") return serveStatic(req, res, url)
    sendJson(res, 405, { message: "不支持的方法 / Method not allowed" })
  })
  server.keepAliveTimeout = 65_000
  const host = opts.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(opts.port ?? 8100, host, () => resolve())
  })
  const address = server.address() as import("node:net").AddressInfo
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`
  const ping = setInterval(() => {
    for (const res of clients) res.write(": ping\n\n")
  }, 15_000)
  log(`触摸屏代理已启动 / kiosk agent listening on ${url} (reader: ${opts.reader.kind}${me ? `, kiosk ${me.name ?? me.id}` : ""})`)

  return {
    url,
    get kioskId() {
      return me?.id ?? ""
    },
    queueLength: () => queue.length,
    flush: async () => {
      await sender.flush()
      pushStatus()
    },
    backendOnline: () => online,
    async close() {
      if (closed) return
      closed = true
      clearInterval(ticker)
      clearInterval(heartbeatTimer)
      clearInterval(ping)
      stopStream?.()
      sender.close()
      await reader.close()
      for (const res of clients) res.end()
      clients.clear()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      queue.close()
    },
  }
}
