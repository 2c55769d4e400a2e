import { PassThrough } from "node:stream"
import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { SupervisorOrdersQuery } from "../../plugins/procurement/src/api/supervisor/validators"
import { AdminCreateSupervisor } from "../../plugins/procurement/src/api/admin/supervisors/validators"
import { attachmentHeader, safeCell, sendCsv, type CsvCell } from "../../plugins/procurement/src/lib/csv-export"
import { addYuan } from "../../plugins/procurement/src/lib/supervision-orders"

describe("CSV cells", () => {
  it("defuses what a spreadsheet would run as a formula, leaves numbers and plain text", () => {
    expect(safeCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")")
    expect(safeCell("+86 138")).toBe("'+86 138")
    expect(safeCell("-1")).toBe("'-1")
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)")
    expect(safeCell("\t=1")).toBe("'\t=1")
    expect(safeCell("成都市=某局")).toBe("成都市=某局")
    expect(safeCell(-12.5)).toBe(-12.5)
    expect(safeCell(null)).toBe("")
    expect(safeCell(undefined)).toBe("")
  })

  it("names the attachment in ASCII and, exactly, in UTF-8", () => {
    expect(attachmentHeader("监管订单-orders-2026-11-22.csv")).toBe(
      `attachment; filename="____-orders-2026-11-22.csv"; filename*=UTF-8''${encodeURIComponent("监管订单-orders-2026-11-22.csv")}`
    )
  })
})

/** A stand-in for Express's response: a writable stream with the methods sendCsv uses. */
function fakeResponse() {
  const stream = new PassThrough()
  const headers: Record<string, string> = {}
  let status = 0
  const chunks: Buffer[] = []
  stream.on("data", (chunk: Buffer) => chunks.push(chunk))
  const res = Object.assign(stream, {
    status(code: number) {
      status = code
      return res
    },
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value
    },
  })
  return { res, headers, status: () => status, body: () => Buffer.concat(chunks) }
}

describe("sendCsv", () => {
  it("writes a BOM, the header and every page's rows, reading one page at a time", async () => {
    const read: number[] = []
    async function* pages(): AsyncGenerator<CsvCell[][]> {
      for (let page = 0; page < 3; page++) {
        read.push(page)
        yield Array.from({ length: 1000 }, (_, i) => [`订单 ${page}-${i}`, i * 1.5])
      }
    }
    const out = fakeResponse()
    await sendCsv(out.res as any, "x.csv", ["名称 Name", "金额 Amount"], pages())
    expect(out.status()).toBe(200)
    expect(out.headers["content-type"]).toBe("text/csv; charset=utf-8")
    const bytes = out.body()
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes.toString("utf8"), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(3000)
    expect(rows[1001]).toEqual({ "名称 Name": "订单 1-1", "金额 Amount": "1.5" })
    expect(read).toEqual([0, 1, 2])
  })

  it("fails as an ordinary error when the first page cannot be read (nothing sent yet)", async () => {
    async function* pages(): AsyncGenerator<CsvCell[][]> {
      throw new Error("database down")
    }
    const out = fakeResponse()
    await expect(sendCsv(out.res as any, "x.csv", ["a"], pages())).rejects.toThrow("database down")
    expect(out.status()).toBe(0)
  })
})

describe("validators", () => {
  it("orders: from before to, known statuses, whole limits, no unknown parameters", () => {
    expect(SupervisorOrdersQuery.parse({})).toEqual({ limit: 50, offset: 0 })
    expect(SupervisorOrdersQuery.safeParse({ from: "2026-11-02", to: "2026-11-01" }).success).toBe(false)
    expect(SupervisorOrdersQuery.safeParse({ status: "shipped" }).success).toBe(false)
    expect(SupervisorOrdersQuery.safeParse({ limit: "1.5" }).success).toBe(false)
    expect(SupervisorOrdersQuery.safeParse({ organization_id: ["a", "b"] }).success).toBe(false)
    expect(SupervisorOrdersQuery.safeParse({ fields: "*" }).success).toBe(false)
    expect(SupervisorOrdersQuery.parse({ status: "canceled", from: "2026-11-01T00:00:00+08:00" })).toMatchObject({ status: "canceled", from: new Date("2026-10-31T16:00:00Z") })
  })

  it("new supervisors: email normalised, a real password, nothing else", () => {
    expect(AdminCreateSupervisor.parse({ name: " 张监管 ", email: " Zhang@Example.CN ", password: "Long-enough-1" })).toEqual({
      name: "张监管",
      email: "zhang@example.cn",
      password: "Long-enough-1",
    })
    expect(AdminCreateSupervisor.safeParse({ name: "a", email: "a@b.cn", password: "short" }).success).toBe(false)
    expect(AdminCreateSupervisor.safeParse({ name: "a", email: "a@b.cn", password: "Long-enough-1", actor_type: "user" }).success).toBe(false)
  })
})

describe("money", () => {
  it("adds yuan in fen, without floating-point drift", () => {
    let fen = 0
    for (let i = 0; i < 1000; i++) fen = addYuan(fen, 0.1)
    expect(fen / 100).toBe(100)
    expect(addYuan(0, 1299.99) / 100).toBe(1299.99)
  })
})
