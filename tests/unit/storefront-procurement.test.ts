import { describe, expect, it } from "vitest"
import { parseBackendMessage } from "../../storefront/app/lib/procurement"

// How the procurement pages read the backend's refusals: the visitor's half of "中文 / English",
// without Medusa's and our validation prefixes, and the fields they name (shown at the field).

describe("parseBackendMessage", () => {
  it("takes a validation error apart into its fields, in either language", () => {
    const raw =
      "Invalid request: 请求有误 / invalid request: credit_code: 除个人外，采购单位须填写统一社会信用代码 / credit_code is required for every type but individual; name: 名称不能为空 / name is required"
    expect(parseBackendMessage(raw, "zh-CN")).toEqual({
      message: "除个人外，采购单位须填写统一社会信用代码；名称不能为空",
      fields: { credit_code: "除个人外，采购单位须填写统一社会信用代码", name: "名称不能为空" },
    })
    expect(parseBackendMessage(raw, "en")).toEqual({
      message: "credit_code is required for every type but individual; name is required",
      fields: { credit_code: "credit_code is required for every type but individual", name: "name is required" },
    })
  })

  it("keeps a route's own message whole and names its field", () => {
    const raw = "variant_ids: 至少需要 3 家不同供应商的报价，当前 2 家 / offers from at least 3 different suppliers are needed, got 2"
    expect(parseBackendMessage(raw, "zh-CN")).toEqual({ message: "至少需要 3 家不同供应商的报价，当前 2 家", fields: { variant_ids: "至少需要 3 家不同供应商的报价，当前 2 家" } })
    expect(parseBackendMessage("需要审批 / approval required", "en")).toEqual({ message: "approval required", fields: {} })
    expect(parseBackendMessage("Something went wrong", "zh-CN")).toEqual({ message: "Something went wrong", fields: {} })
  })

  it("names a nested field by its top-level name", () => {
    expect(parseBackendMessage("请求有误 / invalid request: items.0.quantity: 数量有误 / bad quantity", "zh-CN").fields).toEqual({ items: "数量有误" })
  })
})
