import { beforeAll, describe, expect, it } from "vitest"
import { registerCustomer, type TestCustomer } from "../support/orders"
import { addMember, createAgency, createComparison, createOrganization } from "../support/procurement"
import { testStack } from "../support/stack"

// The buyer organisation area (/org) and the tendering agency's (/agency) as server-rendered
// pages over HTTP, the way a browser without JavaScript uses them: the session cookie carried
// by hand, form posts, redirects not followed. Signed-out visitors go to the login; members see
// their own organisation's pages; another organisation's comparison is a 404 page.

const url = (path: string) => `${testStack().facts.storefront_url}${path}`
const unique = Date.now().toString(36)
let seed = 7_100_000 + (Date.now() % 100_000) * 10

interface Page {
  status: number
  html: string
  location: string | null
  cookies: string[]
}

async function answer(response: Response): Promise<Page> {
  return {
    status: response.status,
    html: await response.text(),
    location: response.headers.get("location"),
    cookies: response.headers.getSetCookie().map((c) => c.split(";")[0]),
  }
}

async function get(path: string, cookie = "", lang = "zh-CN") {
  return answer(await fetch(url(path), { headers: { accept: "text/html", "accept-language": lang, ...(cookie ? { cookie } : {}) }, redirect: "manual" }))
}

async function post(path: string, fields: Record<string, string>, cookie = "") {
  return answer(
    await fetch(url(path), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", "accept-language": "zh-CN", ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields),
      redirect: "manual",
    })
  )
}

/** Logs the customer into the storefront; the session cookie. */
async function login(customer: TestCustomer): Promise<string> {
  const result = await post("/account/login", { email: customer.email, password: customer.password })
  expect(result.status, result.html.slice(0, 300)).toBe(302)
  const cookie = result.cookies.find((c) => c.startsWith("gwc_session="))
  expect(cookie).toBeTruthy()
  return cookie!
}

const alertText = (html: string) => /<p role="alert"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? null
const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? null

let adminA: TestCustomer
let purchaserA: TestCustomer
let adminB: TestCustomer
let cookieA = ""
let cookieB = ""
let comparisonA = ""
const orgAName = `成都市门户测试教育局${unique}`
const orgBName = `成都市门户测试卫健委${unique}`

beforeAll(async () => {
  ;[adminA, purchaserA, adminB] = await Promise.all([registerCustomer("sf-org-a"), registerCustomer("sf-org-a-buyer"), registerCustomer("sf-org-b")])
  await createOrganization(adminB, orgBName, ++seed)
  ;[cookieA, cookieB] = await Promise.all([login(adminA), login(adminB)])
})

describe("signed out", () => {
  it("the organisation pages redirect to the login and come back afterwards", async () => {
    for (const path of ["/org", "/org/comparisons", "/org/comparisons/new", "/org/comparisons/pcmp_01ABC", "/org/members", "/org/approvals", "/org/invitations/accept?token=abc"]) {
      const page = await get(path)
      expect(page.status, path).toBe(302)
      expect(page.location, path).toBe(`/account/login?redirectTo=${encodeURIComponent(path)}`)
    }
  })

  it("the agency pages redirect to the agency login", async () => {
    const page = await get("/agency")
    expect(page.status).toBe(302)
    expect(page.location).toBe("/agency/login?redirectTo=%2Fagency")
    const login = await get("/agency/login")
    expect(login.status).toBe(200)
    expect(h1(login.html)).toBe("招标代理机构登录")
  })
})

