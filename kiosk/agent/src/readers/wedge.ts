/**
 * Keyboard-wedge (USB HID) RFID readers "type" the tag UID followed by Enter. A reader types far
 * faster than a person: a line counts as a tag when it has at least `minLength` characters and
 * every gap between keystrokes (and before Enter) is under `maxGapMs`. Slower typing is a human at
 * the keyboard and is ignored. Reads go to antenna "wedge:1" (see LiftDetector for the
 * present/remove toggle semantics).
 */
import type { Readable } from "node:stream"
import type { Reader, ReaderContext } from "./types"

export interface WedgeDecoderOptions {
  maxGapMs?: number // default 35
  minLength?: number // default 8
}

/** Pure keystroke decoder: feed characters with their arrival times; returns a UID on Enter. */
export class WedgeDecoder {
  private buffer = ""
  private last = 0
  private human = false
  readonly maxGapMs: number
  readonly minLength: number

  constructor(options: WedgeDecoderOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 35
    this.minLength = options.minLength ?? 8
  }

  /** Feed one keystroke (a single character; "\r" or "\n" is Enter). */
  key(char: string, at: number): string | null {
    const fast = this.buffer.length > 0 && at - this.last < this.maxGapMs
    this.last = at
    if (char === "\r" || char === "\n") {
      const line = this.buffer
      const ok = fast && !this.human && line.length >= this.minLength
      this.buffer = ""
      this.human = false
      return ok ? line.toUpperCase() : null
    }
    if (!fast) {
      // a slow keystroke: whatever came before was typed by a person; start a new candidate line
      this.buffer = ""
      this.human = false
    }
    if (/^[0-9A-Fa-f]$/.test(char)) this.buffer += char
    else this.human = true // other letters, punctuation, spaces, backspace: a person typing (UIDs are hex / decimal)
    return null
  }

  /** Feed a chunk of characters that arrived together. */
  chunk(text: string, at: number): string[] {
    const out: string[] = []
    for (const c of text) {
      const uid = this.key(c, at)
      if (uid) out.push(uid)
    }
    return out
  }
}

export function startWedgeReader(input: Readable | undefined, ctx: ReaderContext, options?: WedgeDecoderOptions & { now?: () => number }): Reader {
  const stream = input ?? process.stdin
  const now = options?.now ?? Date.now
  const decoder = new WedgeDecoder(options)
  const tty = stream as Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void }
  if (tty.isTTY && tty.setRawMode) tty.setRawMode(true)
  stream.setEncoding?.("utf8")
  const onData = (data: string | Buffer) => {
    const at = now()
    for (const uid of decoder.chunk(typeof data === "string" ? data : data.toString("utf8"), at)) {
      ctx.onRead({ epc: uid, antenna: "wedge:1", at })
    }
  }
  stream.on("data", onData)
  stream.resume()
  let open = true
  return {
    kind: "wedge",
    connected: () => open,
    async close() {
      open = false
      stream.off("data", onData)
      if (tty.isTTY && tty.setRawMode) tty.setRawMode(false)
      if (stream === process.stdin) stream.pause()
    },
  }
}
