import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { useLanguage, useProcurementQuery, when, yuan } from "../../../lib/admin-api"
import { QueryState } from "../../../lib/parts"
import { AuditTable } from "../../../lib/audit-table"

interface OrganizationDetail {
  id: string
  name: string
  type: string
  credit_code: string | null
  status: "active" | "suspended"
  annual_budget: number | null
  budget_year: number | null
  created_at: string
  member_count: number
  members: {
    id: string
    email: string | null
    first_name: string | null
    last_name: string | null
    role: string
    limit_per_order: number | null
    limit_per_period: number | null
    limit_period: string | null
  }[]
  invitations: {
    id: string
    email: string
    role: string
    expires_at: string
    status: string
  }[]
}

/** One buyer organisation: its facts, members with roles and limits, open invitations and change history. */
const OrganizationPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { id = "" } = useParams()
  const { data, error, loading } = useProcurementQuery<{
    organization: OrganizationDetail
  }>(`/admin/organizations/${encodeURIComponent(id)}`)
  const organization = data?.organization

  return (
    <div className="flex flex-col gap-y-3">
      <Link to="/organizations" className="text-ui-fg-interactive text-sm hover:underline">
        ← {t("gwcProcurement.detail.back")}
      </Link>
      {error || loading || !organization ? (
        <Container>
          <QueryState error={error} loading={loading || !organization}>
            {null}
          </QueryState>
        </Container>
      ) : (
        <>
          <Container className="flex flex-col gap-y-2">
            <div className="flex items-center gap-x-3">
              <Heading level="h1">{organization.name}</Heading>
              <StatusBadge color={organization.status === "active" ? "green" : "red"}>
                {t(`gwcProcurement.status.${organization.status}`)}
              </StatusBadge>
            </div>
            <Text size="small">
              {t(`gwcProcurement.type.${organization.type}`)} · {t("gwcProcurement.list.creditCode")}{" "}
              <span className="font-mono">{organization.credit_code ?? "—"}</span> · {t("gwcProcurement.list.createdAt")}{" "}
              {when(organization.created_at, lang)}
            </Text>
            <Text size="small">
              {organization.budget_year
                ? t("gwcProcurement.detail.budgetOf", {
                    year: organization.budget_year,
                  })
                : t("gwcProcurement.list.budget")}
              : {yuan(organization.annual_budget, lang)}
            </Text>
          </Container>
          <Container className="flex flex-col gap-y-2">
            <Heading level="h2">
              {t("gwcProcurement.detail.members")} ({organization.member_count})
            </Heading>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("gwcProcurement.detail.person")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcProcurement.detail.email")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcProcurement.detail.role")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcProcurement.detail.perOrder")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcProcurement.detail.perPeriod")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {organization.members.map((member) => (
                  <Table.Row key={member.id}>
                    <Table.Cell>{[member.last_name, member.first_name].filter(Boolean).join("") || "—"}</Table.Cell>
                    <Table.Cell>{member.email ?? "—"}</Table.Cell>
                    <Table.Cell>{t(`gwcProcurement.role.${member.role}`)}</Table.Cell>
                    <Table.Cell>{yuan(member.limit_per_order, lang)}</Table.Cell>
                    <Table.Cell>
                      {yuan(member.limit_per_period, lang)}
                      {member.limit_period ? ` ${t(`gwcProcurement.period.${member.limit_period}`)}` : ""}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </Container>
          <Container className="flex flex-col gap-y-2">
            <Heading level="h2">{t("gwcProcurement.detail.invitations")}</Heading>
            {organization.invitations.length ? (
              <ul className="text-sm">
                {organization.invitations.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} · {t(`gwcProcurement.role.${invitation.role}`)} · {t("gwcProcurement.detail.expires")}{" "}
                    {when(invitation.expires_at, lang)}
                  </li>
                ))}
              </ul>
            ) : (
              <Text className="text-ui-fg-subtle">{t("gwcProcurement.common.none")}</Text>
            )}
          </Container>
          <Container className="flex flex-col gap-y-2">
            <Heading level="h2">{t("gwcProcurement.detail.audit")}</Heading>
            <AuditTable filters={new URLSearchParams({ organization_id: organization.id })} />
          </Container>
        </>
      )}
    </div>
  )
}

export default OrganizationPage
