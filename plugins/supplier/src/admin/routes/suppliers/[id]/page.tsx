import { Badge, Button, Checkbox, Container, Heading, Label, StatusBadge, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { adminFetch, formatDate, localized, STATUS_COLOR, useAdminQuery, useLang, type SupplierStatus } from "../../../lib/api"

type Decision = "approve" | "reject" | "suspend" | "reinstate"

interface SupplierDetail {
  supplier: {
    id: string
    code: string
    company_name: string
    credit_code: string
    credit_code_checksum_ok: boolean
    credit_code_override: boolean
    legal_representative: string
    contact_name: string
    contact_phone: string
    contact_email: string
    region: string
    categories_served: { handles?: string[] } | null
    qualification_documents: { documents?: { name: string; url: string }[] } | null
    status: SupplierStatus
    review_note: string | null
    reviewed_at: string | null
    created_at: string
    members: { id: string; name: string; email: string; role: "owner" | "staff" }[]
  }
  audit: { id: string; actor_type: "supplier" | "operator" | "system"; actor_id: string | null; action: string; subject_type: string; data: Record<string, unknown> | null; created_at: string }[]
  pending_changes: { id: string; kind: "create" | "update"; product_id: string; created_at: string; proposed: { title?: string } }[]
}

/** What each status allows (the backend enforces the same). */
const DECISIONS: Record<SupplierStatus, Decision[]> = {
  pending: ["approve", "reject"],
  approved: ["suspend"],
  suspended: ["reinstate"],
  rejected: [],
}

const NEEDS_NOTE = new Set<Decision>(["reject", "suspend"])

/** Only http(s) links are shown as links (a document URL is the supplier's input). */
const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : null)

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 px-6 py-3 sm:grid-cols-[220px_1fr]">
      <Text size="small" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="text-ui-fg-base break-words text-sm">{children}</div>
    </div>
  )
}

