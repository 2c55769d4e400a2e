import type { ComparisonStatus } from "./comparison-rules"

const STATUS_ZH: Record<ComparisonStatus, string> = {
  draft: "草稿",
  submitted: "已提交",
  claimed: "审核中",
  returned: "已退回",
  confirmed: "已确认",
  ordered: "已下单",
}

/** What buyers, agencies and operators read when a comparison request is refused: Chinese first, then English. */
export const COMPARISON_MESSAGES = {
  not_found: (id: string) => `比价单不存在 / price comparison ${id} was not found`,
  wrong_state: (status: ComparisonStatus, allowed: ComparisonStatus[]) =>
    `比价单当前状态为「${STATUS_ZH[status]}」，不能执行此操作（仅限：${allowed.map((s) => STATUS_ZH[s]).join("、")}）/ the comparison is ${status}; this is allowed only when ${allowed.join(" or ")}`,
  selected_offer_unknown: (id: string) => `selected_offer_id: 所选报价不属于本比价单 / offer ${id} is not one of this comparison's offers`,
  agency_unknown: (id: string) => `agency_id: 招标代理机构不存在或已停用 / tendering agency ${id} was not found or is not active`,
  category_unknown: (id: string) => `category_id: 品目不存在 / category ${id} was not found`,
  no_cny_region: "平台未配置人民币销售区域 / no region sells in CNY",
  return_needs_comment: "comment: 退回时必须填写意见 / a comment is required when returning",
  report_not_ready: "比价单经代理机构确认后才生成比价报告 / the report is generated when the agency confirms the comparison",
  report_not_found: (serial: string) => `比价报告不存在 / no report with serial ${serial}`,
  prices_expired: (until: string) => `比价价格有效期已于 ${until} 截止，请重新比价 / the compared prices held until ${until}; start a new comparison`,
  not_confirmed: "比价单经代理机构确认后才能下单 / the comparison can be ordered once the agency has confirmed it",
  already_ordered: "该比价单已下单 / this comparison has already been ordered",
  cart_changed: (quantity: number) =>
    `按比价结果下单的购物车只能包含比价选定的商品，数量为 ${quantity}，价格为比价价格；请勿增删商品或改变数量 / a cart ordered from a price comparison holds only the chosen offer, ${quantity} of it, at the compared price; do not add, remove or change items`,
  cart_replaced: "该比价单已生成更新的下单购物车，请使用最新的购物车 / this comparison has a newer cart; place the order from that one",
  no_sales_channel: "缺少销售渠道（publishable key）/ the request has no sales channel (publishable key)",
  agency_user_unknown: "代理机构账户不存在或已停用 / the agency account was not found or its agency is not active",
  agency_email_taken: "该邮箱已有账户，请使用其他邮箱 / an account with this email exists already; use another email",
  agency_credit_code_taken: "该统一社会信用代码已登记为招标代理机构 / an agency with this credit code is registered already",
  pdf_body_missing: "请上传 PDF 文件（Content-Type: application/pdf）/ send the PDF file as the request body (Content-Type: application/pdf)",
  pdf_too_large: (mb: number) => `文件过大（上限 ${mb} MB）/ the file is too large (at most ${mb} MB)`,
  authentic: "报告真实有效：文件与平台存档完全一致 / authentic: the file is identical to the platform's record",
  tampered: "报告已被篡改或不是该编号的原件：文件与平台存档不一致 / not authentic: the file differs from the platform's record for this serial",
} as const
