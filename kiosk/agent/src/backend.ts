/** The backend's /kiosk API as the agent uses it (kiosk key auth), and an SSE client for its stream. */
import type { KioskTagEvent } from "../../shared/types"
import { HttpError } from "./queue"

export interface KioskMe {
  id: string
  name: string
  centre_id: string
  zone_id: string
  antennas: string[]
}

export class BackendClient {
  readonly base: string
  constructor(
    baseUrl: string,
    readonly kioskKey: string,
    readonly timeoutMs = 10_000
  ) {
    this.base = baseUrl.replace(/\/+$/, "")
  }

  authHeaders(): Record<string, string> {
    return { authorization: `Kiosk ${this.kioskKey}` }
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...this.authHeaders(), accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
    const text = await res.text()
    if (!res.ok) {
      let message = text
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? text
      } catch {
        // not JSON
      }
      const retryAfter = res.headers.get("retry-after")
      throw new HttpError(res.status, `${method} ${path} → ${res.status} ${message}`.trim(), retryAfter ? Number(retryAfter) * 1000 : null)
    }
    return (text ? JSON.parse(text) : {}) as T
  }

  async me(): Promise<KioskMe> {
    const r = await this.json<{ kiosk: KioskMe }>("GET", "/kiosk/me")
    return r.kiosk
  }

  heartbeat(body: { agent_version: string; app_version?: string }) {
    return this.json<{ ok: boolean; server_time?: string }>("POST", "/kiosk/heartbeat", body)
  }

  postEvents(events: KioskTagEvent[]) {
    return this.json<{ accepted: string[]; duplicates: string[] }>("POST", "/kiosk/events", { events })
  }
}

export interface SseMessage {
  event: string
  data: string
  id?: string
}

/** Incremental text/event-stream parser. */
export class SseParser {
  private buffer = ""
  private event = ""
  private data: string[] = []
  private id: string | undefined

  push(chunk: string): SseMessage[] {
    this.buffer += chunk
    const out: SseMessage[] = []
    for (;;) {
      const nl = this.buffer.search(/\r\n|\r|\n/)
      if (nl < 0) break
      const line = this.buffer.slice(0, nl)
      this.buffer = this.buffer.slice(nl + (this.buffer.startsWith("\r\n", nl) ? 2 : 1))
      if (line === "") {
        if (this.data.length > 0) out.push({ event: this.event || "message", data: this.data.join("\n"), id: this.id })
        this.event = ""
        this.data = []
        continue
      }
      if (line.startsWith(":")) continue
      const colon = line.indexOf(":")
      const field = colon < 0 ? line : line.slice(0, colon)
      let value = colon < 0 ? "" : line.slice(colon + 1)
      if (value.startsWith(" ")) value = value.slice(1)
      if (field === "event") this.event = value
      else if (field === "data") this.data.push(value)
      else if (field === "id") this.id = value
    }
    return out
  }
}

export interface StreamOptions {
  url: string
  headers: Record<string, string>
  onOpen: () => void
  onMessage: (msg: SseMessage) => void
  onClose: (error?: unknown, status?: number) => void
  log?: (line: string) => void
  /** a stream silent this long is considered dead (backend pings every 15 s) */
  idleTimeoutMs?: number
}

/** Keeps an SSE connection open, reconnecting with backoff. Returns a function that stops it. */
export function followStream(opts: StreamOptions & { retryMs?: (attempt: number, status?: number) => number }): () => void {
  let stopped = false
  let controller: AbortController | null = null
  let attempt = 0
  let timer: NodeJS.Timeout | null = null
  let lastEventId: string | undefined

  const connect = async () => {
    if (stopped) return
    controller = new AbortController()
    let status: number | undefined
    let idle: NodeJS.Timeout | null = null
    const ctl = controller
    const armIdle = () => {
      if (idle) clearTimeout(idle)
      idle = setTimeout(() => ctl.abort(), opts.idleTimeoutMs ?? 45_000)
    }
    try {
      armIdle()
      const res = await fetch(opts.url, {
        headers: { ...opts.headers, accept: "text/event-stream", ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
        signal: ctl.signal,
      })
      status = res.status
      if (!res.ok || !res.body) throw new HttpError(res.status, `stream → ${res.status}`)
      attempt = 0
      opts.onOpen()
      const parser = new SseParser()
      const decoder = new TextDecoder()
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        armIdle()
        for (const msg of parser.push(decoder.decode(chunk, { stream: true }))) {
          if (msg.id) lastEventId = msg.id
          opts.onMessage(msg)
        }
      }
      opts.onClose(undefined, status)
    } catch (error) {
      if (!stopped) opts.onClose(error, status)
    } finally {
      if (idle) clearTimeout(idle)
    }
    if (stopped) return
    attempt += 1
    const delay = opts.retryMs ? opts.retryMs(attempt, status) : Math.min(500 * 2 ** (attempt - 1), 15_000)
    timer = setTimeout(() => {
      timer = null
      void connect()
    }, delay)
  }
  void connect()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    controller?.abort()
  }
}
