/**
 * LLRP (EPCglobal Low Level Reader Protocol, TCP 5084) reader adapter on llrpjs' LLRPClient.
 *
 * On connect: wait for the reader's READER_EVENT_NOTIFICATION (ConnectionAttemptEvent), then
 * DELETE_ROSPEC (all), ADD_ROSPEC (continuous inventory on all antennas, a report per tag read with
 * AntennaID, PeakRSSI and first/last-seen timestamps), ENABLE_ROSPEC, START_ROSPEC. Each
 * RO_ACCESS_REPORT's TagReportData becomes a TagRead: EPC_96 (or EPCData) as upper-case hex,
 * antenna "<name>:<AntennaID>", rssi = PeakRSSI dBm, at = when the agent received the report (the
 * reader's clock is not trusted for lift timing). KEEPALIVEs are acknowledged. The connection is
 * re-established with backoff (0.5 s doubling to 10 s) when it drops or setup fails.
 */
import type { TagRead } from "../../../shared/types"
import { createLlrpClient, destroyLlrpClient, LLRPCore, transact, type LlrpClient, type LlrpMessage } from "../llrp-net"
import type { Reader, ReaderContext } from "./types"

export const ROSPEC_ID = 1

export function addRospecMessage() {
  return new LLRPCore.ADD_ROSPEC({
    data: {
      ROSpec: {
        ROSpecID: ROSPEC_ID,
        Priority: 0,
        CurrentState: "Disabled",
        ROBoundarySpec: {
          ROSpecStartTrigger: { ROSpecStartTriggerType: "Null" },
          ROSpecStopTrigger: { ROSpecStopTriggerType: "Null", DurationTriggerValue: 0 },
        },
        AISpec: {
          AntennaIDs: [0], // 0 = all antennas
          AISpecStopTrigger: { AISpecStopTriggerType: "Null", DurationTrigger: 0 },
          InventoryParameterSpec: { InventoryParameterSpecID: 1, ProtocolID: "EPCGlobalClass1Gen2" },
        },
        ROReportSpec: {
          ROReportTrigger: "Upon_N_Tags_Or_End_Of_ROSpec",
          N: 1,
          TagReportContentSelector: {
            EnableROSpecID: false,
            EnableSpecIndex: false,
            EnableInventoryParameterSpecID: false,
            EnableAntennaID: true,
            EnableChannelIndex: false,
            EnablePeakRSSI: true,
            EnableFirstSeenTimestamp: true,
            EnableLastSeenTimestamp: true,
            EnableTagSeenCount: false,
            EnableAccessSpecID: false,
          },
        },
      },
    },
  })
}

function toHex(value: unknown): string | null {
  if (typeof value === "string") return value.replace(/^0x/i, "").toUpperCase()
  if (Buffer.isBuffer(value)) return value.toString("hex").toUpperCase()
  if (Array.isArray(value)) {
    if (value.every((v) => v === 0 || v === 1) && value.length % 8 === 0 && value.length > 8) {
      // bit array (EPCData u1v)
      const bytes: number[] = []
      for (let i = 0; i < value.length; i += 8) bytes.push(parseInt(value.slice(i, i + 8).join(""), 2))
      return Buffer.from(bytes).toString("hex").toUpperCase()
    }
    return Buffer.from(value as number[]).toString("hex").toUpperCase()
  }
  return null
}

/** TagReportData list of an RO_ACCESS_REPORT → TagReads. */
export function readsFromReport(msg: LlrpMessage, name: string, at: number): TagRead[] {
  let list = msg.getTagReportData?.()
  if (!list) return []
  if (!Array.isArray(list)) list = [list]
  const reads: TagRead[] = []
  for (const t of list) {
    const param = t.getEPCParameter?.()
    const epc = toHex(param?.getEPC?.())
    if (!epc) continue
    const antennaId = t.getAntennaID?.()?.getAntennaID?.()
    const rssi = t.getPeakRSSI?.()?.getPeakRSSI?.()
    const read: TagRead = { epc, antenna: `${name}:${antennaId ?? 1}`, at }
    if (typeof rssi === "number") read.rssi = rssi
    reads.push(read)
  }
  return reads
}