describe("registering an organisation in the storefront", () => {
  it("a customer in no organisation is offered the registration, and registers", async () => {
    const page = await get("/org", cookieA)
    expect(page.status).toBe(200)
    expect(h1(page.html)).toBe("注册采购单位")
    expect(page.html).toContain("您还没有加入采购单位。")

    const bad = await post("/org?index", { name: "", type: "government_unit" }, cookieA)
    expect(bad.status).toBe(400)
    expect(alertText(bad.html)).toBe("请检查标出的字段。")

    const done = await post("/org?index", { name: orgAName, type: "government_unit", credit_code: "", annual_budget: "500,000", budget_year: "2026" }, cookieA)
    // A government unit needs its credit code: the backend's message, at the field.
    expect(done.status).toBe(400)
    expect(done.html).toContain('id="credit_code-error"')

    const { creditCode } = await import("../support/supplier")
    const registered = await post("/org?index", { name: orgAName, type: "government_unit", credit_code: creditCode(++seed), annual_budget: "500,000", budget_year: "2026" }, cookieA)
    expect(registered.status, registered.html.slice(0, 500)).toBe(302)
    expect(registered.location).toBe("/org?registered=1")
    const overview = await get("/org?registered=1", cookieA)
    expect(h1(overview.html)).toBe(orgAName)
    expect(overview.html).toContain("单位已注册，您是管理员。")
    expect(/data-testid="org-role"[^>]*>([^<]*)</.exec(overview.html)?.[1]).toBe("管理员")
  })

  it("the admin invites a colleague; the link is shown once and the colleague joins with it", async () => {
    const invited = await post("/org/members", { intent: "invite", email: purchaserA.email, role: "purchaser" }, cookieA)
    expect(invited.status).toBe(200)
    const link = /data-testid="invitation-link"[\s\S]*?value="([^"]+)"/.exec(invited.html)?.[1]?.replace(/&amp;/g, "&")
    expect(link).toMatch(/\/org\/invitations\/accept\?token=/)
    const acceptPath = new URL(link!).pathname + new URL(link!).search
    const members = await get("/org/members", cookieA)
    expect(members.html).toContain(purchaserA.email) // in the open invitations
    expect(members.html).not.toContain(new URL(link!).searchParams.get("token")!) // the token is not shown again

    const cookie = await login(purchaserA)
    const page = await get(acceptPath, cookie)
    expect(page.status).toBe(200)
    expect(h1(page.html)).toBe("接受邀请")
    const accepted = await post("/org/invitations/accept", { token: new URL(link!).searchParams.get("token")! }, cookie)
    expect(accepted.status, accepted.html.slice(0, 300)).toBe(302)
    expect(accepted.location).toBe("/org?joined=1")
    const overview = await get("/org?joined=1", cookie)
    expect(overview.html).toContain(`您已加入 ${orgAName}。`)
    expect(/data-testid="org-role"[^>]*>([^<]*)</.exec(overview.html)?.[1]).toBe("采购人")

    // The purchaser sees the members but cannot edit them.
    const asPurchaser = await get("/org/members", cookie)
    expect(asPurchaser.html).toContain("只有管理员可以修改成员和发出邀请。")
    expect(asPurchaser.html).not.toContain('name="limit_per_order"')
  })

  it("the admin sets a member's role and limits", async () => {
    const members = await get("/org/members", cookieA)
    const row = new RegExp(`data-email="${purchaserA.email.replace(/[.+]/g, "\\$&")}"[\\s\\S]*?name="member_id" value="([^"]+)"`).exec(members.html)
    expect(row?.[1]).toMatch(/^orgmem_|^[A-Za-z0-9_]+$/)
    const saved = await post("/org/members", { intent: "update", member_id: row![1], role: "approver", limit_per_order: "5,000", limit_per_period: "20000", limit_period: "month" }, cookieA)
    expect(saved.status, alertText(saved.html) ?? "").toBe(302)
    const after = await get("/org/members?saved=1", cookieA)
    expect(after.html).toContain("成员设置已保存。")
    expect(after.html).toContain('value="5000"')
  })
})

