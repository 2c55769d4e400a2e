// Checkout with the offline payment methods (@gongwucang/payments) through the real store API,
// and the operator's side through the real admin API. No vitest imports, like ./orders.

import fs from "node:fs"
import path from "node:path"
import { runMedusa } from "../../backend/scripts/lib/medusa"
import { admin, type JsonResponse } from "./http"
import { createCart, postAs, SHIPPING_ADDRESS, storeAs, variantInStock, type TestCustomer } from "./orders"
import { testStack } from "./stack"

/** 对公转账 */
export const BANK_TRANSFER = "pp_bank-transfer_offline"
/** 公务卡 */
export const OFFICIAL_CARD = "pp_official-card_offline"
/** 验收后付款 */
export const PAY_ON_ACCEPTANCE = "pp_pay-on-acceptance_offline"
export const SYSTEM_PROVIDER = "pp_system_default"

/** The customer groups the seed creates (plugins/payments/src/lib/eligibility). */
export const PUBLIC_BUYERS_GROUP = "公共机构 public buyers"
export const PAY_ON_ACCEPTANCE_GROUP = "验收后付款 pay on acceptance"

export const REFERENCE_FORMAT = /^GWC-(\d{8})-[2-9A-HJ-NP-Z]{6}$/

function ok<T extends JsonResponse>(what: string, response: T): T {
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  return response
}

export interface CartToPay {
  cart_id: string
  payment_collection_id: string
  /** What the buyer owes (yuan), as the payment collection says. */
  amount: number
}

/**
 * A cart of the customer's up to the payment step: one item of a seeded goods product, the
 * shipping address, standard delivery, and its payment collection.
 */
export async function cartToPay(customer: TestCustomer): Promise<CartToPay> {
  const cart = await createCart(customer)
  const variant = await variantInStock()
  ok("add line item", await postAs(customer, `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 }))
  ok("set shipping address", await postAs(customer, `/store/carts/${cart.id}`, { shipping_address: SHIPPING_ADDRESS }))
  const options = ok("list shipping options", await storeAs(customer, `/store/shipping-options?cart_id=${cart.id}`))
  const option = options.body.shipping_options.find((o: { type?: { code?: string } | null }) => o.type?.code === "standard-delivery")
  if (!option) throw new Error(`no standard delivery option: ${JSON.stringify(options.body)}`)
  ok("add shipping method", await postAs(customer, `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }))
  const collection = ok("create payment collection", await postAs(customer, "/store/payment-collections", { cart_id: cart.id }))
  return {
    cart_id: cart.id,
    payment_collection_id: collection.body.payment_collection.id,
    amount: Number(collection.body.payment_collection.amount),
  }
}

/** POST /store/payment-collections/:id/payment-sessions — choosing a payment method (replaces the previous session). */
export function choosePayment(customer: TestCustomer, cart: CartToPay, providerId: string, data?: Record<string, unknown>) {
  return postAs(customer, `/store/payment-collections/${cart.payment_collection_id}/payment-sessions`, {
    provider_id: providerId,
    ...(data ? { data } : {}),
  })
}

/** The chosen session of a choosePayment answer. */
export function sessionOf(response: JsonResponse, providerId: string): { id: string; status: string; data: Record<string, any> } {
  const sessions = response.body?.payment_collection?.payment_sessions ?? []
  const session = sessions.find((s: { provider_id: string }) => s.provider_id === providerId)
  if (!session) throw new Error(`no ${providerId} session in ${JSON.stringify(response.body)}`)
  return session
}

export function completeCart(customer: TestCustomer, cartId: string) {
  return postAs(customer, `/store/carts/${cartId}/complete`)
}

/** A cart paid with the given method and completed; throws unless an order came out. */
export async function orderPaidWith(customer: TestCustomer, providerId: string, data?: Record<string, unknown>) {
  const cart = await cartToPay(customer)
  ok("choose payment", await choosePayment(customer, cart, providerId, data))
  const completed = ok("complete cart", await completeCart(customer, cart.cart_id))
  if (completed.body.type !== "order") throw new Error(`complete cart gave no order: ${JSON.stringify(completed.body)}`)
  const order = completed.body.order as { id: string; total: number }
  return { cart, order, payment: await orderPayment(order.id) }
}

