/**
 * LLRP reader simulator: an LLRP server (llrpjs LLRPServer) on loopback that behaves like a fixed
 * reader with plinth antennas. It answers the client's ROSpec setup (DELETE/ADD/ENABLE/START_ROSPEC)
 * and, once started, writes an RO_ACCESS_REPORT every `intervalMs` with one TagReportData per tag on
 * display (EPC_96, AntennaID, PeakRSSI with ±2 dB noise around the tag's own level, FirstSeenTimestampUTC).
 *
 *   lift(epc, "rssi")    writes at once a report in which that tag reads ~25 dB weaker than usual —
 *                         the agent detects the lift on that very report; afterwards the tag keeps
 *                         being read weakly (held above the plinth). Returns the epoch ms at which that
 *                         report was handed to the socket.
 *   lift(epc, "silence") writes one last normal report with the tag and then stops reporting it; the
 *                         agent detects the lift liftAfterMs later. Returns when that last report was
 *                         written (detection time = return value + the agent's liftAfterMs).
 *   replace(epc)          writes at once a report with three normal-strength reads of the tag (what a
 *                         reader reports when a tag sits in the field) — enough for the agent to see it
 *                         stably present again — and resumes normal reads. Returns when it was written.
 */
import { createLlrpServer, LLRPCore, type LlrpServer } from "./llrp-net"

export interface SimulatorTag {
  epc: string
  antenna: number
}

export interface SimulatorOptions {
  port?: number // 0 = a free port (default 5084)
  host?: "127.0.0.1" | string
  readerName?: string
  tags: SimulatorTag[]
  intervalMs?: number // default 100
  log?: (line: string) => void
}

export interface Simulator {
  port: number
  lift(epc: string, mode?: "rssi" | "silence"): number
  replace(epc: string): number
  close(): Promise<void>
  /** true while a client is connected and its ROSpec is started */
  streaming(): boolean
  /**
   * resolves when a client has connected, started its ROSpec and been sent 3 periodic reports
   * since — enough for the agent's detector to see every tag as present, so a lift() right after
   * is detected (reports are processed in order)
   */
  waitForClient(timeoutMs?: number): Promise<void>
  /** tag states, for display */
  tags(): { epc: string; antenna: number; state: "on" | "held" | "away" }[]
  /** number of RO_ACCESS_REPORTs written */
  reportsSent(): number
}

interface SimTag {
  epc: string
  antenna: number
  level: number // normal PeakRSSI
  state: "on" | "held" | "away"
}

const DROP_DB = 25

