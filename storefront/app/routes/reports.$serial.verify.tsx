import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { useRef, useState, type DragEvent } from "react"
import { translator } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { config } from "~/lib/config.server"
import { formatDateTime } from "~/lib/format"
import { languageOf } from "~/lib/session.server"

export const meta: MetaFunction = () => [{ title: "比价报告真伪核验 · 现代公物仓" }]

const SERIAL = /^GWC-CMP-\d{4}-\d{6,}$/
const MAX_BYTES = 20 * 1024 * 1024

interface ReportFacts {
  serial: string
  sha256: string
  generated_at: string
  organization_name: string
  title: string
}

function backend(path: string, init: RequestInit = {}) {
  const { backendUrl, publishableKey } = config()
  const headers = new Headers(init.headers)
  headers.set("x-publishable-api-key", publishableKey)
  return fetch(`${backendUrl.replace(/\/$/, "")}${path}`, { ...init, headers })
}

/** GET /reports/:serial/verify — where the report's QR code leads: the report's public facts and the upload form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(await languageOf(request))
  const serial = params.serial ?? ""
  if (!SERIAL.test(serial)) throw new Response(t("reports.notFound", { serial: serial.slice(0, 40) }), { status: 404 })
  const response = await backend(`/store/reports/${encodeURIComponent(serial)}`)
  if (response.status === 404) throw new Response(t("reports.notFound", { serial }), { status: 404 })
  if (!response.ok) throw new Response(t("reports.failed"), { status: 502 })
  const { report } = (await response.json()) as { report: ReportFacts }
  return { report }
}

type ActionResult = { error: string } | { authentic: boolean; sha256_expected: string; sha256_given: string }

/** POST — the chosen file is sent as is to the backend, which compares its SHA-256 with the stored one. */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(await languageOf(request))
  const serial = params.serial ?? ""
  if (!SERIAL.test(serial)) return data<ActionResult>({ error: t("reports.notFound", { serial: serial.slice(0, 40) }) }, { status: 404 })
  const length = Number(request.headers.get("content-length") ?? 0)
  if (length > MAX_BYTES + 64 * 1024) return data<ActionResult>({ error: t("reports.tooLarge") }, { status: 413 })
  const form = await request.formData()
  const file = form.get("report")
  if (!(file instanceof Blob) || file.size === 0) return data<ActionResult>({ error: t("reports.noFile") }, { status: 400 })
  if (file.size > MAX_BYTES) return data<ActionResult>({ error: t("reports.tooLarge") }, { status: 413 })
  const response = await backend(`/store/reports/${encodeURIComponent(serial)}/verify`, {
    method: "POST",
    headers: { "content-type": "application/pdf" },
    body: new Uint8Array(await file.arrayBuffer()),
  })
  if (response.status === 404) return data<ActionResult>({ error: t("reports.notFound", { serial }) }, { status: 404 })
  if (!response.ok) return data<ActionResult>({ error: t("reports.failed") }, { status: 502 })
  const result = (await response.json()) as { authentic: boolean; sha256_expected: string; sha256_given: string }
  return data<ActionResult>({ authentic: result.authentic, sha256_expected: result.sha256_expected, sha256_given: result.sha256_given })
}

export default function VerifyReport() {
  const { report } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const input = useRef<HTMLInputElement>(null)
  const [fileName, setFileName] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)

  // Dropping a file puts it into the (keyboard-usable) file input, which the form then submits.
  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault()
    setDragging(false)
    const files = event.dataTransfer.files
    if (!files.length || !input.current) return
    input.current.files = files
    setFileName(files[0].name)
  }

  return (
    <section aria-labelledby="verify-title" className="report-verify">
      <h1 id="verify-title">{t("reports.verifyTitle")}</h1>
      <p>{t("reports.intro")}</p>
      <dl className="report-facts">
        <dt>{t("reports.serial")}</dt>
        <dd data-testid="report-serial">{report.serial}</dd>
        <dt>{t("reports.organization")}</dt>
        <dd>{report.organization_name}</dd>
        <dt>{t("reports.title")}</dt>
        <dd>{report.title}</dd>
        <dt>{t("reports.generatedAt")}</dt>
        <dd>{formatDateTime(report.generated_at, lang)}</dd>
        <dt>{t("reports.sha256")}</dt>
        <dd>
          <code>{report.sha256}</code>
        </dd>
      </dl>

      <Form method="post" encType="multipart/form-data" aria-describedby="verify-drop-hint">
        <div
          className={dragging ? "dropzone dragging" : "dropzone"}
          onDragOver={(event) => {
            event.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor="verify-file">{t("reports.file")}</label>{" "}
          <input
            id="verify-file"
            ref={input}
            type="file"
            name="report"
            accept="application/pdf,.pdf"
            required
            onChange={(event) => setFileName(event.currentTarget.files?.[0]?.name ?? null)}
          />
          <p id="verify-drop-hint">{fileName ? t("reports.chosen", { name: fileName }) : t("reports.drop")}</p>
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("reports.submit")}
        </button>
      </Form>

      <div role="status" aria-live="polite" data-testid="verify-result">
        {result && "error" in result ? <p className="error">{result.error}</p> : null}
        {result && "authentic" in result ? (
          <div className={result.authentic ? "verdict authentic" : "verdict tampered"}>
            <p>
              <strong>{result.authentic ? t("reports.authentic") : t("reports.tampered")}</strong>
            </p>
            <p>{result.authentic ? t("reports.authenticText") : t("reports.tamperedText")}</p>
            <p>
              {t("reports.givenHash")}: <code>{result.sha256_given}</code>
            </p>
          </div>
        ) : null}
      </div>
    </section>
  )
}