export interface AdminPayment {
  id: string
  provider_id: string
  amount: number
  currency_code: string
  captured_at: string | null
  canceled_at: string | null
  data: Record<string, any>
  captures: { id: string; amount: number }[]
  refunds: { id: string; amount: number }[]
}

/** The order with its payment status and payments, as the operator sees it. */
export async function adminOrderPayments(orderId: string) {
  const fields = "id,payment_status,*payment_collections,*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds"
  return ok("admin get order", await admin(`/admin/orders/${orderId}?fields=${fields}`)).body.order
}

/** The order's one payment. */
export async function orderPayment(orderId: string): Promise<AdminPayment> {
  const order = await adminOrderPayments(orderId)
  const payments = order.payment_collections.flatMap((c: { payments?: AdminPayment[] }) => c.payments ?? [])
  if (payments.length !== 1) throw new Error(`order ${orderId} has ${payments.length} payments: ${JSON.stringify(order)}`)
  return payments[0]
}

/** POST /admin/payments/:id/bank-transfer/received as the operator (or with the given headers). */
export function markReceived(paymentId: string, body: unknown) {
  return admin(`/admin/payments/${paymentId}/bank-transfer/received`, { method: "POST", body: JSON.stringify(body) })
}

/** A customer group by name, as the operator sees it (with its metadata). */
export async function customerGroup(name: string): Promise<{ id: string; name: string; metadata: Record<string, any> | null }> {
  const response = ok("list customer groups", await admin(`/admin/customer-groups?limit=200&fields=id,name,metadata`))
  const group = response.body.customer_groups.find((g: { name: string }) => g.name === name)
  if (!group) throw new Error(`no customer group "${name}": ${JSON.stringify(response.body)}`)
  return group
}

/** The operator adds the customer to (or removes them from) a customer group. */
export async function setGroupMembership(customer: TestCustomer, groupName: string, member: boolean): Promise<void> {
  const group = await customerGroup(groupName)
  ok(
    `${member ? "add to" : "remove from"} ${groupName}`,
    await admin(`/admin/customer-groups/${group.id}/customers`, {
      method: "POST",
      body: JSON.stringify(member ? { add: [customer.id] } : { remove: [customer.id] }),
    })
  )
}

/** GET /store/carts/:id/payment-methods (as the customer, or anonymously) → the provider ids. */
export async function cartPaymentMethods(customer: TestCustomer | null, cartId: string): Promise<string[]> {
  const response = ok("cart payment methods", await storeAs(customer, `/store/carts/${cartId}/payment-methods`))
  return response.body.payment_providers.map((p: { id: string }) => p.id)
}

/** The cart's current payment sessions' providers (store API). */
export async function cartSessionProviders(customer: TestCustomer | null, cartId: string): Promise<string[]> {
  const response = ok("get cart", await storeAs(customer, `/store/carts/${cartId}?fields=id,*payment_collection.payment_sessions`))
  return (response.body.cart.payment_collection?.payment_sessions ?? []).map((s: { provider_id: string }) => s.provider_id)
}

/**
 * Runs the overdue job's function (plugins/payments/src/jobs/flag-overdue-pay-on-acceptance.ts)
 * inside the real app with `medusa exec`, once for each of the given moments, in order; returns
 * the payment ids each run flagged.
 */
export async function runOverdueJob(moments: Date[]): Promise<string[][]> {
  const stack = testStack()
  const report = path.join(stack.runDir, `overdue-job-${Date.now()}.json`)
  await runMedusa(["exec", path.join(__dirname, "exec", "flag-overdue.ts")], {
    env: { ...stack.env, GWC_JOB_MOMENTS: JSON.stringify(moments.map((m) => m.toISOString())), GWC_JOB_REPORT: report },
    output: { file: path.join(stack.logDir, "overdue-job.log") },
  })
  return JSON.parse(fs.readFileSync(report, "utf8"))
}

/** Today in China (the date a reference is issued on), YYYYMMDD and YYYY-MM-DD. */
export function chinaToday(): { compact: string; iso: string } {
  const iso = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date())
  return { compact: iso.replaceAll("-", ""), iso }
}
