import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react"
import { z } from "zod"
import { procMeta } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatDateTime } from "~/lib/format"
import { apiMessage, ProcurementApiError, procurementTranslator, requireMember, storeCall, type OrgMember } from "~/lib/procurement.server"
import { languageOf } from "~/lib/session.server"

export const meta = procMeta("org", "org.members.title")

const ROLES = ["purchaser", "approver", "admin"] as const
const PERIODS = ["month", "quarter", "year"] as const

interface Invitation {
  id: string
  email: string
  role: string
  status: "pending" | "expired"
  expires_at: string
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { token, membership } = await requireMember(request)
  const isAdmin = membership.member.role === "admin"
  const [{ members, count }, invitations] = await Promise.all([
    storeCall<{ members: OrgMember[]; count: number }>(token, "/store/organizations/me/members", { query: { limit: 100, offset: 0 } }),
    isAdmin
      ? storeCall<{ invitations: Invitation[] }>(token, "/store/organizations/me/invitations", { query: { limit: 100, offset: 0 } }).then((r) => r.invitations)
      : Promise.resolve([] as Invitation[]),
  ])
  return { members, count, invitations, isAdmin, me: membership.member.id }
}

/** "" → null (no limit); else the amount in yuan. */
const Limit = z
  .string()
  .trim()
  .transform((v) => v.replace(/[,，\s]/g, ""))
  .refine((v) => v === "" || /^\d{1,12}(\.\d{1,2})?$/.test(v))
  .transform((v) => (v === "" ? null : Number(v)))

export async function action({ request }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = procurementTranslator(lang)
  const { token } = await requireMember(request)
  const form = Object.fromEntries(await request.formData())
  const fail = (error: unknown, memberId?: string) => {
    if (error instanceof ProcurementApiError && error.status < 500) return data({ formError: apiMessage(error, lang), memberId: memberId ?? null, invitation: null }, { status: error.status })
    throw error
  }
  if (form.intent === "invite") {
    const parsed = z.object({ email: z.string().trim().toLowerCase().email(), role: z.enum(ROLES) }).safeParse(form)
    if (!parsed.success) return data({ formError: t("account.invalidEmail"), memberId: null, invitation: null }, { status: 400 })
    try {
      const result = await storeCall<{ invitation: Invitation; token: string; accept_path: string }>(token, "/store/organizations/me/invitations", { json: parsed.data })
      // The link is shown once, here (the token is not stored anywhere readable).
      const acceptUrl = `${new URL(request.url).origin}/org/invitations/accept?token=${encodeURIComponent(result.token)}`
      return data({ formError: null, memberId: null, invitation: { email: result.invitation.email, url: acceptUrl } })
    } catch (error) {
      return fail(error)
    }
  }
  const parsed = z
    .object({ member_id: z.string().regex(/^[A-Za-z0-9_]{1,80}$/), role: z.enum(ROLES), limit_per_order: Limit, limit_per_period: Limit, limit_period: z.enum(["", ...PERIODS]) })
    .safeParse(form)
  if (!parsed.success) return data({ formError: t("account.fixErrors"), memberId: typeof form.member_id === "string" ? form.member_id : null, invitation: null }, { status: 400 })
  const { member_id, ...body } = parsed.data
  try {
    await storeCall(token, `/store/organizations/me/members/${encodeURIComponent(member_id)}`, {
      json: { ...body, limit_period: body.limit_per_period === null ? null : body.limit_period || null },
    })
  } catch (error) {
    return fail(error, member_id)
  }
  return redirect("/org/members?saved=1")
}

