import { Button, Heading, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { NativeSelect, OutcomeLine, type Outcome } from "./parts"

export interface FormField {
  name: string
  label: string
  type?: "text" | "number" | "date" | "datetime-local" | "textarea" | "select"
  required?: boolean
  hint?: string
  options?: { value: string; label: string }[]
  /** Wider input (e.g. stories, URLs). */
  wide?: boolean
}

export type FormValues = Record<string, string>

/**
 * A small form: the fields, a submit button that is busy while `onSubmit` runs, and the outcome —
 * the backend's refusal (in the operator's language) or the line `onSubmit` returns. The values
 * are cleared after success unless `keep` is set. `idPrefix` keeps the labels unique on a page.
 */
export function SimpleForm({
  title,
  submitLabel,
  fields,
  initial,
  idPrefix,
  keep,
  onSubmit,
  onCancel,
  cancelLabel,
}: {
  title?: string
  submitLabel: string
  fields: FormField[]
  initial?: FormValues
  idPrefix: string
  keep?: boolean
  onSubmit: (values: FormValues) => Promise<string>
  onCancel?: () => void
  cancelLabel?: string
}) {
  const empty = () => Object.fromEntries(fields.map((field) => [field.name, initial?.[field.name] ?? (field.type === "select" ? field.options?.[0]?.value ?? "" : "")]))
  const [values, setValues] = useState<FormValues>(empty)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const initialKey = JSON.stringify(initial ?? {})
  useEffect(() => {
    setValues(empty())
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialKey])
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setOutcome(null)
    try {
      const done = await onSubmit(values)
      if (!keep) setValues(empty())
      setOutcome({ done })
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="flex flex-col gap-y-3" onSubmit={submit}>
      {title ? <Heading level="h2">{title}</Heading> : null}
      <div className="flex flex-wrap items-end gap-3">
        {fields.map((field) => {
          const id = `${idPrefix}-${field.name}`
          const set = (value: string) => setValues((previous) => ({ ...previous, [field.name]: value }))
          return (
            <div key={field.name} className={`flex flex-col gap-y-1 ${field.wide ? "w-full max-w-2xl" : ""}`}>
              <Label htmlFor={id} size="small">
                {field.label}
              </Label>
              {field.type === "textarea" ? (
                <Textarea id={id} required={field.required} maxLength={4000} value={values[field.name] ?? ""} onChange={(event) => set(event.target.value)} />
              ) : field.type === "select" ? (
                <NativeSelect id={id} required={field.required} value={values[field.name] ?? ""} onChange={(event) => set(event.target.value)}>
                  {(field.options ?? []).map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </NativeSelect>
              ) : (
                <Input
                  id={id}
                  type={field.type ?? "text"}
                  required={field.required}
                  maxLength={field.type === "number" ? undefined : 500}
                  value={values[field.name] ?? ""}
                  onChange={(event) => set(event.target.value)}
                />
              )}
              {field.hint ? (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {field.hint}
                </Text>
              ) : null}
            </div>
          )
        })}
        <Button type="submit" isLoading={busy} disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
        ) : null}
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  )
}

/** Drops empty strings, so optional fields are left out of the request. */
export function filled(values: FormValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== "").map(([key, value]) => [key, value.trim()]))
}