describe("pages for members", () => {
  it("the comparison list, builder, approvals, limits and orders render for a member", async () => {
    const list = await get("/org/comparisons", cookieA)
    expect(list.status).toBe(200)
    expect(h1(list.html)).toBe("在线比价")
    const builder = await get("/org/comparisons/new", cookieA)
    expect(builder.status).toBe(200)
    expect(h1(builder.html)).toBe("发起比价")
    expect(builder.html).toContain('id="category-select"')
    for (const [path, title] of [
      ["/org/approvals", "审批"],
      ["/org/spending", "额度与预算"],
      ["/org/orders", "单位订单"],
      ["/org/members", "成员"],
    ]) {
      const page = await get(path, cookieA)
      expect(page.status, path).toBe(200)
      expect(h1(page.html), path).toBe(title)
    }
    // English with the same pages.
    const english = await get("/org/comparisons", cookieA, "en")
    expect(english.status).toBe(200)
  })

  it("the builder lists a category's offers and refuses fewer than three", async () => {
    const { threeOffers } = await import("../support/procurement")
    const offers = await threeOffers()
    const page = await get(`/org/comparisons/new?category=${offers.category_id}`, cookieA)
    expect(page.status).toBe(200)
    for (const id of offers.variant_ids) expect(page.html).toContain(`value="${id}"`)
    const tooFew = await post(`/org/comparisons/new?category=${offers.category_id}`, { intent: "create", category: offers.category_id, quantity: "2", variant_ids: offers.variant_ids[0] }, cookieA)
    expect(tooFew.status).toBe(400)
    expect(alertText(tooFew.html)).toBe("请至少选择 3 个报价。")
    // What was picked stays picked.
    expect(tooFew.html).toMatch(new RegExp(`value="${offers.variant_ids[0]}"[^>]*checked|checked[^>]*value="${offers.variant_ids[0]}"`))
  })

  it("a comparison built through the pages opens with its offers side by side", async () => {
    const { threeOffers } = await import("../support/procurement")
    const offers = await threeOffers()
    const body = new URLSearchParams({ intent: "create", category: offers.category_id, quantity: "3", title: `门户比价${unique}`, specs: "质保不少于 12 个月" })
    for (const id of offers.variant_ids) body.append("variant_ids", id)
    const created = await answer(
      await fetch(url("/org/comparisons/new"), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", cookie: cookieA },
        body,
        redirect: "manual",
      })
    )
    expect(created.status, alertText(created.html) ?? "").toBe(302)
    expect(created.location).toMatch(/^\/org\/comparisons\/[A-Za-z0-9_]+\?created=1$/)
    comparisonA = created.location!.split("/").pop()!.split("?")[0]
    const detail = await get(`/org/comparisons/${comparisonA}`, cookieA)
    expect(detail.status).toBe(200)
    expect(h1(detail.html)).toBe(`门户比价${unique}`)
    expect([...detail.html.matchAll(/data-testid="offer-column"/g)].length).toBe(3)
    for (const o of offers.offers) expect(detail.html).toContain(o.supplier)
    expect(detail.html).toContain("售后服务")
    expect(/data-testid="comparison-status"[^>]*>([^<]*)</.exec(detail.html)?.[1]).toBe("草稿")
    // A draft's offers and need can be changed in the builder (its category stays).
    const edit = await get(`/org/comparisons/new?comparison=${comparisonA}`, cookieA)
    expect(edit.status).toBe(200)
    expect(edit.html).toContain("保存报价调整")
    expect(edit.html).not.toContain('id="category-select"')
    for (const id of offers.variant_ids) expect(edit.html).toMatch(new RegExp(`value="${id}"[^>]*checked|checked[^>]*value="${id}"`))
    const change = new URLSearchParams({ intent: "create", category: offers.category_id, comparison: comparisonA, quantity: "4", title: `门户比价${unique}` })
    for (const id of offers.variant_ids) change.append("variant_ids", id)
    const changed = await answer(
      await fetch(url(`/org/comparisons/new?comparison=${comparisonA}`), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", cookie: cookieA },
        body: change,
        redirect: "manual",
      })
    )
    expect(changed.status, alertText(changed.html) ?? "").toBe(302)
    expect(changed.location).toBe(`/org/comparisons/${comparisonA}`)
    expect(/data-testid="comparison-quantity"[^>]*>([^<]*)</.exec((await get(`/org/comparisons/${comparisonA}`, cookieA)).html)?.[1]).toBe("4")
    // Another organisation cannot open it in the builder either.
    expect((await get(`/org/comparisons/new?comparison=${comparisonA}`, cookieB)).status).toBe(404)

    // Submitting without a choice names what is missing.
    const missing = await post(`/org/comparisons/${comparisonA}`, { intent: "submit", reason: "" }, cookieA)
    expect(missing.status).toBe(400)
    expect(alertText(missing.html)).toBe("请选定一个报价")
  })
})

