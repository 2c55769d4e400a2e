/** What the showroom API answers when it refuses, zh-CN first then English. */
export const SHOWROOM_MESSAGES = {
  centre_not_found: (id: string) => `体验中心不存在 / experience centre not found: ${id}`,
  centre_has_zones: "该体验中心仍有展区，请先删除展区 / the centre still has zones; delete them first",
  zone_not_found: (id: string) => `展区不存在 / zone not found: ${id}`,
  zone_code_taken: (code: string) => `该体验中心已有编号为 ${code} 的展区 / the centre already has a zone with code ${code}`,
  zone_has_exhibits: (count: number) => `展区内仍有 ${count} 件在展展品，请先撤展 / the zone still has ${count} exhibit(s) on display; withdraw them first`,
  zone_has_kiosks: (count: number) => `展区内仍有 ${count} 台触摸屏 / the zone still has ${count} kiosk(s)`,
  exhibit_not_found: (id: string) => `展品不存在 / exhibit not found: ${id}`,
  exhibit_withdrawn: (id: string) => `展品已撤展 / exhibit has been withdrawn: ${id}`,
  product_not_found: (id: string) => `商品不存在 / product not found: ${id}`,
  variant_not_of_product: (variant: string, product: string) =>
    `规格 ${variant} 不属于商品 ${product} / variant ${variant} does not belong to product ${product}`,
  tag_not_found: (id: string) => `标签不存在 / tag not found: ${id}`,
  epc_invalid: (epc: string) => `EPC 须为偶数位十六进制（8–64 位）/ EPC must be 8–64 hex digits, an even number: ${epc}`,
  gtin_invalid: (gtin: string) => `GTIN 无效（位数或校验位不对）/ not a valid GTIN (length or check digit): ${gtin}`,
  epc_taken: (epc: string) => `该 EPC 已登记在其他标签上 / this EPC is already registered on a tag: ${epc}`,
  serial_invalid: "序列号须为 0–274877906943 的整数 / serial must be an integer 0–274877906943",
  theme_not_found: (id: string) => `主题不存在 / theme not found: ${id}`,
  theme_dates: "结束日期不能早于开始日期 / ends_on must not be before starts_on",
  theme_overlap: (title: string, id: string, from: string, to: string) =>
    `与已发布主题「${title}」(${from} – ${to}) 日期重叠 / dates overlap the published theme "${title}" (${id}, ${from} – ${to})`,
  exhibits_not_in_centre: (ids: string[]) => `以下展品不在该体验中心 / these exhibits are not in the centre: ${ids.join(", ")}`,
  products_not_found: (ids: string[]) => `以下商品不存在 / these products do not exist: ${ids.join(", ")}`,
  event_not_found: (id: string) => `活动不存在 / event not found: ${id}`,
  event_times: "活动结束时间须晚于开始时间 / ends_at must be after starts_at",
  event_full: (left: number) => `活动名额已满（剩余 ${left} 个）/ the event is full (${left} seat(s) left)`,
  event_already_signed_up: "该手机号已报名此活动 / this phone number has already signed up for the event",
  event_closed: "活动报名已截止 / sign-up for this event is closed",
  event_past: "活动已开始或已结束 / the event has already started or ended",
  event_capacity_below_signups: (taken: number) =>
    `名额不能少于已报名人数 ${taken} / capacity cannot be below the ${taken} seat(s) already taken`,
  kiosk_not_found: (id: string) => `触摸屏不存在或已停用 / kiosk not found or revoked: ${id}`,
} as const
