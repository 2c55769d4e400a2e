/** What the livestream API answers when it refuses, zh-CN first then English. */
export const LIVESTREAM_MESSAGES = {
  host_unknown: "主播账号不存在或已停用 / the host account does not exist or is suspended",
  host_not_found: (id: string) => `主播不存在 / host not found: ${id}`,
  host_email_taken: "该邮箱已有账号 / this email already has an account",
  grant_not_found: (id: string) => `授权不存在 / grant not found: ${id}`,
  grant_exists: "该主播已有此授权 / the host already has this grant",
  grant_target_not_found: (kind: string, id: string) =>
    kind === "supplier" ? `供应商不存在 / supplier not found: ${id}` : `商品分类不存在 / product category not found: ${id}`,
  session_not_found: (id: string) => `直播场次不存在 / live session not found: ${id}`,
  session_times: "计划结束时间须晚于计划开始时间 / scheduled_end_at must be after scheduled_start_at",
  session_ended: "直播已结束，不能再修改 / the session has ended and can no longer be changed",
  session_not_deletable: "只能删除尚未开播的直播场次 / only a session that has not gone live can be deleted",
  transition: (from: string, to: string) =>
    `直播状态不能从「${STATUS_ZH[from] ?? from}」变为「${STATUS_ZH[to] ?? to}」/ a session cannot go from ${from} to ${to}`,
  host_already_live: (id: string) => `您已有一场直播正在进行 / you are already live in another session: ${id}`,
  product_not_found: (id: string) => `商品不存在 / product not found: ${id}`,
  variant_not_of_product: (variant: string, product: string) =>
    `规格 ${variant} 不属于商品 ${product} / variant ${variant} does not belong to product ${product}`,
  product_not_published: (id: string) => `商品未上架，不能加入直播 / the product is not published and cannot be added: ${id}`,
  product_not_granted: (id: string) =>
    `该商品不在您获授权的供应商或分类范围内 / the product is outside the suppliers and categories you are granted: ${id}`,
  variant_in_lineup: (variant: string) => `该规格已在本场直播的商品列表中 / this variant is already in the session's lineup: ${variant}`,
  lineup_item_not_found: (id: string) => `直播商品不存在 / lineup item not found: ${id}`,
  lineup_item_pinned: "该商品正在讲解中，请先取消置顶 / the item is pinned; unpin it first",
  pin_not_live: "只有直播中才能置顶商品 / products can be pinned only while the session is live",
  pin_not_in_lineup: (id: string) =>
    `该商品不在本场直播的商品列表中，不能置顶 / the item is not in this session's lineup and cannot be pinned: ${id}`,
  pin_off_sale: (reason: string) => `商品已下架或无货，不能置顶 / the item is off sale and cannot be pinned: ${reason}`,
} as const

const STATUS_ZH: Record<string, string> = { scheduled: "未开播", live: "直播中", ended: "已结束" }
