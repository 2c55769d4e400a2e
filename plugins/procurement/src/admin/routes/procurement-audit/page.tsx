import { defineRouteConfig } from "@medusajs/admin-sdk"
import { History } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { AuditTable } from "../../lib/audit-table"

const FIELDS = ["entity_type", "organization_id", "from", "to"] as const
const LABELS: Record<(typeof FIELDS)[number], string> = {
  entity_type: "entityType",
  organization_id: "organization",
  from: "from",
  to: "to",
}

/** 采购审计日志: every state change in procurement, filtered by record type, organisation and period. */
const ProcurementAuditPage = () => {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Record<(typeof FIELDS)[number], string>>({
    entity_type: "",
    organization_id: "",
    from: "",
    to: "",
  })
  const [filters, setFilters] = useState(new URLSearchParams())
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setFilters(new URLSearchParams(Object.entries(draft).filter(([, value]) => value.trim())))
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcProcurement.menu.audit")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcProcurement.audit.intro")}
        </Text>
      </div>
      <form className="flex flex-wrap items-end gap-3 px-6 py-4" role="search" onSubmit={submit}>
        {FIELDS.map((field) => (
          <div key={field} className="flex flex-col gap-y-1">
            <Label htmlFor={`audit-${field}`} size="small">
              {t(`gwcProcurement.audit.${LABELS[field]}`)}
            </Label>
            <Input
              id={`audit-${field}`}
              type={field === "from" || field === "to" ? "date" : "text"}
              maxLength={100}
              value={draft[field]}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            />
          </div>
        ))}
        <Button type="submit" variant="secondary">
          {t("gwcProcurement.common.apply")}
        </Button>
      </form>
      <div className="px-6 py-4">
        <AuditTable key={filters.toString()} filters={filters} />
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcProcurement.menu.audit",
  translationNs: "translation",
  icon: History,
  rank: 21,
})

export default ProcurementAuditPage
