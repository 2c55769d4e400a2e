import type { MedusaContainer } from "@medusajs/framework/types"
import { describe, expect, it } from "vitest"
import { allowedOfflineProviders, mayUseProvider, PAY_ON_ACCEPTANCE_GROUP, PUBLIC_BUYERS_GROUP } from "../../plugins/payments/src/lib/eligibility"
import { dataOnAcceptance, isNewlyOverdue } from "../../plugins/payments/src/lib/pay-on-acceptance"
import { OfficialCardPaymentProvider } from "../../plugins/payments/src/providers/offline/official-card"
import { PayOnAcceptancePaymentProvider } from "../../plugins/payments/src/providers/offline/pay-on-acceptance"
import { checkOfflinePaymentEligibility } from "../../plugins/payments/src/workflows/hooks/complete-cart-payment-eligibility"

const BANK = "pp_bank-transfer_offline"
const CARD = "pp_official-card_offline"
const POA = "pp_pay-on-acceptance_offline"
const DAY_MS = 24 * 60 * 60 * 1000

describe("who may use which offline method (customer groups)", () => {
  it("a group's metadata.payment_providers opens the offline methods it lists, nothing else", () => {
    expect([...allowedOfflineProviders([PUBLIC_BUYERS_GROUP])].sort()).toEqual([BANK, CARD])
    expect([...allowedOfflineProviders([PAY_ON_ACCEPTANCE_GROUP])]).toEqual([POA])
    expect([...allowedOfflineProviders([{ metadata: { payment_providers: [BANK, "pp_stripe_stripe", 7] } }])]).toEqual([BANK])
    expect(allowedOfflineProviders([{ metadata: { payment_providers: BANK } }, { metadata: null }, null]).size).toBe(0)
  })

  it("guests and customers without a group keep only the normal methods", () => {
    for (const groups of [undefined, [], [{ metadata: {} }]]) {
      expect(mayUseProvider("pp_system_default", groups)).toBe(true)
      for (const id of [BANK, CARD, POA]) expect(mayUseProvider(id, groups)).toBe(false)
    }
    expect(mayUseProvider(POA, [PUBLIC_BUYERS_GROUP])).toBe(false)
    expect(mayUseProvider(POA, [PUBLIC_BUYERS_GROUP, PAY_ON_ACCEPTANCE_GROUP])).toBe(true)
  })
})

describe("the providers refuse sessions without a signed-in buyer (defence in depth)", () => {
  const providers = () => [new OfficialCardPaymentProvider({}, {}), new PayOnAcceptancePaymentProvider({}, {})]

  it("initiatePayment without the customer Medusa passes is a 403, with the customer it is recorded", async () => {
    for (const provider of providers()) {
      await expect(provider.initiatePayment({ amount: 100, currency_code: "cny", data: {}, context: {} })).rejects.toMatchObject({
        type: "forbidden",
        message: expect.stringMatching(/仅向已登录的采购单位开放/),
      })
      const started = await provider.initiatePayment({
        amount: 100,
        currency_code: "cny",
        data: { customer_id: "cus_forged" },
        context: { customer: { id: "cus_real" } as never },
      })
      expect(started.data?.customer_id).toBe("cus_real")
    }
  })

  it("authorizePayment refuses a session that has no buyer", async () => {
    for (const provider of providers()) {
      await expect(
        provider.authorizePayment({ data: { status: "pending", amount: 100, currency_code: "cny", ...{ holder_name: "李红", last4: "1234", auth_code: "ZX9Y8W" } } })
      ).rejects.toMatchObject({ type: "forbidden" })
    }
  })
})

