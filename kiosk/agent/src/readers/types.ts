import type { Readable } from "node:stream"
import type { TagRead } from "../../../shared/types"

export type ReaderConfig =
  | { kind: "llrp"; host: string; port: number; name?: string }
  | { kind: "wedge"; input?: Readable }
  | { kind: "serial"; path: string; baudRate?: number }
  | { kind: "none" }

export interface Reader {
  kind: ReaderConfig["kind"]
  connected(): boolean
  close(): Promise<void>
}

export interface ReaderContext {
  onRead: (read: TagRead) => void
  log: (line: string) => void
  /** prefix of antenna names ("<name>:<antenna number>") */
  name: string
}
