// Supplier members (成员) and invitations (邀请) on the real backend: owners invite colleagues by
// email, the colleague accepts with a fresh supplier login, owners remove members (never the
// last owner). Then the tenant wall, attacked: another supplier, staff, a buyer and nobody.

import { Client } from "pg"
import { beforeAll, describe, expect, it } from "vitest"
import { admin } from "../support/http"
import { registerCustomer } from "../support/orders"
import { testStack } from "../support/stack"
import { registerSupplier, supplierApi, supplierLogin, type RegisteredSupplier } from "../support/supplier"

const PASSWORD = "Member-Pass-1"
let counter = 0
const email = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.cn`

/** A fresh supplier login (the first step of registration), as the invitee makes it. */
async function newIdentity(address: string): Promise<string> {
  const response = await supplierApi("/auth/supplier/emailpass/register", { method: "POST", body: JSON.stringify({ email: address, password: PASSWORD }) })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.token
}

const call = (token: string | undefined, method: string, path: string, body?: unknown) =>
  supplierApi(path, { method, ...(token ? { token } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) })

async function invite(owner: string, address: string, role: "owner" | "staff" = "staff") {
  const response = await call(owner, "POST", "/supplier/invitations", { email: address, role })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body as { invitation: { id: string; email: string; role: string; status: string; expires_at: string }; token: string }
}

/** Invite, register the invited email, accept, log in again: the new member's token. */
async function join(owner: string, role: "owner" | "staff" = "staff") {
  const address = email(role)
  const { token, invitation } = await invite(owner, address, role)
  const accepted = await call(await newIdentity(address), "POST", "/supplier/invitations/accept", { token, name: "新同事" })
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
  return { email: address, invitation, member: accepted.body.member as { id: string }, token: await supplierLogin(address, PASSWORD) }
}

async function sql(text: string, values: unknown[]) {
  const client = new Client({ connectionString: testStack().databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

let a: RegisteredSupplier
let b: RegisteredSupplier

beforeAll(async () => {
  a = await registerSupplier(7621)
  b = await registerSupplier(7622)
})

describe("members and invitations", () => {
  it("an owner sees the team: themselves, no invitations yet", async () => {
    const team = await call(a.token, "GET", "/supplier/members")
    expect(team.status, JSON.stringify(team.body)).toBe(200)
    expect(team.body.members).toEqual([expect.objectContaining({ email: a.email, role: "owner", name: "张经理" })])
    expect(team.body.invitations).toEqual([])
  })

  it("invites by email: a 7-day token, notified to that email on the feed channel, never stored in clear", async () => {
    const address = email("Invitee").toUpperCase()
    const before = Date.now()
    const { invitation, token } = await invite(a.token, address)
    expect(invitation).toMatchObject({ email: address.toLowerCase(), role: "staff", status: "pending", accepted_at: null })
    const days = (new Date(invitation.expires_at).getTime() - before) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThan(7.01)
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    expect(JSON.stringify(invitation)).not.toContain(token)

    const notifications = await admin(`/admin/notifications?to=${encodeURIComponent(address.toLowerCase())}&channel=feed&fields=id,to,channel,template,data`)
    expect(notifications.status, JSON.stringify(notifications.body)).toBe(200)
    expect(notifications.body.notifications).toHaveLength(1)
    expect(notifications.body.notifications[0]).toMatchObject({ channel: "feed", template: "supplier-invitation", data: { token, role: "staff", supplier_id: a.id } })

    const stored = await sql("select token from supplier_invitation where id = $1", [invitation.id])
    expect(stored[0].token).not.toBe(token)
    expect(stored[0].token).toMatch(/^[0-9a-f]{64}$/)

    const team = await call(a.token, "GET", "/supplier/members")
    expect(team.body.invitations.map((i: { id: string }) => i.id)).toContain(invitation.id)
    // A second invitation to the same email while the first is pending is refused.
    expect((await call(a.token, "POST", "/supplier/invitations", { email: address })).status).toBe(400)
  })

  it("the invitee accepts with a fresh login of the invited email, once; the next login opens the supplier", async () => {
    const address = email("staff")
    const { token, invitation } = await invite(a.token, address)
    const identity = await newIdentity(address)
    const accepted = await call(identity, "POST", "/supplier/invitations/accept", { token })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body.member).toMatchObject({ email: address, role: "staff", name: address.split("@")[0] })
    expect(accepted.body.supplier).toMatchObject({ id: a.id })
    expect(accepted.body.invitation).toMatchObject({ id: invitation.id, status: "accepted" })

    const me = await call(await supplierLogin(address, PASSWORD), "GET", "/supplier/me")
    expect(me.status).toBe(200)
    expect(me.body.member).toMatchObject({ email: address, role: "staff" })
    expect(me.body.supplier.id).toBe(a.id)

    const again = await call(identity, "POST", "/supplier/invitations/accept", { token })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/already been used/)
    const team = await call(a.token, "GET", "/supplier/members")
    expect(team.body.members.map((m: { email: string }) => m.email)).toEqual([a.email, address])
    expect(team.body.invitations.map((i: { id: string }) => i.id)).not.toContain(invitation.id)
  })

  it("refuses unknown, expired, revoked and other people's tokens with a 400, creating nothing", async () => {
    const countMembers = async () => (await call(a.token, "GET", "/supplier/members")).body.members.length
    const members = await countMembers()

    const unknown = await call(await newIdentity(email("nobody")), "POST", "/supplier/invitations/accept", { token: "not-a-real-token" })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/not valid/)

    const late = email("late")
    const expired = await invite(a.token, late)
    await sql("update supplier_invitation set expires_at = now() - interval '1 minute' where id = $1", [expired.invitation.id])
    const tooLate = await call(await newIdentity(late), "POST", "/supplier/invitations/accept", { token: expired.token })
    expect(tooLate.status).toBe(400)
    expect(tooLate.body.message).toMatch(/expired/)

    const withdrawn = email("withdrawn")
    const revoked = await invite(a.token, withdrawn)
    const revoke = await call(a.token, "DELETE", `/supplier/invitations/${revoked.invitation.id}`)
    expect(revoke.status, JSON.stringify(revoke.body)).toBe(200)
    expect(revoke.body).toEqual({ id: revoked.invitation.id, object: "supplier_invitation", deleted: true })
    const afterRevoke = await call(await newIdentity(withdrawn), "POST", "/supplier/invitations/accept", { token: revoked.token })
    expect(afterRevoke.status).toBe(400)
    expect(afterRevoke.body.message).toMatch(/not valid/)

    // Someone else who got hold of the link, with their own login.
    const meant = await invite(a.token, email("meant"))
    const interloper = await call(await newIdentity(email("interloper")), "POST", "/supplier/invitations/accept", { token: meant.token })
    expect(interloper.status).toBe(400)
    expect(interloper.body.message).toMatch(/another email/)

    // A member of a supplier cannot join another one.
    const member = await call(b.token, "POST", "/supplier/invitations/accept", { token: meant.token })
    expect(member.status).toBe(400)

    for (const body of [{}, { token: "" }, { token: 5 }, { token: "x", extra: 1 }]) {
      expect((await call(await newIdentity(email("bad")), "POST", "/supplier/invitations/accept", body)).status, JSON.stringify(body)).toBe(400)
    }
    expect(await countMembers()).toBe(members)
  })

  it("validates invitations: email, role, unknown fields, someone who is already a member", async () => {
    for (const [body, field] of [
      [{ email: "not-an-email" }, /email/],
      [{ email: email("x"), role: "admin" }, /role/],
      [{ email: email("x"), team: "sales" }, /team/],
      [{}, /email/],
    ] as [unknown, RegExp][]) {
      const response = await call(a.token, "POST", "/supplier/invitations", body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message, JSON.stringify(body)).toMatch(field)
    }
    const existing = await call(a.token, "POST", "/supplier/invitations", { email: b.email })
    expect(existing.status).toBe(400)
    expect(existing.body.message).toMatch(/already belongs/)
  })

  it("staff cannot manage the team (403)", async () => {
    const staff = await join(a.token)
    expect((await call(staff.token, "GET", "/supplier/members")).status).toBe(403)
    expect((await call(staff.token, "POST", "/supplier/invitations", { email: email("x") })).status).toBe(403)
    expect((await call(staff.token, "DELETE", `/supplier/members/${staff.member.id}`)).status).toBe(403)
    const pending = await invite(a.token, email("pending"))
    expect((await call(staff.token, "DELETE", `/supplier/invitations/${pending.invitation.id}`)).status).toBe(403)
    // …but may read their supplier.
    expect((await call(staff.token, "GET", "/supplier/me")).status).toBe(200)
  })

  it("removes a member, whose login then opens nothing until invited again", async () => {
    const staff = await join(a.token)
    const removed = await call(a.token, "DELETE", `/supplier/members/${staff.member.id}`)
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    expect(removed.body).toEqual({ id: staff.member.id, object: "supplier_member", deleted: true })
    expect((await call(staff.token, "GET", "/supplier/me")).status).toBe(401)
    expect((await call(await supplierLogin(staff.email, PASSWORD), "GET", "/supplier/me")).status).toBe(401)
    expect((await call(a.token, "GET", "/supplier/members")).body.members.map((m: { id: string }) => m.id)).not.toContain(staff.member.id)
    expect((await call(a.token, "DELETE", `/supplier/members/${staff.member.id}`)).status).toBe(404)

    // The same person, invited again, joins with the same login.
    const again = await invite(a.token, staff.email)
    const identity = await supplierLogin(staff.email, PASSWORD)
    const accepted = await call(identity, "POST", "/supplier/invitations/accept", { token: again.token })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    const me = await call(await supplierLogin(staff.email, PASSWORD), "GET", "/supplier/me")
    expect(me.body.member.id).toBe(accepted.body.member.id)
  })

  it("never removes the last owner; with a second owner, one may go", async () => {
    const owner = await registerSupplier(7623)
    const me = (await call(owner.token, "GET", "/supplier/me")).body.member
    const last = await call(owner.token, "DELETE", `/supplier/members/${me.id}`)
    expect(last.status).toBe(400)
    expect(last.body.message).toMatch(/last owner/)

    const second = await join(owner.token, "owner")
    expect((await call(second.token, "GET", "/supplier/members")).status).toBe(200)
    expect((await call(second.token, "DELETE", `/supplier/members/${me.id}`)).status).toBe(200)
    expect((await call(owner.token, "GET", "/supplier/me")).status).toBe(401)
    const lastAgain = await call(second.token, "DELETE", `/supplier/members/${second.member.id}`)
    expect(lastAgain.status).toBe(400)
    // Two owners removing each other at once leave exactly one.
    const third = await join(second.token, "owner")
    const results = await Promise.all([
      call(second.token, "DELETE", `/supplier/members/${third.member.id}`),
      call(third.token, "DELETE", `/supplier/members/${second.member.id}`),
    ])
    // One wins; the other finds itself the last owner (400) or already removed (401).
    const statuses = results.map((r) => r.status).sort()
    expect(statuses[0], JSON.stringify(results.map((r) => r.body))).toBe(200)
    expect([400, 401]).toContain(statuses[1])
    const owners = await sql("select count(*)::int as n from supplier_member where supplier_id = $1 and role = 'owner' and deleted_at is null", [owner.id])
    expect(owners[0].n).toBe(1)
  })
})

describe("the tenant wall around members, attacked", () => {
  it("another supplier's owner can neither list, remove nor revoke A's members and invitations, by id or by guessing", async () => {
    const staff = await join(a.token)
    const pending = await invite(a.token, email("target"))
    const before = (await call(a.token, "GET", "/supplier/members")).body

    const bTeam = await call(b.token, "GET", "/supplier/members")
    expect(bTeam.body.members.map((m: { email: string }) => m.email)).toEqual([b.email])
    expect(JSON.stringify(bTeam.body)).not.toContain(staff.email)

    const aOwnerId = before.members.find((m: { email: string }) => m.email === a.email).id
    for (const id of [staff.member.id, aOwnerId, "supmem_01JAAAAAAAAAAAAAAAAAAAAAAA", "x".repeat(300)]) {
      const response = await call(b.token, "DELETE", `/supplier/members/${id}`)
      expect(response.status, id).toBe(404)
    }
    for (const id of [pending.invitation.id, staff.invitation.id, "supinv_01JAAAAAAAAAAAAAAAAAAAAAAA"]) {
      expect((await call(b.token, "DELETE", `/supplier/invitations/${id}`)).status, id).toBe(404)
    }
    // A's own accepted invitation cannot be revoked either (that is what removing is for).
    expect((await call(a.token, "DELETE", `/supplier/invitations/${staff.invitation.id}`)).status).toBe(400)

    // Nothing changed: same members, same invitations; the staff member still works.
    expect((await call(a.token, "GET", "/supplier/members")).body).toEqual(before)
    expect((await call(staff.token, "GET", "/supplier/me")).status).toBe(200)
    // And A's pending invitation still works, for its own invitee.
    const joined = await call(await newIdentity(pending.invitation.email), "POST", "/supplier/invitations/accept", { token: pending.token })
    expect(joined.status).toBe(200)
    expect(joined.body.supplier.id).toBe(a.id)
  })

  it("a buyer's token and an anonymous caller get 401 from every member route", async () => {
    const buyer = await registerCustomer("supplier-members")
    const routes: [string, string, unknown?][] = [
      ["GET", "/supplier/members"],
      ["DELETE", `/supplier/members/${a.id}`],
      ["POST", "/supplier/invitations", { email: email("x") }],
      ["DELETE", "/supplier/invitations/supinv_01JAAAAAAAAAAAAAAAAAAAAAAA"],
      ["POST", "/supplier/invitations/accept", { token: "x" }],
    ]
    for (const [method, path, body] of routes) {
      for (const token of [buyer.token, undefined]) {
        const response = await call(token, method, path, body)
        expect(response.status, `${method} ${path} ${token ? "buyer" : "anonymous"}`).toBe(401)
      }
    }
  })
})
