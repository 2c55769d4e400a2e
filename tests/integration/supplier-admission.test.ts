import { describe, expect, it } from "vitest"
import { admin, store } from "../support/http"
import { creditCode, registerSupplier, supplierApi } from "../support/supplier"

// Supplier registration (注册) and admission review (准入审核) on the real backend.
describe("supplier registration", () => {
  it("registers a company with a valid credit code as pending, owned by the registering member", async () => {
    const supplier = await registerSupplier(101)
    expect(supplier.body.supplier.status).toBe("pending")
    expect(supplier.body.supplier.credit_code_checksum_ok).toBe(true)
    expect(supplier.body.warnings).toEqual([])
    const me = await supplierApi("/supplier/me", { token: supplier.token })
    expect(me.status).toBe(200)
    expect(me.body.member).toMatchObject({ email: supplier.email, role: "owner" })
    expect(me.body.supplier).toMatchObject({ id: supplier.id, status: "pending" })
  })

  it("accepts a code whose check character fails, with a warning and a flag for the operator", async () => {
    const supplier = await registerSupplier(102, { credit_code: creditCode(102, { wrongCheck: true }) })
    expect(supplier.body.supplier.credit_code_checksum_ok).toBe(false)
    expect(supplier.body.warnings[0]).toMatch(/校验位/)
    // the operator cannot admit it without confirming the code
    const blind = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) })
    expect(blind.status).toBe(400)
    expect(blind.body.message).toMatch(/confirm_credit_code/)
    const confirmed = await admin(`/admin/suppliers/${supplier.id}/decision`, {
      method: "POST",
      body: JSON.stringify({ decision: "approve", confirm_credit_code: true }),
    })
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(confirmed.body.supplier).toMatchObject({ status: "approved", credit_code_override: true })
  })

  it("refuses malformed codes (length, excluded letters) and a second registration of the same code", async () => {
    const email = `malformed-${Date.now()}@example.cn`
    const identity = await supplierApi("/auth/supplier/emailpass/register", { method: "POST", body: JSON.stringify({ email, password: "Supplier-Pass-1" }) })
    const base = {
      name: "王", company_name: "格式错误公司", legal_representative: "王", contact_name: "王", contact_phone: "13800000000",
      contact_email: email, region: "北京市",
    }
    for (const code of ["91510100ABC", "9151010OMA6CHK1234", "91510100MA6CHKIQ1X"]) {
      const response = await supplierApi("/supplier/registration", { method: "POST", token: identity.body.token, body: JSON.stringify({ ...base, credit_code: code }) })
      expect(response.status, code).toBe(400)
      expect(response.body.message, code).toMatch(/统一社会信用代码格式错误/)
    }
    const first = await registerSupplier(103)
    const again = await supplierApi("/supplier/registration", {
      method: "POST",
      token: identity.body.token,
      body: JSON.stringify({ ...base, credit_code: first.body.supplier.credit_code }),
    })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/已注册/)
    // missing fields are named
    const empty = await supplierApi("/supplier/registration", { method: "POST", token: identity.body.token, body: JSON.stringify({ name: "x" }) })
    expect(empty.status).toBe(400)
    expect(empty.body.message).toMatch(/company_name/)
  })

  it("a registered member cannot register a second company", async () => {
    const supplier = await registerSupplier(104)
    const again = await supplierApi("/supplier/registration", {
      method: "POST",
      token: supplier.token,
      body: JSON.stringify({ name: "x", company_name: "y", credit_code: creditCode(105), legal_representative: "z", contact_name: "z", contact_phone: "13800000000", contact_email: "a@b.cn", region: "北京市" }),
    })
    expect(again.status).toBe(400)
  })
})

describe("admission review", () => {
  it("lists pending suppliers with filters and shows a review page with documents", async () => {
    const supplier = await registerSupplier(201, { region: "山东省济南市" })
    const pending = await admin(`/admin/suppliers?status=pending&region=${encodeURIComponent("济南")}`)
    expect(pending.status).toBe(200)
    expect(pending.body.suppliers.map((s: { id: string }) => s.id)).toContain(supplier.id)
    expect(pending.body.suppliers.every((s: { status: string }) => s.status === "pending")).toBe(true)
    const page = await admin(`/admin/suppliers/${supplier.id}`)
    expect(page.body.supplier.qualification_documents.documents[0].name).toBe("营业执照")
    expect(page.body.supplier.members[0].email).toBe(supplier.email)
    expect(page.body.audit.map((a: { action: string }) => a.action)).toContain("registered")
    const bad = await admin(`/admin/suppliers?status=unknown`)
    expect(bad.status).toBe(400)
  })

  it("approve, suspend (reason required) and reinstate; each decision is logged and notified", async () => {
    const supplier = await registerSupplier(202)
    const approve = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve", note: "资料齐全" }) })
    expect(approve.status, JSON.stringify(approve.body)).toBe(200)
    const noReason = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "suspend" }) })
    expect(noReason.status).toBe(400)
    const suspend = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "suspend", note: "资质过期" }) })
    expect(suspend.body.supplier.status).toBe("suspended")
    const wrong = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "reject", note: "x" }) })
    expect(wrong.status).toBe(400)
    const reinstate = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "reinstate" }) })
    expect(reinstate.body.supplier.status).toBe("approved")
    const me = await supplierApi("/supplier/me", { token: supplier.token })
    expect(me.body.notifications.map((n: { template: string }) => n.template)).toEqual(["supplier-reinstate", "supplier-suspend", "supplier-approve"])
    expect(me.body.notifications[1].data.note).toBe("资质过期")
    const page = await admin(`/admin/suppliers/${supplier.id}`)
    expect(page.body.audit.map((a: { action: string }) => a.action)).toEqual(["reinstate", "suspend", "approve", "registered"])
  })

  it("rejects with a reason; the supplier sees it", async () => {
    const supplier = await registerSupplier(203)
    const reject = await admin(`/admin/suppliers/${supplier.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "reject", note: "营业执照不清晰" }) })
    expect(reject.body.supplier).toMatchObject({ status: "rejected", review_note: "营业执照不清晰" })
    const me = await supplierApi("/supplier/me", { token: supplier.token })
    expect(me.body.supplier.review_note).toBe("营业执照不清晰")
  })

  it("buyers, anonymous callers and suppliers get nothing from the operator's routes or /supplier/*", async () => {
    const supplier = await registerSupplier(204)
    expect((await supplierApi("/supplier/me")).status).toBe(401)
    expect((await supplierApi("/admin/suppliers", { token: supplier.token })).status).toBe(401)
    const customerToken = (
      await supplierApi("/auth/customer/emailpass/register", { method: "POST", body: JSON.stringify({ email: `buyer-${Date.now()}@example.cn`, password: "Buyer-Pass-1" }) })
    ).body.token
    expect((await supplierApi("/supplier/me", { token: customerToken })).status).toBe(401)
    // and the store still works for everyone
    expect((await store("/store/products?limit=1")).status).toBe(200)
  })
})