function checkStatus(rsp: LlrpMessage, what: string) {
  const status = rsp.getLLRPStatus?.()
  const code = status?.getStatusCode?.()
  if (code !== "M_Success") throw new Error(`${what} failed: ${code} ${status?.getErrorDescription?.() ?? ""}`)
}

export function startLlrpReader(options: { host: string; port: number }, ctx: ReaderContext): Reader {
  let client: LlrpClient | null = null
  let connected = false
  let closed = false
  let backoff = 500
  let timer: NodeJS.Timeout | null = null
  let lastFailure = ""
  let lastFailureAt = 0

  const schedule = () => {
    if (closed || timer) return
    timer = setTimeout(() => {
      timer = null
      void connect()
    }, backoff)
    backoff = Math.min(backoff * 2, 10_000)
  }

  const connect = async () => {
    if (closed) return
    const c = createLlrpClient({ host: options.host, port: options.port })
    client = c
    let notified: (msg: LlrpMessage) => void = () => {}
    const notification = new Promise<LlrpMessage>((resolve) => (notified = resolve))
    c.on("READER_EVENT_NOTIFICATION", (msg: LlrpMessage) => notified(msg))
    c.on("KEEPALIVE", () => void c.send(new LLRPCore.KEEPALIVE_ACK()).catch(() => {}))
    c.on("RO_ACCESS_REPORT", (msg: LlrpMessage) => {
      const at = Date.now()
      for (const read of readsFromReport(msg, ctx.name, at)) ctx.onRead(read)
    })
    c.on("error", (err: Error) => {
      if (connected) ctx.log(`LLRP 错误 / LLRP error: ${err.message}`) // connection failures are logged below
    })
    c.on("disconnect", () => {
      if (client !== c) return
      if (connected) ctx.log(`LLRP 读写器已断开 / LLRP reader disconnected (${options.host}:${options.port})`)
      connected = false
      client = null
      schedule()
    })
    try {
      await c.connect()
      const first = await Promise.race([notification, new Promise<null>((r) => setTimeout(() => r(null), 3000))])
      const status = first?.getReaderEventNotificationData?.()?.getConnectionAttemptEvent?.()?.getStatus?.()
      if (status && status !== "Success") throw new Error(`reader refused the connection: ${status}`)
      checkStatus(await transact(c, new LLRPCore.DELETE_ROSPEC({ data: { ROSpecID: 0 } })), "DELETE_ROSPEC")
      checkStatus(await transact(c, addRospecMessage()), "ADD_ROSPEC")
      checkStatus(await transact(c, new LLRPCore.ENABLE_ROSPEC({ data: { ROSpecID: ROSPEC_ID } })), "ENABLE_ROSPEC")
      checkStatus(await transact(c, new LLRPCore.START_ROSPEC({ data: { ROSpecID: ROSPEC_ID } })), "START_ROSPEC")
      if (closed) return
      connected = true
      backoff = 500
      lastFailure = ""
      ctx.log(`LLRP 读写器已连接 / LLRP reader connected (${options.host}:${options.port})`)
    } catch (err) {
      const line = `LLRP 连接失败，将重试 / LLRP connection failed, retrying (${options.host}:${options.port}): ${(err as Error).message}`
      if (line !== lastFailure || Date.now() - lastFailureAt > 30_000) {
        ctx.log(line)
        lastFailure = line
        lastFailureAt = Date.now()
      }
      connected = false
      if (client === c) client = null
      destroyLlrpClient(c)
      schedule()
    }
  }

  void connect()

  return {
    kind: "llrp",
    connected: () => connected,
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      const c = client
      client = null
      connected = false
      if (c) {
        try {
          if (c.socketWritable) await transact(c, new LLRPCore.CLOSE_CONNECTION(), 500)
        } catch {
          // the reader may already be gone
        }
        destroyLlrpClient(c)
      }
    },
  }
}
