import { PassThrough } from "node:stream"
import { SerialPortMock } from "serialport"
import { afterEach, describe, expect, it } from "vitest"
import { parseReaderSpec } from "../../kiosk/agent/src/readers"
import { parseSerialLine, startSerialReader } from "../../kiosk/agent/src/readers/serial"
import { startWedgeReader, WedgeDecoder } from "../../kiosk/agent/src/readers/wedge"
import type { TagRead } from "../../kiosk/shared/types"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("keyboard-wedge timing", () => {
  const type = (d: WedgeDecoder, text: string, start: number, gapMs: number) => {
    const out: string[] = []
    let t = start
    for (const c of text) {
      const uid = d.key(c, t)
      if (uid) out.push(uid)
      t += gapMs
    }
    return out
  }

  it("a fast line of >= 8 characters is a tag UID (upper-cased)", () => {
    const d = new WedgeDecoder()
    expect(type(d, "04a1b2c3d4e5\r", 0, 8)).toEqual(["04A1B2C3D4E5"])
    expect(type(d, "3034257BF7194E4000001A85\n", 1000, 4)).toEqual(["3034257BF7194E4000001A85"])
  })

  it("human typing (gaps >= 35 ms) is ignored, even when the text looks like a UID", () => {
    const d = new WedgeDecoder()
    expect(type(d, "04A1B2C3D4\r", 0, 120)).toEqual([])
    expect(type(d, "04A1B2C3D4\r", 5000, 36)).toEqual([])
  })

  it("short lines, a slow Enter, punctuation and a reader burst after human keystrokes", () => {
    const d = new WedgeDecoder()
    expect(type(d, "1234567\r", 0, 5)).toEqual([]) // too short
    expect(type(d, "QWERTYUIOP\r", 500, 5)).toEqual([]) // not a hex / decimal UID
    let t = 1000
    for (const c of "04A1B2C3D4") d.key(c, (t += 5))
    expect(d.key("\r", t + 200)).toBeNull() // Enter typed by a person after a paste
    expect(type(d, "04A1-B2C3D4\r", 3000, 5)).toEqual([]) // punctuation: a person
    // a person pressed "x", "y" slowly, then the reader typed its line: the line still counts
    d.key("x", 5000)
    d.key("y", 5400)
    expect(type(d, "04A1B2C3D4\r", 6000, 6)).toEqual(["04A1B2C3D4"])
  })

  it("reads a Readable of keystrokes in real time: reader lines become wedge:1 reads, typing does not", async () => {
    const input = new PassThrough()
    const reads: TagRead[] = []
    const reader = startWedgeReader(input, { onRead: (r) => reads.push(r), log: () => {}, name: "wedge" })
    // a reader: the whole line in one burst
    input.write("04a1b2c3d4\r")
    await sleep(20)
    // a person: one key every 80 ms
    for (const c of "0499887766\r") {
      input.write(c)
      await sleep(80)
    }
    expect(reads.map((r) => [r.epc, r.antenna])).toEqual([["04A1B2C3D4", "wedge:1"]])
    expect(reader.connected()).toBe(true)
    await reader.close()
    expect(reader.connected()).toBe(false)
  })
})

describe("serial readers", () => {
  // serialport bundles its own copy of @serialport/binding-mock: use the one SerialPortMock talks to
  const MockBinding = SerialPortMock.binding as typeof SerialPortMock.binding & {
    createPort(path: string, opts?: { echo?: boolean; record?: boolean }): void
    reset(): void
  }
  afterEach(() => MockBinding.reset())

  it("parses 'EPC[,antenna[,rssi]]' lines", () => {
    expect(parseSerialLine("3034257bf7194e4000001a85\r", "serial", 5)).toEqual({ epc: "3034257BF7194E4000001A85", antenna: "serial:1", at: 5 })
    expect(parseSerialLine("E2801160600002084E3A1B2C,2,-61", "rdr", 6)).toEqual({ epc: "E2801160600002084E3A1B2C", antenna: "rdr:2", rssi: -61, at: 6 })
    expect(parseSerialLine("0x04A1B2C3 3", "s", 1)).toMatchObject({ epc: "04A1B2C3", antenna: "s:3" })
    expect(parseSerialLine("", "s", 1)).toBeNull()
    expect(parseSerialLine("READY", "s", 1)).toBeNull()
  })

  it("reads lines from a serial port (serialport's mock binding)", async () => {
    MockBinding.createPort("/dev/ttyRFID0", { echo: false, record: false })
    const ports: SerialPortMock[] = []
    class RecordingPort extends SerialPortMock {
      constructor(options: { path: string; baudRate: number }) {
        super(options)
        ports.push(this)
      }
    }
    const reads: TagRead[] = []
    const reader = await startSerialReader(
      { path: "/dev/ttyRFID0", baudRate: 9600, SerialPortClass: RecordingPort as never },
      { onRead: (r) => reads.push(r), log: () => {}, name: "serial" }
    )
    for (let i = 0; i < 100 && !reader.connected(); i++) await sleep(10)
    expect(reader.connected()).toBe(true)
    expect(ports).toHaveLength(1)
    expect(ports[0].baudRate).toBe(9600)
    ports[0].port!.emitData("3034257BF7194E4000001A85,2,-48\r\nE2801160600002")
    ports[0].port!.emitData("084E3A1B2C\r\ngarbage line\r\n")
    for (let i = 0; i < 100 && reads.length < 2; i++) await sleep(10)
    expect(reads.map((r) => [r.epc, r.antenna, r.rssi])).toEqual([
      ["3034257BF7194E4000001A85", "serial:2", -48],
      ["E2801160600002084E3A1B2C", "serial:1", undefined],
    ])
    await reader.close()
    expect(reader.connected()).toBe(false)
  })
})

describe("GWC_KIOSK_READER", () => {
  it("parses reader specs", () => {
    expect(parseReaderSpec("llrp://10.0.0.5:5084")).toEqual({ kind: "llrp", host: "10.0.0.5", port: 5084 })
    expect(parseReaderSpec("llrp://127.0.0.1:15084?name=reader-a")).toEqual({ kind: "llrp", host: "127.0.0.1", port: 15084, name: "reader-a" })
    expect(parseReaderSpec("wedge")).toEqual({ kind: "wedge" })
    expect(parseReaderSpec("serial:///dev/ttyUSB0?baud=115200")).toEqual({ kind: "serial", path: "/dev/ttyUSB0", baudRate: 115200 })
    expect(parseReaderSpec(undefined)).toEqual({ kind: "none" })
    expect(() => parseReaderSpec("bluetooth")).toThrow(/GWC_KIOSK_READER/)
  })
})
