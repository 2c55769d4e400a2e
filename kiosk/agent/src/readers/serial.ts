/**
 * Serial RFID readers: one line per read, "EPC[,antenna[,rssi]]" (CR/LF terminated).
 * Antenna names are "<name>:<antenna>" (default antenna 1).
 */
import type { TagRead } from "../../../shared/types"
import type { Reader, ReaderContext } from "./types"

export function parseSerialLine(line: string, name: string, at: number): TagRead | null {
  const parts = line.trim().split(/[,;\t ]+/).filter(Boolean)
  if (parts.length === 0) return null
  const epc = parts[0].replace(/^0x/i, "").toUpperCase()
  if (!/^[0-9A-F]{4,}$/.test(epc)) return null
  const antenna = parts[1] && /^\d+$/.test(parts[1]) ? Number(parts[1]) : 1
  const rssi = parts[2] !== undefined && /^-?\d+(\.\d+)?$/.test(parts[2]) ? Number(parts[2]) : undefined
  return rssi === undefined ? { epc, antenna: `${name}:${antenna}`, at } : { epc, antenna: `${name}:${antenna}`, rssi, at }
}

interface SerialPortLike {
  pipe<T extends NodeJS.WritableStream>(dest: T): T
  on(event: string, listener: (...args: any[]) => void): unknown
  close(cb?: (err?: Error | null) => void): void
  isOpen: boolean
}

export interface SerialOptions {
  path: string
  baudRate?: number
  /** for tests: a SerialPort-compatible class (e.g. SerialPortMock) */
  SerialPortClass?: new (opts: { path: string; baudRate: number }) => SerialPortLike
  reconnectMs?: number
}

export async function startSerialReader(options: SerialOptions, ctx: ReaderContext): Promise<Reader> {
  const lib = await import("serialport")
  const Port = (options.SerialPortClass ?? lib.SerialPort) as unknown as new (opts: { path: string; baudRate: number }) => SerialPortLike
  let port: SerialPortLike | null = null
  let closed = false
  let timer: NodeJS.Timeout | null = null
  const open = () => {
    if (closed) return
    try {
      const p = new Port({ path: options.path, baudRate: options.baudRate ?? 9600 })
      port = p
      const parser = p.pipe(new lib.ReadlineParser({ delimiter: "\n" }))
      parser.on("data", (line: string) => {
        const read = parseSerialLine(line, ctx.name, Date.now())
        if (read) ctx.onRead(read)
      })
      p.on("open", () => ctx.log(`串口读写器已连接 / serial reader open: ${options.path}`))
      p.on("error", (err: Error) => ctx.log(`串口错误 / serial error: ${err.message}`))
      p.on("close", () => {
        port = null
        if (!closed) timer = setTimeout(open, options.reconnectMs ?? 2000)
      })
    } catch (err) {
      ctx.log(`串口无法打开 / cannot open serial port: ${(err as Error).message}`)
      timer = setTimeout(open, options.reconnectMs ?? 2000)
    }
  }
  open()
  return {
    kind: "serial",
    connected: () => !!port?.isOpen,
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      const p = port
      if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()))
    },
  }
}
