import { startLlrpReader } from "./llrp"
import { startSerialReader } from "./serial"
import type { Reader, ReaderConfig, ReaderContext } from "./types"
import { startWedgeReader } from "./wedge"

export type { Reader, ReaderConfig, ReaderContext } from "./types"

export async function startReader(config: ReaderConfig, ctx: ReaderContext): Promise<Reader> {
  switch (config.kind) {
    case "llrp":
      return startLlrpReader({ host: config.host, port: config.port }, ctx)
    case "wedge":
      return startWedgeReader(config.input, ctx)
    case "serial":
      return startSerialReader({ path: config.path, baudRate: config.baudRate }, ctx)
    case "none":
      return { kind: "none", connected: () => false, close: async () => {} }
  }
}

/** Parses GWC_KIOSK_READER: llrp://host:port | wedge | serial:///dev/ttyUSB0?baud=9600 | none */
export function parseReaderSpec(spec: string | undefined): ReaderConfig {
  const value = (spec ?? "none").trim()
  if (value === "" || value === "none") return { kind: "none" }
  if (value === "wedge") return { kind: "wedge" }
  if (value.startsWith("llrp://")) {
    const url = new URL(value)
    const name = url.searchParams.get("name") ?? undefined
    return { kind: "llrp", host: url.hostname || "127.0.0.1", port: url.port ? Number(url.port) : 5084, ...(name ? { name } : {}) }
  }
  if (value.startsWith("serial://")) {
    const url = new URL(value)
    const baud = url.searchParams.get("baud")
    return { kind: "serial", path: decodeURIComponent(url.pathname), ...(baud ? { baudRate: Number(baud) } : {}) }
  }
  throw new Error(`GWC_KIOSK_READER 无法识别 / not understood: "${value}" (llrp://host:port | wedge | serial:///dev/ttyUSB0?baud=9600 | none)`)
}
