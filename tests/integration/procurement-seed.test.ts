// The demo procurement parties the seed writes and `npm start` prints (stack facts
// `procurement_logins`): a buyer organisation's admin, approver and purchaser sign in to the
// storefront's /org; two tendering agencies to /agency; a supervisor to /supervise.

import { describe, expect, it } from "vitest"
import { demoProcurementLogins, DEMO_AGENCIES, DEMO_ORGANIZATION, DEMO_SUPERVISOR } from "../../seed/src/demo/procurement-logins"
import { backendUrl, store } from "../support/http"
import { testStack } from "../support/stack"

async function login(actor: "customer" | "agency" | "supervisor", email: string, password: string) {
  const response = await fetch(backendUrl(`/auth/${actor}/emailpass`), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  return { status: response.status, body: (await response.json()) as { token?: string } }
}

async function get(path: string, token: string, withKey = false) {
  if (withKey) return store(path, { init: { headers: { authorization: `Bearer ${token}` } } })
  const response = await fetch(backendUrl(path), { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, body: (await response.json()) as any }
}

describe("demo procurement logins", () => {
  it("are in the stack facts with the demo password", () => {
    const { facts, env } = testStack()
    expect(facts.procurement_logins).toEqual(demoProcurementLogins(env.SUPPLIER_PASSWORD))
    expect(facts.procurement_logins.map((l) => l.role)).toEqual(["buyer_admin", "buyer_approver", "buyer_purchaser", "agency", "agency", "supervisor"])
  })

  it("buyers sign in as members of the demo organisation with their roles; the purchaser has a per-order limit", async () => {
    const { env } = testStack()
    for (const buyer of DEMO_ORGANIZATION.buyers) {
      const session = await login("customer", buyer.email, env.SUPPLIER_PASSWORD)
      expect(session.status, JSON.stringify(session.body)).toBe(200)
      const me = await get("/store/organizations/me", session.body.token!, true)
      expect(me.status, JSON.stringify(me.body)).toBe(200)
      expect(me.body.organization).toMatchObject({ name: DEMO_ORGANIZATION.name, type: "government_unit", annual_budget: DEMO_ORGANIZATION.annual_budget, budget_year: new Date().getFullYear() })
      expect(me.body.member).toMatchObject({ role: buyer.role, limit_per_order: buyer.limit_per_order })
    }
    expect((await login("customer", DEMO_ORGANIZATION.buyers[0].email, "wrong-password")).status).toBe(401)
  })

  it("agencies and the supervisor sign in to their own areas, and only there", async () => {
    const { env } = testStack()
    for (const seed of DEMO_AGENCIES) {
      const session = await login("agency", seed.email, env.SUPPLIER_PASSWORD)
      expect(session.status, JSON.stringify(session.body)).toBe(200)
      const me = await get("/agency/me", session.body.token!)
      expect(me.status, JSON.stringify(me.body)).toBe(200)
      expect(me.body).toMatchObject({ user: { email: seed.email, name: seed.user_name }, agency: { name: seed.name, status: "active" } })
      expect((await get("/supervisor/me", session.body.token!)).status).toBe(401)
    }
    const supervisor = await login("supervisor", DEMO_SUPERVISOR.email, env.SUPPLIER_PASSWORD)
    expect(supervisor.status, JSON.stringify(supervisor.body)).toBe(200)
    const me = await get("/supervisor/me", supervisor.body.token!)
    expect(me.status, JSON.stringify(me.body)).toBe(200)
    expect(me.body.supervisor).toMatchObject({ name: DEMO_SUPERVISOR.name, email: DEMO_SUPERVISOR.email, scope: DEMO_SUPERVISOR.scope })
    expect((await get("/agency/me", supervisor.body.token!)).status).toBe(401)
  })
})