describe("pay on acceptance (验收后付款)", () => {
  it("fixes the term from its options at authorisation, whatever the session says", async () => {
    const provider = new PayOnAcceptancePaymentProvider({}, { pay_on_acceptance_days: 45 })
    const started = await provider.initiatePayment({ amount: 88.5, currency_code: "CNY", data: {}, context: { customer: { id: "cus_1" } as never } })
    expect(started.data).toMatchObject({ method: "pay_on_acceptance", payment_terms_days: 45, due_at: null, amount: 88.5, currency_code: "cny" })
    const authorized = await provider.authorizePayment({ data: { ...started.data, payment_terms_days: 999, due_at: "2000-01-01T00:00:00.000Z" } })
    expect(authorized.status).toBe("authorized")
    expect(authorized.data).toMatchObject({ payment_terms_days: 45, due_at: null, accepted_at: null, customer_id: "cus_1" })
    await expect(new PayOnAcceptancePaymentProvider({}, {}).authorizePayment({ data: { ...started.data } })).resolves.toMatchObject({
      data: { payment_terms_days: 30 },
    })
  })

  it("refuses a term outside 1…365 days", () => {
    for (const days of [0, 366, 2.5]) expect(() => PayOnAcceptancePaymentProvider.validateOptions({ pay_on_acceptance_days: days })).toThrow(/1 至 365/)
    expect(() => PayOnAcceptancePaymentProvider.validateOptions({ pay_on_acceptance_days: 60 })).not.toThrow()
  })

  it("due date = acceptance + the recorded term; overdue only when past it and not paid, once", () => {
    const acceptedAt = new Date("2026-11-22T08:00:00.000Z")
    const data = dataOnAcceptance({ method: "pay_on_acceptance", status: "authorized", payment_terms_days: 10 }, { accepted_at: acceptedAt, acceptance_id: "oacc_1" })
    expect(data).toMatchObject({ accepted_at: acceptedAt.toISOString(), acceptance_id: "oacc_1", due_at: new Date(acceptedAt.getTime() + 10 * DAY_MS).toISOString() })

    const payment = { id: "pay_1", provider_id: POA, data, captured_at: null, canceled_at: null }
    const due = Date.parse(data.due_at as string)
    expect(isNewlyOverdue(payment, new Date(due - 1))).toBe(false)
    expect(isNewlyOverdue(payment, new Date(due + 1))).toBe(true)
    expect(isNewlyOverdue({ ...payment, data: { ...data, overdue: true } }, new Date(due + 1))).toBe(false)
    expect(isNewlyOverdue({ ...payment, captured_at: new Date() }, new Date(due + 1))).toBe(false)
    expect(isNewlyOverdue({ ...payment, data: { ...data, due_at: null } }, new Date(due + DAY_MS * 365))).toBe(false)
  })
})

describe("placing the order checks the session's buyer again", () => {
  /** A container whose query graph knows one customer's groups. */
  const containerWith = (groups: Record<string, unknown[]>) =>
    ({
      resolve: () => ({
        graph: async ({ filters }: { filters: { id: string } }) => ({ data: groups[filters.id] ? [{ id: filters.id, groups: groups[filters.id] }] : [] }),
      }),
    }) as unknown as MedusaContainer

  const cart = (customerId: string | null, sessionCustomer: string | undefined, providerId = BANK) => ({
    customer_id: customerId,
    payment_collection: { payment_sessions: [{ provider_id: providerId, data: sessionCustomer ? { customer_id: sessionCustomer } : {} }] },
  })

  it("refuses a guest cart, a session chosen by another customer, and a buyer not (or no longer) allowed", async () => {
    const container = containerWith({ cus_a: [PUBLIC_BUYERS_GROUP], cus_b: [] })
    await expect(checkOfflinePaymentEligibility(cart(null, "cus_a"), container)).rejects.toThrow(/请先登录/)
    await expect(checkOfflinePaymentEligibility(cart("cus_a", "cus_b"), container)).rejects.toThrow(/须由下单的采购人本人选择/)
    await expect(checkOfflinePaymentEligibility(cart("cus_a", undefined), container)).rejects.toThrow(/须由下单的采购人本人选择/)
    await expect(checkOfflinePaymentEligibility(cart("cus_b", "cus_b"), container)).rejects.toThrow(/未开通对公转账/)
    await expect(checkOfflinePaymentEligibility(cart("cus_a", "cus_a", POA), container)).rejects.toThrow(/未开通验收后付款/)
    await expect(checkOfflinePaymentEligibility(cart("cus_a", "cus_a"), container)).resolves.toBeUndefined()
    await expect(checkOfflinePaymentEligibility(cart(null, undefined, "pp_system_default"), container)).resolves.toBeUndefined()
  })
})