function status(description: string) {
  return { LLRPStatus: { StatusCode: "M_Success", ErrorDescription: description } }
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const host = opts.host ?? "127.0.0.1"
  const intervalMs = opts.intervalMs ?? 100
  const log = opts.log ?? (() => {})
  const tags = new Map<string, SimTag>()
  opts.tags.forEach((t, i) => {
    const epc = t.epc.toUpperCase()
    tags.set(epc, { epc, antenna: t.antenna, level: -42 - (i % 7) * 2, state: "on" })
  })
  const server: LlrpServer = createLlrpServer({ host, port: opts.port ?? 5084 })
  let started = false
  let sent = 0
  let sinceStart = 0
  const READY_REPORTS = 3
  let timer: NodeJS.Timeout | null = null
  const waiters = new Set<() => void>()

  const noise = () => Math.round((Math.random() - 0.5) * 4)
  const reportData = (t: SimTag, rssi: number, now: Date) => ({
    EPC_96: { EPC: t.epc },
    AntennaID: { AntennaID: t.antenna },
    PeakRSSI: { PeakRSSI: Math.max(-128, Math.min(127, rssi)) },
    // FirstSeen only: llrpjs' u64 Datetime codec is its slowest part (a 30-tag report with both
    // timestamps costs ~12 ms to encode + decode, about half of that without LastSeen)
    FirstSeenTimestampUTC: { Microseconds: now },
  })
  const write = (data: ReturnType<typeof reportData>[]) => {
    if (!started || !server.socketWritable || data.length === 0) return
    const msg = new LLRPCore.RO_ACCESS_REPORT({ data: { TagReportData: data } })
    server.send(msg).catch(() => {})
    sent += 1
  }
  const periodic = () => {
    if (started && server.socketWritable) {
      sinceStart += 1
      if (sinceStart >= READY_REPORTS) {
        for (const w of waiters) queueMicrotask(w)
        waiters.clear()
      }
    }
    const now = new Date()
    const data: ReturnType<typeof reportData>[] = []
    for (const t of tags.values()) {
      if (t.state === "on") data.push(reportData(t, t.level + noise(), now))
      else if (t.state === "held") data.push(reportData(t, t.level - DROP_DB + noise(), now))
    }
    write(data)
  }
  const stopStreaming = () => {
    started = false
    if (timer) clearInterval(timer)
    timer = null
  }

  server.on("connection", () => {
    log("模拟器：客户端已连接 / simulator: client connected")
    void server
      .send(
        new LLRPCore.READER_EVENT_NOTIFICATION({
          data: {
            ReaderEventNotificationData: {
              UTCTimestamp: { Microseconds: new Date() },
              ConnectionAttemptEvent: { Status: "Success" },
            },
          },
        })
      )
      .catch(() => {})
  })
  server.on("disconnect", () => {
    log("模拟器：客户端已断开 / simulator: client disconnected")
    stopStreaming()
  })
  server.on("error", () => {})
  const reply = (name: string, description: string) => (msg: any) => {
    const Response = LLRPCore[`${name}_RESPONSE`]
    void server.send(new Response({ id: msg.getMessageId?.() ?? msg.id, data: status(description) })).catch(() => {})
  }
  server.on("DELETE_ROSPEC", reply("DELETE_ROSPEC", "deleted"))
  server.on("ADD_ROSPEC", reply("ADD_ROSPEC", "added"))
  server.on("ENABLE_ROSPEC", reply("ENABLE_ROSPEC", "enabled"))
  server.on("DISABLE_ROSPEC", (msg: any) => {
    stopStreaming()
    reply("DISABLE_ROSPEC", "disabled")(msg)
  })
  server.on("STOP_ROSPEC", (msg: any) => {
    stopStreaming()
    reply("STOP_ROSPEC", "stopped")(msg)
  })
  server.on("SET_READER_CONFIG", reply("SET_READER_CONFIG", "ok"))
  server.on("KEEPALIVE_ACK", () => {})
  server.on("START_ROSPEC", async (msg: any) => {
    reply("START_ROSPEC", "started")(msg)
    started = true
    sinceStart = 0
    if (timer) clearInterval(timer)
    timer = setInterval(periodic, intervalMs)
    periodic()
  })
  server.on("CLOSE_CONNECTION", async (msg: any) => {
    stopStreaming()
    const Response = LLRPCore.CLOSE_CONNECTION_RESPONSE
    await server.send(new Response({ data: status("closing") })).catch(() => {})
    await server.disconnect().catch(() => {})
  })

  await new Promise<void>((resolve, reject) => {
    server.netServer.once("listening", () => resolve())
    server.netServer.once("error", reject)
    server.listen()
  })
  const port = server.address()?.port ?? opts.port ?? 5084
  log(`LLRP 模拟器已启动 / LLRP simulator listening on ${host}:${port} (${opts.readerName ?? "reader"}, ${tags.size} tags)`)

  const tagOf = (epc: string) => {
    const t = tags.get(epc.toUpperCase())
    if (!t) throw new Error(`simulator: unknown tag ${epc}`)
    return t
  }
  const requireStreaming = () => {
    if (!started || !server.socketWritable) throw new Error("simulator: no reader client is connected and reading (START_ROSPEC)")
  }

  return {
    port,
    lift(epc, mode = "rssi") {
      requireStreaming()
      const t = tagOf(epc)
      const now = new Date()
      if (mode === "rssi") {
        t.state = "held"
        write([reportData(t, t.level - DROP_DB, now)])
      } else {
        write([reportData(t, t.level, now)])
        t.state = "away"
      }
      return Date.now()
    },
    replace(epc) {
      requireStreaming()
      const t = tagOf(epc)
      t.state = "on"
      const now = new Date()
      write([reportData(t, t.level, now), reportData(t, t.level, now), reportData(t, t.level, now)])
      return Date.now()
    },
    async close() {
      stopStreaming()
      server.socket?.destroy()
      await new Promise<void>((resolve) => server.netServer.close(() => resolve()))
    },
    streaming: () => started && server.socketWritable,
    waitForClient(timeoutMs = 10_000) {
      if (started && server.socketWritable && sinceStart >= READY_REPORTS) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => {
          waiters.delete(done)
          reject(new Error("simulator: no client started reading in time"))
        }, timeoutMs)
        const done = () => {
          clearTimeout(t)
          resolve()
        }
        waiters.add(done)
      })
    },
    tags: () => [...tags.values()].map((t) => ({ epc: t.epc, antenna: t.antenna, state: t.state })),
    reportsSent: () => sent,
  }
}