export default function Members() {
  const { members, count, invitations, isAdmin } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const busy = navigation.state !== "idle"
  const nameOf = (m: OrgMember) => [m.last_name, m.first_name].filter(Boolean).join("") || m.email || m.id
  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t("proc.org.members.title")}</h1>
      {searchParams.get("saved") && !actionData ? (
        <p role="status" className="notice">
          {t("proc.org.members.saved")}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      <p className="hint">{t("proc.org.members.count", { count })}</p>
      {!isAdmin ? <p className="hint">{t("proc.org.members.adminOnly")}</p> : null}
      <div className="table-scroll">
        <table className="orders-table members-table" data-testid="members">
          <thead>
            <tr>
              <th scope="col">{t("proc.org.members.name")}</th>
              <th scope="col">{t("proc.org.members.email")}</th>
              <th scope="col">{t("proc.org.members.role")}</th>
              <th scope="col">{t("proc.org.members.limitPerOrder")}</th>
              <th scope="col">{t("proc.org.members.limitPerPeriod")}</th>
              <th scope="col">{t("proc.org.members.limitPeriod")}</th>
              {isAdmin ? <td /> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const formId = `member-${m.id}`
              return (
                <tr key={m.id} data-testid="member-row" data-email={m.email ?? ""}>
                  <td>{nameOf(m)}</td>
                  <td>{m.email}</td>
                  {isAdmin ? (
                    <>
                      <td>
                        <select name="role" form={formId} defaultValue={m.role} aria-label={`${t("proc.org.members.role")} ${nameOf(m)}`}>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`proc.org.roles.${r}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input name="limit_per_order" form={formId} inputMode="decimal" defaultValue={m.limit_per_order ?? ""} placeholder={t("proc.org.spending.noLimit")} aria-label={`${t("proc.org.members.limitPerOrder")} ${nameOf(m)}`} size={10} />
                      </td>
                      <td>
                        <input name="limit_per_period" form={formId} inputMode="decimal" defaultValue={m.limit_per_period ?? ""} placeholder={t("proc.org.spending.noLimit")} aria-label={`${t("proc.org.members.limitPerPeriod")} ${nameOf(m)}`} size={10} />
                      </td>
                      <td>
                        <select name="limit_period" form={formId} defaultValue={m.limit_period ?? ""} aria-label={`${t("proc.org.members.limitPeriod")} ${nameOf(m)}`}>
                          <option value="">{t("proc.org.members.noPeriod")}</option>
                          {PERIODS.map((p) => (
                            <option key={p} value={p}>
                              {t(`proc.org.periods.${p}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <Form method="post" id={formId}>
                          <input type="hidden" name="member_id" value={m.id} />
                          <button type="submit" name="intent" value="update" disabled={busy} aria-label={t("proc.org.members.editLabel", { name: nameOf(m) })}>
                            {t("proc.org.members.edit")}
                          </button>
                        </Form>
                      </td>
                    </>
                  ) : (
                    <>
                      <td>{t(`proc.org.roles.${m.role}`)}</td>
                      <td>{m.limit_per_order ?? t("proc.org.spending.noLimit")}</td>
                      <td>{m.limit_per_period ?? t("proc.org.spending.noLimit")}</td>
                      <td>{m.limit_period ? t(`proc.org.periods.${m.limit_period}`) : "—"}</td>
                    </>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {isAdmin ? <p className="hint">{t("proc.org.members.emptyLimit")}</p> : null}

      {isAdmin ? (
        <section aria-labelledby="invite-title" className="account-card">
          <h2 id="invite-title">{t("proc.org.members.invite")}</h2>
          {actionData?.invitation ? (
            <div role="status" className="notice" data-testid="invitation-link">
              <p>{t("proc.org.members.invited", { email: actionData.invitation.email })}</p>
              <p>
                <input readOnly value={actionData.invitation.url} aria-label={t("proc.org.accept.title")} className="share-url" />
              </p>
            </div>
          ) : null}
          <Form method="post" className="account-form">
            <div className="field">
              <label htmlFor="invite-email">{t("proc.org.members.inviteEmail")}</label>
              <input id="invite-email" name="email" type="email" inputMode="email" required />
            </div>
            <div className="field">
              <label htmlFor="invite-role">{t("proc.org.members.inviteRole")}</label>
              <select id="invite-role" name="role" defaultValue="purchaser">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`proc.org.roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="intent" value="invite" disabled={busy}>
              {t("proc.org.members.inviteSubmit")}
            </button>
          </Form>
          {invitations.length ? (
            <>
              <h3>{t("proc.org.members.pending")}</h3>
              <ul data-testid="invitations">
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.email} · {t(`proc.org.roles.${i.role}`, { defaultValue: i.role })} · {t(`proc.org.members.status.${i.status}`, { defaultValue: i.status })} ·{" "}
                    {t("proc.org.members.expires")} {formatDateTime(i.expires_at, lang)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  )
}
