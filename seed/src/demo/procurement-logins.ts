// The demo procurement logins (采购单位、招标代理机构、监管): who they are and how they sign in.
// Light on purpose, like supplier-logins.ts: `npm start` and the tests import it to print and
// use the logins without loading the seed's dependencies. All share the demo password
// (SUPPLIER_PASSWORD in .env).

export const DEMO_LOGIN_DOMAIN = "demo.gongwucang.local"

export interface DemoBuyer {
  email: string
  first_name: string
  last_name: string
  role: "admin" | "approver" | "purchaser"
  /** Per-order limit in CNY (yuan); above it a cart needs an approver. */
  limit_per_order: number | null
}

/** A government unit with an admin, an approver and a purchaser whose orders over ¥5,000 need approval. */
export const DEMO_ORGANIZATION = {
  name: "成都市锦江区教育局",
  type: "government_unit" as const,
  /** Region 510104 (锦江区); the code's check characters are computed by the seed. */
  region_code: "510104",
  org_body: "MB1D3K7Q",
  annual_budget: 2_000_000,
  buyers: [
    { email: `buyer-admin@${DEMO_LOGIN_DOMAIN}`, last_name: "李", first_name: "管理", role: "admin", limit_per_order: null },
    { email: `buyer-approver@${DEMO_LOGIN_DOMAIN}`, last_name: "张", first_name: "审批", role: "approver", limit_per_order: null },
    { email: `buyer-purchaser@${DEMO_LOGIN_DOMAIN}`, last_name: "王", first_name: "采购", role: "purchaser", limit_per_order: 5000 },
  ] satisfies DemoBuyer[],
}

/** Tendering agencies (招标代理机构), one login each. */
export const DEMO_AGENCIES = [
  { name: "四川公共资源交易代理有限公司", region_code: "510100", org_body: "MA6C4T2L", email: `agency-001@${DEMO_LOGIN_DOMAIN}`, user_name: "赵代理" },
  { name: "成都市政府采购代理中心", region_code: "510100", org_body: "MB0X9E5R", email: `agency-002@${DEMO_LOGIN_DOMAIN}`, user_name: "钱代理" },
]

/** A supervisor (监管) of the finance bureau. */
export const DEMO_SUPERVISOR = { name: "孙监管", email: `supervisor@${DEMO_LOGIN_DOMAIN}`, scope: "成都市财政局政府采购监管处" }

export interface DemoLogin {
  role: "buyer_admin" | "buyer_approver" | "buyer_purchaser" | "agency" | "supervisor"
  email: string
  password: string
  /** The organisation, agency or office the login belongs to. */
  of: string
}

/** Every demo procurement login with its password, for the stack facts and `npm start`'s banner. */
export function demoProcurementLogins(password: string): DemoLogin[] {
  return [
    ...DEMO_ORGANIZATION.buyers.map((buyer) => ({ role: `buyer_${buyer.role}` as DemoLogin["role"], email: buyer.email, password, of: DEMO_ORGANIZATION.name })),
    ...DEMO_AGENCIES.map((agency) => ({ role: "agency" as const, email: agency.email, password, of: agency.name })),
    { role: "supervisor", email: DEMO_SUPERVISOR.email, password, of: DEMO_SUPERVISOR.scope },
  ]
}
