/** What buyers and operators read when something is refused: Chinese first, then English. */
export const ORGANIZATION_MESSAGES = {
  not_a_member: "您尚未加入采购单位 / you do not belong to a buyer organisation",
  already_member: "您已属于一个采购单位，一个账户只能加入一个采购单位 / you already belong to a buyer organisation; an account belongs to one only",
  credit_code_taken: "该统一社会信用代码已被其他采购单位登记，请联系该单位的管理员邀请您加入 / another buyer organisation is registered with this credit code; ask its admin to invite you",
  admin_only: "只有采购单位管理员可以执行此操作 / only an admin of the organisation can do this",
  member_not_found: (id: string) => `成员不存在 / member ${id} was not found`,
  organization_not_found: (id: string) => `采购单位不存在 / organisation ${id} was not found`,
  last_admin: "采购单位至少要有一名管理员，请先指定另一名管理员 / the organisation needs an admin; make another member admin first",
  invitee_is_member: "该邮箱的账户已是本单位成员 / the account with this email already belongs to your organisation",
  invitation_pending: "已向该邮箱发出邀请，尚未过期 / this email already has a pending invitation",
  invitation_unknown: "token: 邀请无效或已撤销 / the invitation is not valid (unknown or revoked)",
  invitation_expired: "token: 邀请已过期，请联系单位管理员重新邀请 / the invitation has expired; ask an admin to invite you again",
  invitation_used: "该邀请已被使用 / this invitation has already been used",
  invitation_other_email: "该邀请发给了另一个邮箱，请使用受邀邮箱的账户登录 / this invitation is for another email address; sign in with the invited account",
} as const

/** Supervision (监管): supervisors read, never write. */
export const SUPERVISION_MESSAGES = {
  read_only: (method: string) => `监管账号只能查看，不能修改任何数据（${method} 不被允许）/ supervision is read-only: ${method} is not allowed`,
  email_taken: "该邮箱已是监管账号 / a supervisor with this email already exists",
  login_taken: "该邮箱已有登录账号（如采购人、供应商），请为监管人员使用单独的邮箱 / this email already has a login (buyer, supplier, …); give the supervisor an email of their own",
  not_supervisor: "需要监管账号登录 / sign in as a supervisor",
} as const

/** Approvals (审批) and spending limits. */
export const APPROVAL_MESSAGES = {
  cart_not_found: (id: string) => `购物车不存在 / cart ${id} was not found`,
  cart_completed: "该购物车已下单 / this cart has already been ordered",
  not_required: "本单未超过限额或预算，无需审批 / this cart is within your limits and the budget; it needs no approval",
  pending_exists: "该购物车已有待处理的审批申请 / this cart already has a pending approval request",
  covered: "该购物车已获批准，可直接下单 / this cart is approved already; you can place the order",
  request_not_found: (id: string) => `审批申请不存在 / approval request ${id} was not found`,
  approver_only: "只有审批人或管理员可以审批 / only an approver or admin of the organisation can decide on approval requests",
  not_pending: (status: string) => `该审批申请已处理（${status}） / this approval request has been decided already (${status})`,
  own_request: "不能审批自己提交的申请（单位内还有其他审批人或管理员） / you cannot decide on your own request while the organisation has another approver or admin",
} as const