describe("tenant wall", () => {
  it("a member of organisation B gets the 404 page for organisation A's comparison and its report", async () => {
    const comparison = comparisonA || (await createComparison(adminA, `门户隔离${unique}`)).id
    const own = await get(`/org/comparisons/${comparison}`, cookieA)
    expect(own.status).toBe(200)
    const other = await get(`/org/comparisons/${comparison}`, cookieB)
    expect(other.status).toBe(404)
    expect(h1(other.html)).toBe("页面不存在")
    const report = await get(`/org/comparisons/${comparison}/report`, cookieB)
    expect(report.status).toBe(404)
    // Nor can B act on it.
    const order = await post(`/org/comparisons/${comparison}`, { intent: "order" }, cookieB)
    expect(order.status).toBe(404)
  })

  it("an agency's review page of a comparison not submitted to it is a 404 page", async () => {
    const { email, password } = await createAgency(`门户隔离代理${unique}`, `sf-agency-wall-${unique}@example.cn`)
    const login = await post("/agency/login", { email, password })
    expect(login.status, login.html.slice(0, 300)).toBe(302)
    const cookie = login.cookies.find((c) => c.startsWith("gwc_agency="))!
    const queue = await get("/agency", cookie)
    expect(queue.status).toBe(200)
    expect(h1(queue.html)).toBe("比价审核")
    const page = await get(`/agency/comparisons/${comparisonA}`, cookie)
    expect(page.status).toBe(404)
  })
})

describe("the agency login", () => {
  it("refuses wrong credentials without saying which was wrong", async () => {
    const result = await post("/agency/login", { email: `nobody-${unique}@example.cn`, password: "wrong-password" })
    expect(result.status).toBe(401)
    expect(alertText(result.html)).toBe("邮箱或密码不正确")
  })

  it("a buyer's login is not an agency login", async () => {
    const result = await post("/agency/login", { email: adminB.email, password: adminB.password })
    expect([401, 403]).toContain(result.status)
  })
})


