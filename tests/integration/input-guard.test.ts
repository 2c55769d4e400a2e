import { describe, expect, it } from "vitest"
import { backendUrl, store } from "../support/http"

// Every store list route Medusa 2.21 serves (GET, returning a page) plus ours, with the query
// each needs to be valid; malformed input on any of them must be a 400, never a 500.
const LIST_ROUTES: { path: string; needs?: string }[] = [
  { path: "/store/products" },
  { path: "/store/product-categories" },
  { path: "/store/collections" },
  { path: "/store/regions" },
  { path: "/store/currencies" },
  { path: "/store/product-tags" },
  { path: "/store/product-types" },
  { path: "/store/return-reasons" },
  { path: "/store/product-options" },
  { path: "/store/product-variants" },
  { path: "/store/shipping-options", needs: "cart_id=cart_missing" },
  { path: "/store/payment-providers", needs: "region_id=reg_missing" },
]

const MALFORMED: { query: string; problem: RegExp }[] = [
  { query: "limit=-1", problem: /limit/ },
  { query: "offset=-1", problem: /offset/ },
  { query: "limit=abc", problem: /limit/ },
  { query: "limit=1.5", problem: /limit/ },
  { query: "offset=1e3", problem: /offset/ },
  { query: "limit=1&limit=2", problem: /limit/ },
  { query: "limit[$gt]=1", problem: /limit/ },
  { query: "q=%00", problem: /NUL|q/ },
  { query: "handle=a%00b", problem: /NUL|handle/ },
  { query: "order=%00", problem: /NUL|order/ },
]

// Routes that need a logged-in customer.
const CUSTOMER_LIST_ROUTES = ["/store/orders", "/store/customers/me/addresses"]

async function customerToken(): Promise<string> {
  const email = `guard-${Date.now()}@example.cn`
  const password = "Guard-test-1"
  const registered = await fetch(backendUrl("/auth/customer/emailpass/register"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  const { token: registrationToken } = (await registered.json()) as { token: string }
  const created = await store("/store/customers", {
    init: {
      method: "POST",
      body: JSON.stringify({ email, first_name: "测试", last_name: "买家" }),
      headers: { authorization: `Bearer ${registrationToken}` },
    },
  })
  expect(created.status).toBe(200)
  const login = await fetch(backendUrl("/auth/customer/emailpass"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  return ((await login.json()) as { token: string }).token
}

describe("input guard: malformed input gets a 400 with a message, on every store list route", () => {
  for (const route of LIST_ROUTES) {
    for (const bad of MALFORMED) {
      it(`${route.path}?${bad.query}`, async () => {
        const query = [route.needs, bad.query].filter(Boolean).join("&")
        const { status, body } = await store(`${route.path}?${query}`)
        expect(status, JSON.stringify(body)).toBe(400)
        expect(body.message).toEqual(expect.any(String))
        expect(body.message).toMatch(bad.problem)
      })
    }
  }

  it("covers the customer's own list routes as well", async () => {
    const token = await customerToken()
    for (const path of CUSTOMER_LIST_ROUTES) {
      const ok = await store(`${path}?limit=2`, { init: { headers: { authorization: `Bearer ${token}` } } })
      expect(ok.status, `${path}: ${JSON.stringify(ok.body)}`).toBe(200)
      for (const bad of MALFORMED) {
        const { status, body } = await store(`${path}?${bad.query}`, { init: { headers: { authorization: `Bearer ${token}` } } })
        expect(status, `${path}?${bad.query}: ${JSON.stringify(body)}`).toBe(400)
        expect(body.message).toMatch(bad.problem)
      }
    }
  })

  it("still answers well-formed list requests", async () => {
    for (const route of LIST_ROUTES.filter((r) => !r.needs)) {
      const { status, body } = await store(`${route.path}?limit=2&offset=0`)
      expect(status, `${route.path}: ${JSON.stringify(body)}`).toBe(200)
    }
  })

  it("rejects NUL characters in a JSON body before they reach the database", async () => {
    const { status, body } = await store("/store/carts", {
      init: { method: "POST", body: JSON.stringify({ email: "buyer\u0000@example.cn" }) },
    })
    expect(status).toBe(400)
    expect(body.message).toMatch(/body\.email.*NUL/)
  })

  it("answers malformed JSON with a 400", async () => {
    const { status } = await store("/store/carts", { init: { method: "POST", body: "{not json" } })
    expect(status).toBe(400)
  })

  it("guards admin routes too", async () => {
    const response = await fetch(backendUrl("/admin/products?limit=-5"))
    // Unauthenticated admin calls are refused first; the guard must not turn them into 500s.
    expect(response.status).toBeLessThan(500)
  })
})
