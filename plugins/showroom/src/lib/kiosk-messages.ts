/** What the kiosk API answers, zh-CN first with English. */
export const KIOSK_MESSAGES = {
  noKey: "缺少触摸屏密钥（Authorization: Kiosk <key>）/ kiosk key required (Authorization: Kiosk <key>)",
  malformed: "触摸屏密钥格式不正确 / malformed kiosk key",
  wrongKey: "触摸屏密钥无效 / invalid kiosk key",
  revoked: "该触摸屏已停用，请联系管理员 / this kiosk has been revoked; ask the operator for a new key",
  rateLimited: "请求过于频繁，请稍后再试 / too many requests, retry later",
  tooManyFailures: "密钥错误次数过多，请稍后再试 / too many failed key attempts, retry later",
  notYourStream: "只能订阅本机的事件流 / a kiosk may only open its own stream",
  kioskNotFound: "触摸屏不存在 / kiosk not found",
  centreNotFound: "体验中心不存在 / centre not found",
  zoneNotInCentre: "展区不属于该体验中心 / the zone is not in this centre",
} as const
