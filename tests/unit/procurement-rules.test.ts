import { describe, expect, it } from "vitest"
import { creditCodeCheckChar, isValidCreditCode as ordersAcceptsCreditCode } from "../../plugins/orders/src/lib/tax-id"
import { StoreAcceptOrganizationInvitation } from "../../plugins/procurement/src/api/store/organization-invitations/validators"
import { AdminListOrganizations } from "../../plugins/procurement/src/api/admin/organizations/validators"
import {
  StoreCreateOrganization,
  StoreInviteOrganizationMember,
  StoreListQuery,
  StoreUpdateOrganizationMember,
} from "../../plugins/procurement/src/api/store/organizations/validators"
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from "../../plugins/procurement/src/lib/credit-code"
import { hashInvitationToken, invitationAcceptPath, newInvitationToken } from "../../plugins/procurement/src/lib/invitation-token"
import {
  checkAnnualBudget,
  exactLikePattern,
  invitationStatus,
  isCnyAmount,
  leavesNoAdmin,
  mergeSpendingLimits,
  requiresCreditCode,
  sameEmail,
  type SpendingLimits,
} from "../../plugins/procurement/src/lib/organization-rules"
import { amount, publicInvitation, publicMember } from "../../plugins/procurement/src/lib/organization-view"

// Buyer organisations' pure parts (plugins/procurement): credit codes, spending limits, budgets,
// the last-admin rule, invitations, and the request validators' field-named messages.

const VALID = "91110108551385082Q"
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

