import { describe, expect, it, vi } from "vitest"
import { clientDataErrorHandler } from "../../backend/src/api/utils/client-data-errors"
import { checkInput } from "../../backend/src/api/utils/input-guard"

function fakeResponse() {
  const res: any = {}
  res.status = vi.fn(() => res)
  res.json = vi.fn(() => res)
  return res
}

describe("checkInput", () => {
  it("accepts ordinary queries and bodies", () => {
    expect(checkInput({ limit: "20", offset: "0", q: "打印机" }, { email: "a@b.cn", items: [{ qty: 1 }] })).toBeNull()
  })

  it("names the field that is wrong", () => {
    expect(checkInput({ limit: "-1" }, undefined)).toMatchObject({ path: "limit" })
    expect(checkInput({ offset: ["1", "2"] }, undefined)).toMatchObject({ path: "offset" })
    expect(checkInput({ filters: { title: ["ok", "bad\u0000"] } }, undefined)).toMatchObject({ path: "filters.title[1]" })
    expect(checkInput({}, { address: { city: "成都\u0000" } })).toMatchObject({ path: "body.address.city" })
  })
})

describe("clientDataErrorHandler", () => {
  it("turns PostgreSQL data exceptions into a 400 with a plain message", () => {
    const medusa = vi.fn()
    const handler = clientDataErrorHandler(medusa)
    for (const code of ["2201W", "22P02", "08P01", "22999"]) {
      const res = fakeResponse()
      handler(Object.assign(new Error("select … - boom"), { code }), {} as any, res, vi.fn())
      expect(res.status).toHaveBeenCalledWith(400)
      const body = res.json.mock.calls[0][0]
      expect(body.type).toBe("invalid_data")
      expect(body.message).not.toContain("select") // no SQL leaks to the client
    }
    expect(medusa).not.toHaveBeenCalled()
  })

  it("finds the code on a wrapped cause", () => {
    const res = fakeResponse()
    clientDataErrorHandler(vi.fn())(Object.assign(new Error("wrapped"), { cause: { code: "22003" } }), {} as any, res, vi.fn())
    expect(res.status).toHaveBeenCalledWith(400)
  })

  it("turns a lock wait that timed out (a rush on one item) into a 409 asking to try again", () => {
    const medusa = vi.fn()
    for (const error of [new Error("Timed-out acquiring lock."), Object.assign(new Error("step failed"), { cause: new Error("Timed-out acquiring lock.") })]) {
      const res = fakeResponse()
      clientDataErrorHandler(medusa)(error, {} as any, res, vi.fn())
      expect(res.status).toHaveBeenCalledWith(409)
      expect(res.json.mock.calls[0][0]).toMatchObject({ type: "conflict", message: expect.stringContaining("请稍后重试") })
    }
    expect(medusa).not.toHaveBeenCalled()
  })

  it("leaves every other error to Medusa's handler", () => {
    const medusa = vi.fn()
    const error = Object.assign(new Error("unique violation"), { code: "23505" })
    clientDataErrorHandler(medusa)(error, {} as any, fakeResponse(), vi.fn())
    expect(medusa).toHaveBeenCalledWith(error, expect.anything(), expect.anything(), expect.anything())
  })
})
