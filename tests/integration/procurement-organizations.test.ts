// Buyer organisations (采购单位, plugins/procurement) on the real backend: a customer registers an
// organisation and becomes its admin, invites colleagues by email, they accept with their own
// login, the admin sets roles and spending limits; the operator lists them. Then the attempts
// that must fail: bad input (400 naming the field), another organisation's records (404), a
// non-admin (403), expired / used / unknown / someone else's tokens, a second membership.

import { Client } from "pg"
import { beforeAll, describe, expect, it } from "vitest"
import { admin } from "../support/http"
import { postAs, registerCustomer, storeAs, type TestCustomer } from "../support/orders"
import { testStack } from "../support/stack"
import { creditCode } from "../support/supplier"

async function sql(text: string, values: unknown[]) {
  const client = new Client({ connectionString: testStack().databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

// Seeds for credit codes no other test file uses (supplier tests use theirs).
let seed = 86_000 + (Date.now() % 1000) * 10
const nextCode = () => creditCode(++seed)

async function createOrganization(customer: TestCustomer, body: Record<string, unknown>) {
  const response = await postAs(customer, "/store/organizations", body)
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body as { organization: { id: string; name: string; credit_code: string | null }; member: { id: string; role: string } }
}

async function invite(by: TestCustomer, email: string, role?: string) {
  const response = await postAs(by, "/store/organizations/me/invitations", role ? { email, role } : { email })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body as { invitation: { id: string; email: string; role: string; status: string; expires_at: string }; token: string; accept_path: string }
}

async function join(by: TestCustomer, role?: string) {
  const customer = await registerCustomer("org-member")
  const { token } = await invite(by, customer.email, role)
  const accepted = await postAs(customer, "/store/organization-invitations/accept", { token })
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
  return { customer, member: accepted.body.member as { id: string; role: string } }
}

const me = (customer: TestCustomer | null) => storeAs(customer, "/store/organizations/me")
const members = (customer: TestCustomer) => storeAs(customer, "/store/organizations/me/members")
const updateMember = (customer: TestCustomer, memberId: string, body: unknown) => postAs(customer, `/store/organizations/me/members/${memberId}`, body)

let adminA: TestCustomer
let adminB: TestCustomer
let orgA: Awaited<ReturnType<typeof createOrganization>>
let orgB: Awaited<ReturnType<typeof createOrganization>>
const codeA = nextCode()
const codeB = nextCode()

beforeAll(async () => {
  ;[adminA, adminB] = await Promise.all([registerCustomer("org-a-admin"), registerCustomer("org-b-admin")])
})

describe("registering an organisation", () => {
  it("a customer registers their organisation and becomes its admin", async () => {
    orgA = await createOrganization(adminA, {
      name: "  成都市锦江区  教育局 ",
      type: "government_unit",
      // Typed with spaces and in lower case, stored normalised.
      credit_code: `${codeA.slice(0, 6)} ${codeA.slice(6).toLowerCase()}`,
      annual_budget: "1200000.50",
      budget_year: 2026,
    })
    expect(orgA.organization).toMatchObject({
      name: "成都市锦江区 教育局",
      type: "government_unit",
      credit_code: codeA,
      status: "active",
      annual_budget: 1200000.5,
      budget_year: 2026,
      currency_code: "cny",
    })
    expect(orgA.organization.id).toMatch(/^org_/)
    expect(orgA.member).toMatchObject({ customer_id: adminA.id, email: adminA.email, role: "admin", limit_per_order: null, limit_per_period: null, limit_period: null })

    const mine = await me(adminA)
    expect(mine.status, JSON.stringify(mine.body)).toBe(200)
    expect(mine.body.organization).toMatchObject({ id: orgA.organization.id, credit_code: codeA })
    expect(mine.body.member).toMatchObject({ id: orgA.member.id, role: "admin", email: adminA.email })

    orgB = await createOrganization(adminB, { name: "四川某某科技有限公司", type: "company", credit_code: codeB })
    expect(orgB.organization).toMatchObject({ annual_budget: null, budget_year: null })
  })

  it("links the member to Medusa's customer (member ↔ customer)", async () => {
    const rows = await sql(
      `select table_name from information_schema.tables where table_name like '%organization_member%customer%' and table_schema = current_schema()`,
      []
    )
    expect(rows).toHaveLength(1)
    const links = await sql(`select organization_member_id, customer_id from "${rows[0].table_name}" where deleted_at is null and customer_id = $1`, [adminA.id])
    expect(links).toEqual([{ organization_member_id: orgA.member.id, customer_id: adminA.id }])
  })

  it("a private person registers without a credit code", async () => {
    const person = await registerCustomer("org-individual")
    const created = await createOrganization(person, { name: "王晓明", type: "individual" })
    expect(created.organization).toMatchObject({ type: "individual", credit_code: null })
  })

  it("refuses bad input with a 400 naming the field, and creates nothing", async () => {
    const customer = await registerCustomer("org-bad-input")
    const code = nextCode()
    const wrongCheck = creditCode(seed, { wrongCheck: true })
    const cases: [unknown, RegExp][] = [
      [{ name: "某公司", type: "company", credit_code: wrongCheck }, /credit_code: .*校验位/],
      [{ name: "某公司", type: "company", credit_code: "91510100ABC" }, /credit_code: .*18/],
      [{ name: "某公司", type: "company", credit_code: code.replace(/^(.{9})./, "$1O") }, /credit_code: /],
      [{ name: "某公司", type: "company" }, /credit_code: .*required/],
      [{ name: "某公司", type: "ministry", credit_code: code }, /type: /],
      [{ name: " ", type: "company", credit_code: code }, /name: /],
      [{ type: "company", credit_code: code }, /name: /],
      [{ name: "某公司", type: "company", credit_code: code, annual_budget: 100000 }, /budget_year: /],
      [{ name: "某公司", type: "company", credit_code: code, budget_year: 2026 }, /annual_budget: /],
      [{ name: "某公司", type: "company", credit_code: code, annual_budget: -5, budget_year: 2026 }, /annual_budget: /],
      [{ name: "某公司", type: "company", credit_code: code, annual_budget: 10.005, budget_year: 2026 }, /annual_budget: /],
      [{ name: "某公司", type: "company", credit_code: code, annual_budget: 10, budget_year: 1800 }, /budget_year: /],
      [{ name: "某公司", type: "company", credit_code: code, status: "suspended" }, /status/],
      [{ name: "某公司", type: "company", credit_code: 91510100 }, /credit_code: /],
    ]
    for (const [body, field] of cases) {
      const response = await postAs(customer, "/store/organizations", body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message, JSON.stringify(body)).toMatch(field)
    }
    expect((await me(customer)).status).toBe(404)
  })

  it("refuses a second organisation for the same customer, and a credit code already registered (409)", async () => {
    const again = await postAs(adminA, "/store/organizations", { name: "另一个单位", type: "company", credit_code: nextCode() })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/already belong/)

    const other = await registerCustomer("org-same-code")
    const taken = await postAs(other, "/store/organizations", { name: "冒名单位", type: "company", credit_code: codeA.toLowerCase() })
    expect(taken.status).toBe(409)
    expect(taken.body.message).toMatch(/credit code/)
    // …without saying whose it is.
    expect(JSON.stringify(taken.body)).not.toContain(orgA.organization.id)
    expect(JSON.stringify(taken.body)).not.toContain("教育局")
    expect((await me(other)).status).toBe(404)
  })

  it("two registrations by one customer at once: one organisation, the other refused", async () => {
    const customer = await registerCustomer("org-race")
    const responses = await Promise.all(
      [0, 1].map(() => postAs(customer, "/store/organizations", { name: "并发测试单位", type: "company", credit_code: nextCode() }))
    )
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409])
    const rows = await sql("select count(*)::int as n from organization_member where customer_id = $1 and deleted_at is null", [customer.id])
    expect(rows[0].n).toBe(1)
  })

  it("needs a signed-in customer", async () => {
    expect((await postAs(null, "/store/organizations", { name: "匿名单位", type: "individual" })).status).toBe(401)
    expect((await me(null)).status).toBe(401)
    expect((await storeAs(null, "/store/organizations/me/members")).status).toBe(401)
    expect((await postAs(null, "/store/organization-invitations/accept", { token: "x" })).status).toBe(401)
  })
})