/** 供应商审核页: the company, its documents, members and audit log, and the admission decision. */
const SupplierReviewPage = () => {
  const { id = "" } = useParams()
  const { t } = useTranslation()
  const lang = useLang()
  const { data, error, loading, reload } = useAdminQuery<SupplierDetail>(`/admin/suppliers/${encodeURIComponent(id)}`)
  const [note, setNote] = useState("")
  const [confirmCode, setConfirmCode] = useState(false)
  const [busy, setBusy] = useState<Decision | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  if (error) {
    return (
      <Container className="flex flex-col gap-3 p-6" role="alert">
        <Text className="text-ui-fg-error">{t("gwcSupplier.common.error", { message: localized(error, lang) })}</Text>
        <Link to="/suppliers" className="text-ui-fg-interactive">
          {t("gwcSupplier.detail.back")}
        </Link>
      </Container>
    )
  }
  if (loading || !data) return <Container className="p-6">{t("gwcSupplier.common.loading")}</Container>

  const { supplier, audit, pending_changes } = data
  const documents = supplier.qualification_documents?.documents ?? []
  const categories = supplier.categories_served?.handles ?? []
  const decisions = DECISIONS[supplier.status]

  const decide = async (decision: Decision) => {
    setFormError(null)
    if (NEEDS_NOTE.has(decision) && !note.trim()) {
      setFormError(t("gwcSupplier.common.noteRequired"))
      return
    }
    setBusy(decision)
    try {
      await adminFetch(`/admin/suppliers/${encodeURIComponent(supplier.id)}/decision`, {
        body: {
          decision,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(decision === "approve" && !supplier.credit_code_checksum_ok ? { confirm_credit_code: confirmCode } : {}),
        },
      })
      toast.success(t("gwcSupplier.common.done", { action: t(`gwcSupplier.detail.decisions.${decision}`) }))
      setNote("")
      setConfirmCode(false)
      reload()
    } catch (e) {
      setFormError(localized((e as Error).message, lang))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Link to="/suppliers" className="text-ui-fg-interactive text-sm">
              ← {t("gwcSupplier.detail.back")}
            </Link>
            <Heading level="h1">{supplier.company_name}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {supplier.code} · {formatDate(supplier.created_at, lang)}
            </Text>
          </div>
          <StatusBadge color={STATUS_COLOR[supplier.status]}>{t(`gwcSupplier.status.${supplier.status}`)}</StatusBadge>
        </div>
        <Fact label={t("gwcSupplier.detail.creditCode")}>
          <span className="font-mono">{supplier.credit_code}</span>{" "}
          {supplier.credit_code_checksum_ok ? (
            <Badge size="2xsmall" color="green">
              {t("gwcSupplier.detail.checksumOk")}
            </Badge>
          ) : supplier.credit_code_override ? (
            <Badge size="2xsmall" color="blue">
              {t("gwcSupplier.detail.overridden")}
            </Badge>
          ) : (
            <Text size="small" className="text-ui-fg-error mt-1" role="note">
              {t("gwcSupplier.detail.checksumFailed")}
            </Text>
          )}
        </Fact>
        <Fact label={t("gwcSupplier.detail.legalRepresentative")}>{supplier.legal_representative}</Fact>
        <Fact label={t("gwcSupplier.detail.region")}>{supplier.region}</Fact>
        <Fact label={t("gwcSupplier.detail.contact")}>{supplier.contact_name}</Fact>
        <Fact label={t("gwcSupplier.detail.phone")}>{supplier.contact_phone}</Fact>
        <Fact label={t("gwcSupplier.detail.email")}>{supplier.contact_email}</Fact>
        <Fact label={t("gwcSupplier.detail.categories")}>{categories.length ? categories.join(", ") : t("gwcSupplier.common.none")}</Fact>
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">{t("gwcSupplier.detail.decision")}</Heading>
          {supplier.review_note ? (
            <Text size="small" className="text-ui-fg-subtle mt-1">
              {t("gwcSupplier.detail.reviewNote", { note: supplier.review_note })}
            </Text>
          ) : null}
        </div>
        {decisions.length ? (
          <div className="flex flex-col gap-y-3 px-6 py-4">
            {supplier.status === "approved" ? (
              <Text size="small" className="text-ui-fg-subtle">
                {t("gwcSupplier.detail.suspendHint")}
              </Text>
            ) : null}
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="decision-note" size="small">
                {t("gwcSupplier.common.note")}
              </Label>
              <Textarea id="decision-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} aria-describedby="decision-note-hint" />
              <Text id="decision-note-hint" size="xsmall" className="text-ui-fg-subtle">
                {t("gwcSupplier.common.noteRequired")}
              </Text>
            </div>
            {decisions.includes("approve") && !supplier.credit_code_checksum_ok ? (
              <div className="flex items-center gap-x-2">
                <Checkbox id="confirm-credit-code" checked={confirmCode} onCheckedChange={(v) => setConfirmCode(v === true)} />
                <Label htmlFor="confirm-credit-code" size="small">
                  {t("gwcSupplier.detail.confirmCode")}
                </Label>
              </div>
            ) : null}
            {formError ? (
              <Text size="small" className="text-ui-fg-error" role="alert">
                {formError}
              </Text>
            ) : null}
            <div className="flex flex-wrap gap-2">
              {decisions.map((decision) => (
                <Button
                  key={decision}
                  variant={decision === "approve" || decision === "reinstate" ? "primary" : "danger"}
                  isLoading={busy === decision}
                  disabled={busy !== null || (decision === "approve" && !supplier.credit_code_checksum_ok && !confirmCode)}
                  onClick={() => decide(decision)}
                >
                  {t(`gwcSupplier.detail.${decision}`)}
                </Button>
              ))}
            </div>
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            {t("gwcSupplier.detail.noDecision")}
          </Text>
        )}
      </Container>

      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          {t("gwcSupplier.detail.documents")}
        </Heading>
        <div className="px-6 py-4">
          {documents.length ? (
            <ul className="flex list-disc flex-col gap-y-1 pl-5">
              {documents.map((doc, i) => {
                const url = safeUrl(doc.url)
                return (
                  <li key={`${doc.url}-${i}`}>
                    {url ? (
                      <a href={url} target="_blank" rel="noreferrer noopener" className="text-ui-fg-interactive hover:underline">
                        {doc.name}
                      </a>
                    ) : (
                      <span>
                        {doc.name} ({doc.url})
                      </span>
                    )}
                  </li>
                )
              })}
            </ul>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {t("gwcSupplier.detail.noDocuments")}
            </Text>
          )}
        </div>
      </Container>

      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          {t("gwcSupplier.detail.members")}
        </Heading>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("gwcSupplier.detail.memberName")}</Table.HeaderCell>
              <Table.HeaderCell>{t("gwcSupplier.detail.memberEmail")}</Table.HeaderCell>
              <Table.HeaderCell>{t("gwcSupplier.detail.memberRole")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {supplier.members.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>{m.name}</Table.Cell>
                <Table.Cell>{m.email}</Table.Cell>
                <Table.Cell>{t(`gwcSupplier.detail.roles.${m.role}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>

      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
          <Heading level="h2">{t("gwcSupplier.detail.pendingChanges")}</Heading>
          {pending_changes.length ? (
            <Link to={`/listing-changes?supplier_id=${encodeURIComponent(supplier.id)}`} className="text-ui-fg-interactive text-sm">
              {t("gwcSupplier.detail.openInbox")}
            </Link>
          ) : null}
        </div>
        <div className="px-6 py-4">
          {pending_changes.length ? (
            <ul className="flex flex-col gap-y-1">
              {pending_changes.map((c) => (
                <li key={c.id} className="text-sm">
                  <Badge size="2xsmall">{t(`gwcSupplier.changes.kinds.${c.kind}`)}</Badge> {c.proposed?.title ?? c.product_id} · {formatDate(c.created_at, lang)}
                </li>
              ))}
            </ul>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {t("gwcSupplier.detail.noPendingChanges")}
            </Text>
          )}
        </div>
      </Container>

      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          {t("gwcSupplier.detail.audit")}
        </Heading>
        {audit.length ? (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("gwcSupplier.detail.auditWhen")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcSupplier.detail.auditWho")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcSupplier.detail.auditAction")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcSupplier.detail.auditDetails")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {audit.map((entry) => (
                <Table.Row key={entry.id}>
                  <Table.Cell className="whitespace-nowrap">{formatDate(entry.created_at, lang)}</Table.Cell>
                  <Table.Cell>{t(`gwcSupplier.detail.actors.${entry.actor_type}`)}</Table.Cell>
                  <Table.Cell className="font-mono text-xs">{entry.action}</Table.Cell>
                  <Table.Cell className="max-w-[420px] truncate text-xs" title={entry.data ? JSON.stringify(entry.data) : ""}>
                    {entry.data && typeof entry.data.note === "string" && entry.data.note ? entry.data.note : entry.data ? JSON.stringify(entry.data) : ""}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            {t("gwcSupplier.detail.noAudit")}
          </Text>
        )}
      </Container>
    </div>
  )
}

export default SupplierReviewPage