/** A deterministic stream of pseudo-random numbers (no flaky property tests). */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function issues(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) {
  const parsed = schema.safeParse(input)
  return parsed.success ? [] : parsed.error!.issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`)
}

describe("unified social credit code (统一社会信用代码)", () => {
  it("accepts a code whose GB 32100 check character matches, however it is typed", () => {
    expect(creditCodeProblem(VALID)).toBeNull()
    expect(isValidCreditCode(VALID)).toBe(true)
    expect(isValidCreditCode(" 9111 0108-5513 8508 2q ")).toBe(true)
    expect(normalizeCreditCode(" 9111 0108-5513 8508 2q ")).toBe(VALID)
  })

  it("names what is wrong: length, excluded letters, the region digits, the check character", () => {
    expect(creditCodeProblem(VALID.slice(0, 17))).toBe("length")
    expect(creditCodeProblem(`${VALID}0`)).toBe("length")
    expect(creditCodeProblem(`91110108551385O82Q`)).toBe("character") // the letter O
    expect(creditCodeProblem(`9111010855138I082Q`)).toBe("character")
    expect(creditCodeProblem(`91A10108551385082Q`)).toBe("region")
    const wrong = VALID.slice(0, 17) + CHARSET[(CHARSET.indexOf(VALID[17]) + 1) % 31]
    expect(creditCodeProblem(wrong)).toBe("check_character")
  })

  it("every single-character typo in the body is caught by the check character", () => {
    for (let i = 0; i < 17; i++) {
      for (const ch of CHARSET) {
        if (ch === VALID[i] || (i >= 2 && i < 8 && !/\d/.test(ch))) continue
        const typo = VALID.slice(0, i) + ch + VALID.slice(i + 1)
        expect(creditCodeProblem(typo), typo).toBe("check_character")
      }
    }
  })

  it("agrees with plugins/orders' check on valid, mistyped and random codes", () => {
    const next = random(20261122)
    for (let n = 0; n < 3000; n++) {
      let body = `${CHARSET[Math.floor(next() * 31)]}${CHARSET[Math.floor(next() * 31)]}`
      while (body.length < 8) body += String(Math.floor(next() * 10))
      while (body.length < 17) body += CHARSET[Math.floor(next() * 31)]
      expect(creditCodeCheckCharacter(body)).toBe(creditCodeCheckChar(body))
      const code = body + (next() < 0.5 ? creditCodeCheckChar(body) : CHARSET[Math.floor(next() * 31)])
      expect(isValidCreditCode(code), code).toBe(ordersAcceptsCreditCode(code))
    }
  })

  it("is required of every kind of organisation but a private person", () => {
    expect(requiresCreditCode("government_unit")).toBe(true)
    expect(requiresCreditCode("company")).toBe(true)
    expect(requiresCreditCode("individual")).toBe(false)
  })
})

describe("amounts in CNY", () => {
  it("are above zero, in fen at most, and not absurd", () => {
    expect([0.01, 1, 1299.99, 0.1 + 0.2, 1_000_000_000_000].map(isCnyAmount)).toEqual([true, true, true, true, true])
    expect([0, -1, 0.001, 12.345, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000_000.01].map(isCnyAmount)).toEqual([
      false, false, false, false, false, false, false,
    ])
  })

  it("come out of Medusa's big numbers as plain numbers", () => {
    expect(amount(null)).toBeNull()
    expect(amount(undefined)).toBeNull()
    expect(amount("1234.50")).toBe(1234.5)
    expect(amount(5000)).toBe(5000)
    expect(amount({ valueOf: () => 12.3 })).toBe(12.3)
  })
})

describe("spending limits (限额)", () => {
  const none: SpendingLimits = { limit_per_order: null, limit_per_period: null, limit_period: null }
  const set: SpendingLimits = { limit_per_order: 5000, limit_per_period: 20000, limit_period: "month" }

  it("a missing key keeps the value, null removes the limit", () => {
    expect(mergeSpendingLimits(set, { limit_per_order: 8000 })).toEqual({ ok: true, value: { ...set, limit_per_order: 8000 } })
    expect(mergeSpendingLimits(set, { limit_per_order: null })).toEqual({ ok: true, value: { ...set, limit_per_order: null } })
    expect(mergeSpendingLimits(set, {})).toEqual({ ok: true, value: set })
  })

  it("removing the period limit removes its period too", () => {
    expect(mergeSpendingLimits(set, { limit_per_period: null })).toEqual({ ok: true, value: { limit_per_order: 5000, limit_per_period: null, limit_period: null } })
  })

  it("a period limit needs its period, and a period needs a limit", () => {
    expect(mergeSpendingLimits(none, { limit_per_period: 1000 })).toMatchObject({ ok: false, field: "limit_period" })
    expect(mergeSpendingLimits(none, { limit_period: "quarter" })).toMatchObject({ ok: false, field: "limit_per_period" })
    expect(mergeSpendingLimits(set, { limit_period: null })).toMatchObject({ ok: false, field: "limit_period" })
    expect(mergeSpendingLimits(none, { limit_per_period: 1000, limit_period: "year" })).toMatchObject({ ok: true })
  })

  it("one order cannot be allowed more than the whole period", () => {
    expect(mergeSpendingLimits(set, { limit_per_order: 20000.01 })).toMatchObject({ ok: false, field: "limit_per_order" })
    expect(mergeSpendingLimits(set, { limit_per_period: 4999 })).toMatchObject({ ok: false, field: "limit_per_order" })
    expect(mergeSpendingLimits(set, { limit_per_order: 20000 })).toMatchObject({ ok: true })
  })

  it("refuses amounts that are not money", () => {
    expect(mergeSpendingLimits(none, { limit_per_order: 0 })).toMatchObject({ ok: false, field: "limit_per_order" })
    expect(mergeSpendingLimits(none, { limit_per_order: 1.005 })).toMatchObject({ ok: false, field: "limit_per_order" })
    expect(mergeSpendingLimits(none, { limit_per_period: -5, limit_period: "month" })).toMatchObject({ ok: false, field: "limit_per_period" })
  })
})

describe("annual budget (年度预算)", () => {
  it("comes with its year, or not at all", () => {
    expect(checkAnnualBudget({ annual_budget: null, budget_year: null })).toMatchObject({ ok: true })
    expect(checkAnnualBudget({ annual_budget: 1_200_000, budget_year: 2026 })).toMatchObject({ ok: true })
    expect(checkAnnualBudget({ annual_budget: 1_200_000, budget_year: null })).toMatchObject({ ok: false, field: "budget_year" })
    expect(checkAnnualBudget({ annual_budget: null, budget_year: 2026 })).toMatchObject({ ok: false, field: "annual_budget" })
  })

  it("is money, for a plausible year", () => {
    expect(checkAnnualBudget({ annual_budget: 0, budget_year: 2026 })).toMatchObject({ ok: false, field: "annual_budget" })
    expect(checkAnnualBudget({ annual_budget: 100, budget_year: 1999 })).toMatchObject({ ok: false, field: "budget_year" })
    expect(checkAnnualBudget({ annual_budget: 100, budget_year: 2026.5 })).toMatchObject({ ok: false, field: "budget_year" })
  })
})

describe("roles", () => {
  it("the last admin cannot step down; one of several can", () => {
    expect(leavesNoAdmin(["m1"], "m1", "purchaser")).toBe(true)
    expect(leavesNoAdmin(["m1"], "m1", "approver")).toBe(true)
    expect(leavesNoAdmin(["m1"], "m1", "admin")).toBe(false)
    expect(leavesNoAdmin(["m1", "m2"], "m1", "purchaser")).toBe(false)
    expect(leavesNoAdmin(["m1"], "m2", "purchaser")).toBe(false)
  })
})

describe("invitations (邀请)", () => {
  const now = new Date("2026-11-22T10:00:00Z")

  it("are pending until they expire or are accepted", () => {
    expect(invitationStatus({ expires_at: "2026-11-29T10:00:00Z" }, now)).toBe("pending")
    expect(invitationStatus({ expires_at: "2026-11-22T10:00:00Z" }, now)).toBe("expired")
    expect(invitationStatus({ expires_at: "2026-11-29T10:00:00Z", accepted_at: "2026-11-23T10:00:00Z" }, now)).toBe("accepted")
    expect(invitationStatus({ expires_at: "2026-11-01T10:00:00Z", accepted_at: "2026-10-30T10:00:00Z" }, now)).toBe("accepted")
  })

  it("store only a hash of a long random token", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newInvitationToken()))
    expect(tokens.size).toBe(200)
    const [token] = tokens
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(hashInvitationToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashInvitationToken(token)).not.toContain(token)
    expect(hashInvitationToken(` ${token} `)).toBe(hashInvitationToken(token))
    expect(invitationAcceptPath(token)).toBe(`/org/invitations/accept?token=${token}`)
  })

  it("as shown never carry the token hash", () => {
    const shown = publicInvitation(
      { id: "orginv_1", email: "a@example.cn", role: "approver", expires_at: "2026-11-29T10:00:00Z", token_hash: "secret" } as never,
      now
    )
    expect(shown).toEqual({
      id: "orginv_1",
      email: "a@example.cn",
      role: "approver",
      status: "pending",
      expires_at: "2026-11-29T10:00:00.000Z",
      accepted_at: null,
      invited_by: null,
      created_at: null,
    })
  })

  it("match emails without case", () => {
    expect(sameEmail("Zhang.San@Example.CN", "zhang.san@example.cn ")).toBe(true)
    expect(sameEmail("zhang@example.cn", "zhang2@example.cn")).toBe(false)
    expect(sameEmail(null, "zhang@example.cn")).toBe(false)
  })

  it("look emails up exactly, even with LIKE's wildcards in them", () => {
    expect(exactLikePattern("li_si%1@example.cn")).toBe("li\\_si\\%1@example.cn")
    expect(exactLikePattern("a\\b")).toBe("a\\\\b")
  })
})

describe("members as shown", () => {
  it("carry the customer's name and email and limits as numbers", () => {
    expect(
      publicMember({
        id: "orgmem_1",
        customer_id: "cus_1",
        role: "purchaser",
        limit_per_order: "5000",
        limit_per_period: null,
        limit_period: null,
        created_at: "2026-11-22T10:00:00Z",
        customer: { email: "a@example.cn", first_name: "三", last_name: "张" },
      })
    ).toEqual({
      id: "orgmem_1",
      customer_id: "cus_1",
      email: "a@example.cn",
      first_name: "三",
      last_name: "张",
      role: "purchaser",
      limit_per_order: 5000,
      limit_per_period: null,
      limit_period: null,
      created_at: "2026-11-22T10:00:00.000Z",
    })
  })
})

describe("request validators name the field", () => {
  const organization = { name: "成都市锦江区教育局", type: "government_unit", credit_code: VALID }

  it("accepts an organisation and normalises its code", () => {
    const parsed = StoreCreateOrganization.parse({ ...organization, credit_code: " 9111 0108 5513 8508 2q", annual_budget: "1200000.50", budget_year: 2026 })
    expect(parsed).toEqual({ name: "成都市锦江区教育局", type: "government_unit", credit_code: VALID, annual_budget: 1200000.5, budget_year: 2026 })
    expect(issues(StoreCreateOrganization, { name: "王晓明", type: "individual" })).toEqual([])
  })

  it("refuses a bad credit code, a missing one, a budget without its year, an unknown type or key", () => {
    const wrong = VALID.slice(0, 17) + "0"
    expect(issues(StoreCreateOrganization, { ...organization, credit_code: wrong })).toEqual([expect.stringMatching(/^credit_code: .*校验位/)])
    expect(issues(StoreCreateOrganization, { ...organization, credit_code: "123" })).toEqual([expect.stringMatching(/^credit_code: .*18/)])
    expect(issues(StoreCreateOrganization, { name: "某公司", type: "company" })).toEqual([expect.stringMatching(/^credit_code: .*required/)])
    expect(issues(StoreCreateOrganization, { ...organization, annual_budget: 1000 })).toEqual([expect.stringMatching(/^budget_year: /)])
    expect(issues(StoreCreateOrganization, { ...organization, annual_budget: 12.345, budget_year: 2026 })[0]).toMatch(/^annual_budget: /)
    expect(issues(StoreCreateOrganization, { ...organization, type: "ministry" })[0]).toMatch(/^type: .*government_unit/)
    expect(issues(StoreCreateOrganization, { ...organization, name: " " })[0]).toMatch(/^name: /)
    expect(issues(StoreCreateOrganization, { ...organization, status: "active" })[0]).toMatch(/status/)
  })

  it("member changes: something to change, roles and periods from their lists, money for limits", () => {
    expect(issues(StoreUpdateOrganizationMember, {})[0]).toMatch(/change at least one/)
    expect(issues(StoreUpdateOrganizationMember, { role: "owner" })[0]).toMatch(/^role: /)
    expect(issues(StoreUpdateOrganizationMember, { limit_period: "week" })[0]).toMatch(/^limit_period: /)
    expect(issues(StoreUpdateOrganizationMember, { limit_per_order: -1 })[0]).toMatch(/^limit_per_order: /)
    expect(issues(StoreUpdateOrganizationMember, { limit_per_order: "abc" })[0]).toMatch(/^limit_per_order: /)
    expect(StoreUpdateOrganizationMember.parse({ limit_per_order: null, limit_per_period: "3000", limit_period: "quarter" })).toEqual({
      limit_per_order: null,
      limit_per_period: 3000,
      limit_period: "quarter",
    })
  })

  it("invitations: a real email, in lower case; purchaser unless told", () => {
    expect(StoreInviteOrganizationMember.parse({ email: " Li.Si@Example.CN " })).toEqual({ email: "li.si@example.cn", role: "purchaser" })
    expect(issues(StoreInviteOrganizationMember, { email: "not-an-email" })[0]).toMatch(/^email: /)
    expect(issues(StoreInviteOrganizationMember, { email: "a@example.cn", role: "boss" })[0]).toMatch(/^role: /)
    expect(issues(StoreAcceptOrganizationInvitation, {})[0]).toMatch(/^token: /)
    expect(issues(StoreAcceptOrganizationInvitation, { token: "" })[0]).toMatch(/^token: /)
  })

  it("lists: bounded pages and known filters", () => {
    expect(StoreListQuery.parse({})).toEqual({ limit: 50, offset: 0 })
    expect(issues(StoreListQuery, { limit: "0" })[0]).toMatch(/^limit: /)
    expect(issues(StoreListQuery, { offset: "-1" })[0]).toMatch(/^offset: /)
    expect(AdminListOrganizations.parse({ type: "association", limit: "10" })).toEqual({ type: "association", limit: 10, offset: 0 })
    expect(issues(AdminListOrganizations, { type: "ngo" })[0]).toMatch(/^type: /)
    expect(issues(AdminListOrganizations, { status: "pending" })[0]).toMatch(/^status: /)
  })
})