describe("invitations", () => {
  it("an admin invites by email: a 7-day token answered once, sent to that email, stored only as a hash", async () => {
    const invitee = await registerCustomer("org-invitee")
    const before = Date.now()
    const { invitation, token, accept_path } = await invite(adminA, invitee.email.toUpperCase(), "approver")
    expect(invitation).toMatchObject({ email: invitee.email, role: "approver", status: "pending", accepted_at: null })
    const days = (new Date(invitation.expires_at).getTime() - before) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThan(7.01)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(accept_path).toBe(`/org/invitations/accept?token=${token}`)
    expect(JSON.stringify(invitation)).not.toContain(token)

    const stored = await sql("select token_hash from organization_invitation where id = $1", [invitation.id])
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored[0].token_hash).not.toContain(token)

    const notifications = await admin(`/admin/notifications?to=${encodeURIComponent(invitee.email)}&channel=feed&fields=id,to,channel,template,data`)
    expect(notifications.status, JSON.stringify(notifications.body)).toBe(200)
    expect(notifications.body.notifications).toHaveLength(1)
    expect(notifications.body.notifications[0]).toMatchObject({
      template: "organization-invitation",
      data: { token, role: "approver", organization_id: orgA.organization.id, accept_path },
    })

    const listed = await storeAs(adminA, "/store/organizations/me/invitations")
    expect(listed.status, JSON.stringify(listed.body)).toBe(200)
    expect(listed.body.invitations.map((i: { id: string }) => i.id)).toContain(invitation.id)
    expect(JSON.stringify(listed.body)).not.toMatch(/token/)

    // A second invitation while the first is pending is refused.
    const twice = await postAs(adminA, "/store/organizations/me/invitations", { email: invitee.email })
    expect(twice.status).toBe(409)
    expect(twice.body.message).toMatch(/pending invitation/)

    // The invitee joins with the invited role; the invitation is used up.
    const accepted = await postAs(invitee, "/store/organization-invitations/accept", { token })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body.organization).toMatchObject({ id: orgA.organization.id })
    expect(accepted.body.member).toMatchObject({ customer_id: invitee.id, email: invitee.email, role: "approver" })
    expect(accepted.body.invitation).toMatchObject({ id: invitation.id, status: "accepted" })
    const theirs = await me(invitee)
    expect(theirs.body).toMatchObject({ organization: { id: orgA.organization.id }, member: { role: "approver" } })

    // Used: refused, for them and for anyone else.
    const reused = await postAs(invitee, "/store/organization-invitations/accept", { token })
    expect(reused.status).toBe(409)
    expect(reused.body.message).toMatch(/already been used/)
    expect((await storeAs(adminA, "/store/organizations/me/invitations")).body.invitations.map((i: { id: string }) => i.id)).not.toContain(invitation.id)
  })

  it("refuses unknown and expired tokens (400) and someone else's invitation (403), creating nothing", async () => {
    const stranger = await registerCustomer("org-stranger")

    const unknown = await postAs(stranger, "/store/organization-invitations/accept", { token: "not-a-real-token" })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/token: .*not valid/)

    const late = await registerCustomer("org-late")
    const expired = await invite(adminA, late.email)
    await sql("update organization_invitation set expires_at = now() - interval '1 minute' where id = $1", [expired.invitation.id])
    const tooLate = await postAs(late, "/store/organization-invitations/accept", { token: expired.token })
    expect(tooLate.status).toBe(400)
    expect(tooLate.body.message).toMatch(/token: .*expired/)
    const listed = await storeAs(adminA, "/store/organizations/me/invitations")
    expect(listed.body.invitations.find((i: { id: string }) => i.id === expired.invitation.id)).toMatchObject({ status: "expired" })
    // An expired invitation does not block a new one.
    const renewed = await invite(adminA, late.email)
    expect((await postAs(late, "/store/organization-invitations/accept", { token: renewed.token })).status).toBe(200)

    // Someone who got hold of another person's link, signed in as themselves.
    const meant = await registerCustomer("org-meant")
    const forMeant = await invite(adminA, meant.email)
    const interloper = await postAs(stranger, "/store/organization-invitations/accept", { token: forMeant.token })
    expect(interloper.status).toBe(403)
    expect(interloper.body.message).toMatch(/another email/)
    expect((await me(stranger)).status).toBe(404)
    // …which leaves the invitation for the right person.
    expect((await postAs(meant, "/store/organization-invitations/accept", { token: forMeant.token })).status).toBe(200)

    for (const body of [{}, { token: "" }, { token: 5 }, { token: "x", extra: 1 }]) {
      const response = await postAs(stranger, "/store/organization-invitations/accept", body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message, JSON.stringify(body)).toMatch(/token|extra/)
    }
  })

  it("a member of one organisation cannot join another (409), and the invitation stays usable", async () => {
    const invitation = await invite(adminA, adminB.email)
    const refused = await postAs(adminB, "/store/organization-invitations/accept", { token: invitation.token })
    expect(refused.status).toBe(409)
    expect(refused.body.message).toMatch(/already belong/)
    expect((await me(adminB)).body.organization.id).toBe(orgB.organization.id)
    const listed = await storeAs(adminA, "/store/organizations/me/invitations")
    expect(listed.body.invitations.find((i: { id: string }) => i.id === invitation.invitation.id)).toMatchObject({ status: "pending" })
  })

  it("validates invitations and refuses inviting a colleague who is already a member", async () => {
    for (const [body, field] of [
      [{ email: "not-an-email" }, /email: /],
      [{}, /email: /],
      [{ email: "someone@example.cn", role: "owner" }, /role: /],
      [{ email: "someone@example.cn", team: "采购科" }, /team/],
    ] as [unknown, RegExp][]) {
      const response = await postAs(adminA, "/store/organizations/me/invitations", body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message, JSON.stringify(body)).toMatch(field)
    }
    const colleague = await postAs(adminA, "/store/organizations/me/invitations", { email: adminA.email.toUpperCase() })
    expect(colleague.status).toBe(409)
    expect(colleague.body.message).toMatch(/already belongs to your organisation/)
  })
})