describe("approval at checkout", () => {
  let buyer: TestCustomer
  let approver: TestCustomer
  let buyerCookie = ""
  let approverCookie = ""

  /** Follows the storefront's own add-to-cart action; the session cookie (now with the cart). */
  async function addToCart(cookie: string): Promise<string> {
    const { variantInStock } = await import("../support/orders")
    const variant = await variantInStock()
    const { store } = await import("../support/http")
    const product = await store(`/store/products?fields=handle,variants.id&limit=1&variants[id]=${variant.id}`)
    let handle = product.body.products?.[0]?.handle as string | undefined
    if (!handle) {
      const all = await store(`/store/products?fields=handle,variants.id&limit=200`)
      handle = all.body.products.find((p: { variants: { id: string }[] }) => p.variants.some((v) => v.id === variant.id))?.handle
    }
    const added = await post(`/products/${handle}`, { variant_id: variant.id, quantity: "1" }, cookie)
    expect(added.status, added.html.slice(0, 300)).toBe(302)
    return added.cookies.find((c) => c.startsWith("gwc_session=")) ?? cookie
  }

  const checkoutFields = (html: string) => ({
    email: buyer.email,
    phone: "13800138000",
    name: "王采购",
    fulfilment: "delivery",
    province: "四川省",
    city: "成都",
    address_1: "锦江区红星路二段 1 号",
    postal_code: "610017",
    invoice_type: "company",
    invoice_title: "成都市机关事务管理局",
    tax_id: "91350100M000100Y43",
    payment: /name="payment"[^>]*value="(pp_[^"]+)"/.exec(html)?.[1] ?? /value="(pp_[^"]+)"[^>]*name="payment"/.exec(html)?.[1] ?? "",
  })

  beforeAll(async () => {
    ;[approver, buyer] = await Promise.all([registerCustomer("sf-approval-admin"), registerCustomer("sf-approval-buyer")])
    await createOrganization(approver, `成都市门户审批测试局${unique}`, ++seed)
    await addMember(approver, buyer, "purchaser")
    const { storeAs, postAs } = await import("../support/orders")
    const members = await storeAs(approver, "/store/organizations/me/members")
    const member = members.body.members.find((m: { email: string }) => m.email === buyer.email)
    const limited = await postAs(approver, `/store/organizations/me/members/${member.id}`, { limit_per_order: 1 })
    expect(limited.status, JSON.stringify(limited.body)).toBe(200)
    ;[buyerCookie, approverCookie] = await Promise.all([login(buyer), login(approver)])
  })

  it("shows why approval is needed and a request button instead of placing the order", async () => {
    buyerCookie = await addToCart(buyerCookie)
    const page = await get("/checkout", buyerCookie)
    expect(page.status).toBe(200)
    expect(page.html).toContain('data-testid="approval-box"')
    expect(page.html).toContain("超出您的单笔限额")
    expect(page.html).toContain('data-testid="request-approval"')
    expect(page.html).not.toContain(">提交订单<")

    // Placing the order anyway is refused by the page before any payment is started.
    const fields = checkoutFields(page.html)
    expect(fields.payment).toMatch(/^pp_/)
    const refused = await post("/checkout", fields, buyerCookie)
    expect(refused.status).toBe(403)
    expect(alertText(refused.html)).toContain("超出您的单笔限额")

    const requested = await post("/checkout", { ...fields, intent: "request_approval", approval_note: "办公室打印机损坏，急需" }, buyerCookie)
    expect(requested.status, alertText(requested.html) ?? "").toBe(302)
    expect(requested.location).toBe("/checkout?approval=requested")
    const after = await get("/checkout?approval=requested", buyerCookie)
    expect(after.html).toContain("审批申请已提交")
    expect(/data-testid="approval-state" data-status="([a-z]+)"/.exec(after.html)?.[1]).toBe("pending")
  })

  it("the approver approves it in /org/approvals; the buyer then places the order", async () => {
    const list = await get("/org/approvals", approverCookie)
    expect(list.status).toBe(200)
    expect(list.html).toContain(buyer.email)
    expect(list.html).toContain("办公室打印机损坏，急需")
    const id = new RegExp(`data-testid="approval" data-id="([^"]+)"`).exec(list.html)?.[1]
    expect(id).toBeTruthy()
    // Rejecting needs a comment.
    const noComment = await post("/org/approvals", { id: id!, intent: "reject", comment: "" }, approverCookie)
    expect(noComment.status).toBe(400)
    expect(alertText(noComment.html)).toBe("驳回时请填写审批意见")
    // The purchaser cannot decide.
    const own = await post("/org/approvals", { id: id!, intent: "approve" }, buyerCookie)
    expect(own.status).toBe(403)

    const approved = await post("/org/approvals", { id: id!, intent: "approve", comment: "同意采购" }, approverCookie)
    expect(approved.status, alertText(approved.html) ?? "").toBe(302)
    const page = await get("/checkout", buyerCookie)
    expect(/data-testid="approval-state" data-status="([a-z]+)"/.exec(page.html)?.[1]).toBe("approved")
    expect(page.html).toContain("审批已通过，可以提交订单。")
    expect(page.html).toContain(">提交订单<")
    const placed = await post("/checkout", checkoutFields(page.html), buyerCookie)
    expect(placed.status, alertText(placed.html) ?? "").toBe(302)
    expect(placed.location).toMatch(/^\/orders\/order_[A-Za-z0-9]+\/confirmed$/)

    const orders = await get("/org/orders", approverCookie)
    expect(orders.status).toBe(200)
    expect(orders.html).toContain("经审批")
  })
})
