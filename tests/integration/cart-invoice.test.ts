// Invoice details (发票信息) on the cart: validation (with the GB 32100 check of the tax
// number), who may set them, and that they travel to the order.

import { beforeAll, describe, expect, it } from "vitest"
import {
  adminOrderMetadata,
  COMPANY_INVOICE,
  createCart,
  placeOrder,
  postAs,
  registerCustomer,
  storeAs,
  type TestCustomer,
} from "../support/orders"

let buyer: TestCustomer
let stranger: TestCustomer
let cartId: string

const setInvoice = (customer: TestCustomer | null, body: unknown, id = cartId) => postAs(customer, `/store/carts/${id}/invoice`, body)
const getInvoice = (customer: TestCustomer | null, id = cartId) => storeAs(customer, `/store/carts/${id}/invoice`)

beforeAll(async () => {
  buyer = await registerCustomer("invoice-buyer")
  stranger = await registerCustomer("invoice-stranger")
  cartId = (await createCart(buyer)).id
})

describe("POST/GET /store/carts/:id/invoice", () => {
  it("has no invoice details on a new cart", async () => {
    const { status, body } = await getInvoice(buyer)
    expect(status).toBe(200)
    expect(body).toEqual({ cart_id: cartId, invoice: null })
  })

  it("stores company invoice details in the cart's metadata and returns them", async () => {
    const set = await setInvoice(buyer, COMPANY_INVOICE)
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect(set.body.invoice).toEqual(COMPANY_INVOICE)
    expect((await getInvoice(buyer)).body.invoice).toEqual(COMPANY_INVOICE)
    const cart = await storeAs(buyer, `/store/carts/${cartId}?fields=id,metadata`)
    expect(cart.body.cart.metadata.invoice).toEqual(COMPANY_INVOICE)
  })

  it("normalises the tax number and drops empty optional fields", async () => {
    const { status, body } = await setInvoice(buyer, {
      type: "company",
      title: "  四川省政府采购中心  ",
      tax_id: " 91110108551385082q ",
      email: "",
      phone: "",
    })
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.invoice).toEqual({ type: "company", title: "四川省政府采购中心", tax_id: "91110108551385082Q" })
  })

  it("accepts legacy 15-, 17- and 20-character tax numbers and personal invoices without one", async () => {
    for (const taxId of ["110108551385082", "11010855138508200", "11010819800101123401"]) {
      const { status, body } = await setInvoice(buyer, { type: "company", title: "成都某某单位", tax_id: taxId })
      expect(status, `${taxId}: ${JSON.stringify(body)}`).toBe(200)
      expect(body.invoice.tax_id).toBe(taxId)
    }
    const personal = await setInvoice(buyer, { type: "personal", title: "王晓明" })
    expect(personal.status).toBe(200)
    expect(personal.body.invoice).toEqual({ type: "personal", title: "王晓明" })
  })

  it("rejects malformed details with a 400 naming the field", async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...COMPANY_INVOICE, tax_id: "91110108551385082R" }, /tax_id: 税号校验位不正确 \/ The tax number's check character is wrong/],
      [{ type: "company", title: "成都某某单位" }, /tax_id: .*(税号|tax number)/],
      [{ type: "company", title: "成都某某单位", tax_id: "1234" }, /tax_id/],
      [{ type: "company", title: "成都某某单位", tax_id: "91350100M000I00Y43" }, /tax_id/],
      [{ type: "x", title: "成都某某单位" }, /type/],
      [{ title: "成都某某单位" }, /type/],
      [{ type: "personal", title: "王" }, /title/],
      [{ type: "personal", title: "王".repeat(101) }, /title/],
      [{ type: "personal" }, /title/],
      [{ type: "personal", title: "王晓明", email: "not-an-email" }, /email/],
      [{ type: "personal", title: "王晓明", phone: "call me" }, /phone/],
      [{ type: "personal", title: "王晓明", bank_account: "abc" }, /bank_account/],
      [{ type: "personal", title: "王晓明", colour: "red" }, /colour/],
    ]
    for (const [body, problem] of cases) {
      const response = await setInvoice(buyer, body)
      expect(response.status, `${JSON.stringify(body)} → ${JSON.stringify(response.body)}`).toBe(400)
      expect(response.body.message).toMatch(problem)
    }
    // Nothing was stored by the refused requests.
    expect((await getInvoice(buyer)).body.invoice).toEqual({ type: "personal", title: "王晓明" })
  })

  it("lets only the cart's own customer read or change a registered customer's cart", async () => {
    const foreign = await setInvoice(stranger, COMPANY_INVOICE)
    expect(foreign.status).toBe(403)
    expect(foreign.body.message).toMatch(/another customer/)
    expect((await getInvoice(stranger)).status).toBe(403)
    const anonymous = await setInvoice(null, COMPANY_INVOICE)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.message).toMatch(/Log in/)
    expect((await getInvoice(null)).status).toBe(401)
  })

  it("lets anyone with the id set the details of a guest cart, as Medusa's cart routes do", async () => {
    const guestCart = await createCart(null)
    expect(guestCart.customer_id).toBeNull()
    expect((await setInvoice(null, COMPANY_INVOICE, guestCart.id)).status).toBe(200)
    expect((await getInvoice(null, guestCart.id)).body.invoice).toEqual(COMPANY_INVOICE)
  })

  it("answers a missing cart with a 404", async () => {
    const missing = await setInvoice(buyer, COMPANY_INVOICE, "cart_missing")
    expect(missing.status).toBe(404)
    expect(missing.body.message).toMatch(/Cart cart_missing was not found/)
    expect((await getInvoice(buyer, "cart_missing")).status).toBe(404)
  })

  it("travels to the order's metadata when the cart completes, and is frozen afterwards", async () => {
    const invoice = { type: "personal", title: "王晓明", email: "wang@example.cn" }
    const { cart_id, order } = await placeOrder(buyer, { invoice })
    expect((await adminOrderMetadata(order.id))?.invoice).toEqual(invoice)
    expect((await getInvoice(buyer, cart_id)).body.invoice).toEqual(invoice)
    const late = await setInvoice(buyer, COMPANY_INVOICE, cart_id)
    expect(late.status).toBe(400)
    expect(late.body.message).toMatch(/checked out/)
  })
})