describe("members, roles and spending limits", () => {
  let purchaser: { customer: TestCustomer; member: { id: string; role: string } }

  beforeAll(async () => {
    purchaser = await join(adminA)
  })

  it("every member sees the colleagues of their own organisation, with names and emails", async () => {
    const listed = await members(purchaser.customer)
    expect(listed.status, JSON.stringify(listed.body)).toBe(200)
    const emails = listed.body.members.map((m: { email: string }) => m.email)
    expect(emails).toContain(adminA.email)
    expect(emails).toContain(purchaser.customer.email)
    expect(emails).not.toContain(adminB.email)
    expect(listed.body.count).toBe(listed.body.members.length)
    expect(listed.body.members.find((m: { id: string }) => m.id === purchaser.member.id)).toMatchObject({ role: "purchaser", limit_per_order: null })
    expect((await storeAs(purchaser.customer, "/store/organizations/me/members?limit=0")).status).toBe(400)
  })

  it("an admin sets a member's limits; null removes one", async () => {
    const set = await updateMember(adminA, purchaser.member.id, { limit_per_order: 5000, limit_per_period: "20000.50", limit_period: "month" })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect(set.body.member).toMatchObject({ id: purchaser.member.id, role: "purchaser", limit_per_order: 5000, limit_per_period: 20000.5, limit_period: "month" })

    const cleared = await updateMember(adminA, purchaser.member.id, { limit_per_order: null })
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200)
    expect(cleared.body.member).toMatchObject({ limit_per_order: null, limit_per_period: 20000.5, limit_period: "month" })

    const theirs = await me(purchaser.customer)
    expect(theirs.body.member).toMatchObject({ limit_per_order: null, limit_per_period: 20000.5, limit_period: "month" })
  })

  it("refuses limits that do not fit together or are not money (400 naming the field), changing nothing", async () => {
    const fresh = await join(adminA)
    const cases: [string, unknown, RegExp][] = [
      [purchaser.member.id, { limit_per_order: 30000 }, /limit_per_order: .*exceed/],
      [fresh.member.id, { limit_per_period: 1000 }, /limit_period: /],
      [fresh.member.id, { limit_period: "quarter" }, /limit_per_period: /],
      [purchaser.member.id, { limit_per_order: -1 }, /limit_per_order: /],
      [purchaser.member.id, { limit_per_order: 0 }, /limit_per_order: /],
      [purchaser.member.id, { limit_per_order: 12.345 }, /limit_per_order: /],
      [purchaser.member.id, { limit_per_order: "五千" }, /limit_per_order: /],
      [purchaser.member.id, { limit_period: "week" }, /limit_period: /],
      [purchaser.member.id, { role: "owner" }, /role: /],
      [purchaser.member.id, {}, /change at least one/],
      [purchaser.member.id, { budget: 5 }, /budget/],
    ]
    for (const [memberId, body, field] of cases) {
      const response = await updateMember(adminA, memberId, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message, JSON.stringify(body)).toMatch(field)
    }
    const after = await members(adminA)
    expect(after.body.members.find((m: { id: string }) => m.id === purchaser.member.id)).toMatchObject({
      role: "purchaser",
      limit_per_order: null,
      limit_per_period: 20000.5,
      limit_period: "month",
    })
  })

  it("a non-admin cannot change roles or limits, nor invite, nor see invitations (403)", async () => {
    const approver = await join(adminA, "approver")
    for (const who of [purchaser.customer, approver.customer]) {
      expect((await updateMember(who, purchaser.member.id, { limit_per_order: 1 })).status).toBe(403)
      expect((await updateMember(who, orgA.member.id, { role: "purchaser" })).status).toBe(403)
      const raise = await updateMember(who, purchaser.member.id, { role: "admin" })
      expect(raise.status).toBe(403)
      expect(raise.body.message).toMatch(/only an admin/)
      expect((await postAs(who, "/store/organizations/me/invitations", { email: "friend@example.cn" })).status).toBe(403)
      expect((await storeAs(who, "/store/organizations/me/invitations")).status).toBe(403)
    }
    expect((await me(purchaser.customer)).body.member.role).toBe("purchaser")
  })

  it("the tenant wall: organisation B's admin cannot read or change A's members (404)", async () => {
    const attack = await updateMember(adminB, purchaser.member.id, { limit_per_order: 999_999, limit_per_period: null })
    expect(attack.status).toBe(404)
    expect(JSON.stringify(attack.body)).not.toContain(purchaser.customer.email)
    expect((await updateMember(adminB, orgA.member.id, { role: "purchaser" })).status).toBe(404)

    const listedB = await members(adminB)
    expect(listedB.body.members.map((m: { id: string }) => m.id)).toEqual([orgB.member.id])
    const invitationsB = await storeAs(adminB, "/store/organizations/me/invitations")
    expect(invitationsB.body.invitations).toEqual([])
    expect((await me(adminB)).body.organization.id).toBe(orgB.organization.id)

    // And the other way round.
    expect((await updateMember(adminA, orgB.member.id, { role: "purchaser" })).status).toBe(404)
    expect((await me(adminB)).body.member.role).toBe("admin")
    // A's purchaser still has A's limits.
    expect((await me(purchaser.customer)).body.member).toMatchObject({ limit_per_order: null, limit_per_period: 20000.5 })
  })

  it("a customer in no organisation has nothing to read or change (404)", async () => {
    const outsider = await registerCustomer("org-outsider")
    const mine = await me(outsider)
    expect(mine.status).toBe(404)
    expect(mine.body.message).toMatch(/do not belong/)
    expect((await members(outsider)).status).toBe(404)
    expect((await updateMember(outsider, purchaser.member.id, { limit_per_order: 1 })).status).toBe(404)
    expect((await postAs(outsider, "/store/organizations/me/invitations", { email: "x@example.cn" })).status).toBe(404)
    expect((await storeAs(outsider, "/store/organizations/me/invitations")).status).toBe(404)
  })

  it("the organisation keeps an admin: the last one cannot step down (409) until another is named", async () => {
    const alone = await updateMember(adminA, orgA.member.id, { role: "purchaser" })
    expect(alone.status).toBe(409)
    expect(alone.body.message).toMatch(/needs an admin/)

    const promoted = await updateMember(adminA, purchaser.member.id, { role: "admin" })
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200)
    expect(promoted.body.member.role).toBe("admin")
    const stepDown = await updateMember(adminA, orgA.member.id, { role: "approver" })
    expect(stepDown.status, JSON.stringify(stepDown.body)).toBe(200)
    expect((await me(adminA)).body.member.role).toBe("approver")
    // Now an approver: the admin routes are closed to them, open to the new admin.
    expect((await postAs(adminA, "/store/organizations/me/invitations", { email: "y@example.cn" })).status).toBe(403)
    const back = await updateMember(purchaser.customer, orgA.member.id, { role: "admin" })
    expect(back.status, JSON.stringify(back.body)).toBe(200)
  })
})

