/**
 * Durable, exactly-once outbox for tag events.
 *
 * EventQueue: an append-only journal (dataDir/event-queue.jsonl). `append` writes the event's line
 * synchronously before anything else happens with the event (a crash or restart right after still
 * has it; an fdatasync follows asynchronously so a power cut loses at most the last moments);
 * `ack` journals the ids the backend confirmed. On open the journal is replayed: pending = added −
 * acked, in order; a torn last line (crash mid-write) is ignored. The journal is compacted (rewrite
 * to a temp file, fsync, rename) when it grows.
 *
 * EventSender: POSTs pending events in batches (≤ 200) to the backend; ids in `accepted` or
 * `duplicates` are acked (the backend stores each event id once, so re-sending after a lost
 * response is safe: it comes back as a duplicate). Network errors / 5xx / 429 → retry with
 * exponential backoff (0.5 s … 30 s, Retry-After honoured). A 400 for a batch is retried one event
 * at a time; a single event the backend rejects with 400 is moved to dataDir/event-rejected.jsonl
 * (logged, never silently dropped) so one bad event cannot block the queue. 401 (revoked key) →
 * retry every 60 s, queue kept.
 */
import fs from "node:fs"
import path from "node:path"
import type { KioskTagEvent } from "../../shared/types"

type Line = { add: KioskTagEvent } | { ack: string[] }

export class EventQueue {
  readonly file: string
  readonly rejectedFile: string
  private fd: number
  private readonly items = new Map<string, KioskTagEvent>()
  private lines = 0

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true })
    this.file = path.join(dataDir, "event-queue.jsonl")
    this.rejectedFile = path.join(dataDir, "event-rejected.jsonl")
    if (fs.existsSync(this.file)) {
      const text = fs.readFileSync(this.file, "utf8")
      for (const raw of text.split("\n")) {
        if (!raw.trim()) continue
        let line: Line
        try {
          line = JSON.parse(raw) as Line
        } catch {
          continue // torn write
        }
        this.lines += 1
        if ("add" in line && line.add?.id) this.items.set(line.add.id, line.add)
        else if ("ack" in line && Array.isArray(line.ack)) for (const id of line.ack) this.items.delete(id)
      }
      // a torn last line would glue onto the next append: make sure the file ends with a newline
      if (text.length > 0 && !text.endsWith("\n")) fs.appendFileSync(this.file, "\n")
    }
    this.fd = fs.openSync(this.file, "a")
    if (this.lines > 200 && this.lines > this.items.size * 2) this.compact()
  }

  get length(): number {
    return this.items.size
  }

  has(id: string): boolean {
    return this.items.has(id)
  }

  /** Pending events in the order they were appended. */
  pending(limit = Infinity): KioskTagEvent[] {
    const out: KioskTagEvent[] = []
    for (const e of this.items.values()) {
      if (out.length >= limit) break
      out.push(e)
    }
    return out
  }

  append(event: KioskTagEvent): void {
    if (this.items.has(event.id)) return
    this.writeLine({ add: event })
    this.items.set(event.id, event)
  }

  ack(ids: string[]): void {
    const known = ids.filter((id) => this.items.has(id))
    if (known.length === 0) return
    this.writeLine({ ack: known })
    for (const id of known) this.items.delete(id)
    if (this.items.size === 0 && this.lines > 50) this.compact()
    else if (this.lines > 1000 && this.lines > this.items.size * 2) this.compact()
  }

  reject(event: KioskTagEvent, reason: string): void {
    fs.appendFileSync(this.rejectedFile, JSON.stringify({ event, reason, at: new Date().toISOString() }) + "\n")
    this.ack([event.id])
  }

  close(): void {
    try {
      fs.fsyncSync(this.fd)
    } catch {
      // already closed
    }
    try {
      fs.closeSync(this.fd)
    } catch {
      // already closed
    }
  }

  private writeLine(line: Line) {
    fs.writeSync(this.fd, JSON.stringify(line) + "\n")
    this.lines += 1
    const fd = this.fd
    fs.fdatasync(fd, () => {})
  }

  private compact() {
    const tmp = `${this.file}.tmp`
    const text = this.pending()
      .map((e) => JSON.stringify({ add: e }) + "\n")
      .join("")
    const tfd = fs.openSync(tmp, "w")
    fs.writeSync(tfd, text)
    fs.fsyncSync(tfd)
    fs.closeSync(tfd)
    fs.closeSync(this.fd)
    fs.renameSync(tmp, this.file)
    this.fd = fs.openSync(this.file, "a")
    this.lines = this.items.size
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs: number | null = null
  ) {
    super(message)
  }
}