describe("the operator (Medusa Admin API)", () => {
  it("lists organisations filtered by type and status, with member counts", async () => {
    const government = await admin("/admin/organizations?type=government_unit&limit=200")
    expect(government.status, JSON.stringify(government.body)).toBe(200)
    const ids = government.body.organizations.map((o: { id: string }) => o.id)
    expect(ids).toContain(orgA.organization.id)
    expect(ids).not.toContain(orgB.organization.id)
    expect(government.body.organizations.every((o: { type: string }) => o.type === "government_unit")).toBe(true)
    const a = government.body.organizations.find((o: { id: string }) => o.id === orgA.organization.id)
    expect(a.member_count).toBeGreaterThanOrEqual(4)

    const active = await admin(`/admin/organizations?status=active&q=${encodeURIComponent(codeB)}`)
    expect(active.body.organizations.map((o: { id: string }) => o.id)).toEqual([orgB.organization.id])
    expect(active.body.count).toBe(1)
    expect((await admin("/admin/organizations?status=suspended&limit=200")).body.organizations.map((o: { id: string }) => o.id)).not.toContain(orgA.organization.id)

    for (const [query, field] of [["type=ngo", /type: /], ["status=pending", /status: /], ["limit=abc", /limit/], ["sort=name", /sort/]] as [string, RegExp][]) {
      const response = await admin(`/admin/organizations?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.body.message, query).toMatch(field)
    }
  })

  it("shows one organisation with its members and open invitations, never a token hash; 404 unknown", async () => {
    const detail = await admin(`/admin/organizations/${orgA.organization.id}`)
    expect(detail.status, JSON.stringify(detail.body)).toBe(200)
    expect(detail.body.organization).toMatchObject({ id: orgA.organization.id, credit_code: codeA, annual_budget: 1200000.5, budget_year: 2026 })
    expect(detail.body.organization.members.map((m: { email: string }) => m.email)).toContain(adminA.email)
    expect(detail.body.organization.member_count).toBe(detail.body.organization.members.length)
    expect(detail.body.organization.invitations.length).toBeGreaterThan(0)
    expect(JSON.stringify(detail.body)).not.toMatch(/token/)

    expect((await admin("/admin/organizations/org_does_not_exist")).status).toBe(404)
  })

  it("the audit log (审计日志) records who changed what, when, before and after; its filters are validated", async () => {
    const log = await admin(`/admin/procurement/audit-log?organization_id=${orgA.organization.id}&limit=500`)
    expect(log.status, JSON.stringify(log.body)).toBe(200)
    type Entry = { at: string; actor_type: string; actor_id: string; entity_type: string; entity_id: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }
    const entries = log.body.entries as Entry[]
    expect(log.body.count).toBe(entries.length)
    // Newest first.
    expect([...entries].sort((x, y) => y.at.localeCompare(x.at)).map((e) => e.at)).toEqual(entries.map((e) => e.at))

    const created = entries.find((e) => e.action === "organization.created")
    expect(created).toMatchObject({ actor_type: "customer", actor_id: adminA.id, entity_id: orgA.organization.id, before: null })
    expect(created?.after).toMatchObject({ name: "成都市锦江区 教育局", credit_code: codeA })

    // The admin's limit change on a colleague: before and after.
    const limitChange = entries.find((e) => e.action === "member.updated" && e.after?.limit_per_order !== e.before?.limit_per_order)
    expect(limitChange, JSON.stringify(entries.map((e) => e.action))).toBeTruthy()
    expect(limitChange?.actor_id).toBe(adminA.id)
    expect(entries.filter((e) => e.action === "invitation.created").length).toBeGreaterThanOrEqual(3)
    expect(entries.filter((e) => e.action === "invitation.accepted").length).toBeGreaterThanOrEqual(3)
    expect(entries.some((e) => e.action === "member.joined" && e.entity_type === "organization_member")).toBe(true)
    // Nothing of organisation B here; B's own entries are there under B.
    expect(entries.some((e) => e.entity_id === orgB.organization.id)).toBe(false)
    const logB = await admin(`/admin/procurement/audit-log?organization_id=${orgB.organization.id}&action=organization.created`)
    expect(logB.body.entries.map((e: Entry) => e.entity_id)).toEqual([orgB.organization.id])

    // A refused change leaves no entry: the 409 of the last admin stepping down wrote nothing.
    const before = (await admin(`/admin/procurement/audit-log?entity_id=${orgB.member.id}&limit=500`)).body.count
    const refused = await updateMember(adminB, orgB.member.id, { role: "purchaser" })
    expect(refused.status).toBe(409)
    expect((await admin(`/admin/procurement/audit-log?entity_id=${orgB.member.id}&limit=500`)).body.count).toBe(before)

    for (const [query, field] of [["actor_type=robot", /actor_type/], ["from=yesterday", /from/], ["from=2026-02-01&to=2026-01-01", /to/], ["limit=0", /limit/], ["colour=red", /colour/]] as [string, RegExp][]) {
      const response = await admin(`/admin/procurement/audit-log?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.body.message, query).toMatch(field)
    }
  })

  it("is closed to customers", async () => {
    const headers = { authorization: `Bearer ${adminA.token}` }
    const response = await fetch(`${testStack().facts.backend_url}/admin/organizations`, { headers })
    expect(response.status).toBe(401)
  })
})