export interface EventSenderOptions {
  queue: EventQueue
  /** POST /kiosk/events; throws HttpError for HTTP errors, anything else for network errors */
  post: (events: KioskTagEvent[]) => Promise<{ accepted: string[]; duplicates: string[] }>
  onResult?: (ok: boolean, error?: unknown) => void
  log?: (line: string) => void
  batchSize?: number
  minBackoffMs?: number
  maxBackoffMs?: number
}

export class EventSender {
  private inFlight: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private backoff: number
  private closed = false
  private readonly batchSize: number
  private readonly minBackoff: number
  private readonly maxBackoff: number

  constructor(private readonly opts: EventSenderOptions) {
    this.batchSize = opts.batchSize ?? 200
    this.minBackoff = opts.minBackoffMs ?? 500
    this.maxBackoff = opts.maxBackoffMs ?? 30_000
    this.backoff = this.minBackoff
  }

  /** Send soon (now, unless waiting out a backoff). */
  kick(): void {
    if (this.closed || this.inFlight || this.timer) return
    if (this.opts.queue.length === 0) return
    this.inFlight = this.drain().finally(() => {
      this.inFlight = null
    })
  }

  /** Send now, ignoring any backoff; resolves when the queue is empty, rejects when the backend cannot take them. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    for (;;) {
      if (this.inFlight) await this.inFlight
      if (this.opts.queue.length === 0) return
      if (this.timer) {
        clearTimeout(this.timer)
        this.timer = null
      }
      const error = await this.attempt()
      if (error) {
        this.retryLater(error)
        throw error
      }
    }
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.opts.queue.length > 0) {
      const error = await this.attempt()
      if (error) {
        this.retryLater(error)
        return
      }
    }
  }

  /** One batch; returns the error, or null when the batch went through. */
  private async attempt(): Promise<unknown> {
    const batch = this.opts.queue.pending(this.batchSize)
    if (batch.length === 0) return null
    try {
      await this.postBatch(batch)
      this.backoff = this.minBackoff
      this.opts.onResult?.(true)
      return null
    } catch (error) {
      this.opts.onResult?.(false, error)
      return error
    }
  }

  private async postBatch(batch: KioskTagEvent[]): Promise<void> {
    try {
      const result = await this.opts.post(batch)
      this.opts.queue.ack([...(result.accepted ?? []), ...(result.duplicates ?? [])])
    } catch (error) {
      if (error instanceof HttpError && (error.status === 400 || error.status === 422)) {
        if (batch.length > 1) {
          for (const e of batch) await this.postBatch([e])
          return
        }
        this.opts.log?.(`事件被后台拒绝，已移至 event-rejected.jsonl / event rejected by the backend: ${batch[0].id}: ${error.message}`)
        this.opts.queue.reject(batch[0], error.message)
        return
      }
      throw error
    }
  }

  private retryLater(error: unknown) {
    if (this.closed || this.timer) return
    let delay = this.backoff
    if (error instanceof HttpError) {
      if (error.status === 401 || error.status === 403) delay = 60_000
      else if (error.retryAfterMs !== null) delay = Math.max(error.retryAfterMs, this.minBackoff)
    }
    delay = Math.round(delay * (0.8 + Math.random() * 0.4))
    this.backoff = Math.min(this.backoff * 2, this.maxBackoff)
    this.timer = setTimeout(() => {
      this.timer = null
      this.kick()
    }, delay)
  }
}
