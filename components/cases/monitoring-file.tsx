"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { contactChannels, contactKinds, lifeAreas } from "@/server/schemas/case-kinds";
import { addContactSchema, addInterimReviewSchema } from "@/server/schemas/cases";
import { FormCheckboxGroup, FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { errorsByPath, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import type { CaseSectionProps } from "./case-props";
import { formatDay } from "./case-list";
import { newContact, newInterimReview } from "./case-form-values";
import { ReviewFields } from "./review-fields";
import { DraftNotice, useFormDraft } from "./use-form-draft";

export function MonitoringFile({ caseId, status, abilities }: CaseSectionProps) {
  const t = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const file = useQuery(trpc.cases.monitoringFile.queryOptions({ caseId }));
  const [success, setSuccess] = useState<Record<string, string | null>>({});
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.cases.monitoringFile.queryKey({ caseId }) });
    router.refresh();
  };
  const onContactAdded = async () => {
    setSuccess({ contact: t("monitoring.contactAdded") });
    await refresh();
  };
  const onReviewAdded = async () => {
    setSuccess({ review: t("monitoring.reviewAdded") });
    await refresh();
  };

  return (
    <>
      <h1>{t("tabs.monitoring")}</h1>
      <section aria-labelledby="contacts-title" className="card wide">
        <h2 id="contacts-title">{t("monitoring.contacts")}</h2>
        {file.data && file.data.contacts.length === 0 && <p>{t("monitoring.noContacts")}</p>}
        {file.data && file.data.contacts.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("monitoring.contactOn")}</th>
                <th scope="col">{t("monitoring.channel")}</th>
                <th scope="col">{t("monitoring.kind")}</th>
                <th scope="col">{t("monitoring.duration")}</th>
                <th scope="col">{t("monitoring.topic")}</th>
              </tr>
            </thead>
            <tbody>
              {file.data.contacts.map((c) => (
                <tr key={c.id}>
                  <td>{formatDay(format, c.contactOn)}</td>
                  <td>{t(`channels.${c.channel}`)}</td>
                  <td>{t(`contactKinds.${c.kind}`)}</td>
                  <td>{c.durationMinutes}</td>
                  <td>{c.topic}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {abilities.write && <ContactForm caseId={caseId} onAdded={onContactAdded} success={success.contact ?? null} />}
      </section>

      <section aria-labelledby="reviews-title" className="card wide">
        <h2 id="reviews-title">{t("monitoring.interimReviews")}</h2>
        {file.data && file.data.interimReviews.length === 0 && <p>{t("monitoring.noReviews")}</p>}
        <ul>
          {file.data?.interimReviews.map((r) => (
            <li key={r.id}>
              {formatDay(format, r.reviewedOn)}: {t(`situationChanges.${r.situationChange}`)}
              {r.topic ? `, ${r.topic}` : ""}
            </li>
          ))}
        </ul>
        {abilities.write && status === "active" && (
          <InterimReviewForm caseId={caseId} onAdded={onReviewAdded} success={success.review ?? null} />
        )}
      </section>
    </>
  );
}

/** Kontaktbogen: one contact with the client, autosaved as a draft until it is documented. */
function ContactForm({ caseId, onAdded, success }: { caseId: string; onAdded: () => Promise<void>; success: string | null }) {
  const t = useTranslations("cases");
  const trpc = useTRPC();
  const form = useZodForm(addContactSchema, { defaultValues: newContact(caseId) });
  const { attachForm, ...draft } = useFormDraft(caseId, "contact", true, { form });
  const addContact = useMutation(
    trpc.cases.addContact.mutationOptions({ onSuccess: onAdded, onError: (error) => setServerErrors(form, error) }),
  );
  const alert = useFormAlert(form, addContact.error);
  const onSubmit = form.handleSubmit((values) =>
    addContact.mutate(values, {
      onSuccess: () => {
        form.reset(newContact(caseId));
        draft.clear();
      },
    }),
  );

  return (
    <form ref={attachForm} onChange={draft.onChange} noValidate onSubmit={onSubmit}>
      <h3>{t("monitoring.addContact")}</h3>
      <DraftNotice draft={draft} />
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="contactOn" id="contact-date" label={t("monitoring.contactOn")}>
        {(control) => <input {...control} type="date" />}
      </FormField>
      <FormField form={form} name="channel" id="contact-channel" label={t("monitoring.channel")}>
        {(control) => (
          <select {...control}>
            {contactChannels.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="kind" id="contact-kind" label={t("monitoring.kind")}>
        {(control) => (
          <select {...control}>
            {contactKinds.map((k) => (
              <option key={k} value={k}>
                {t(`contactKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="durationMinutes" id="contact-duration" label={t("monitoring.duration")}>
        {(control) => <input {...control} type="number" min={1} max={600} inputMode="numeric" />}
      </FormField>
      <FormField form={form} name="topic" id="contact-topic" label={t("monitoring.topic")}>
        {(control) => <input {...control} />}
      </FormField>
      <FormCheckboxGroup
        form={form}
        name="lifeAreas"
        legend={t("monitoring.lifeAreas")}
        options={lifeAreas.map((area) => ({ value: area, label: t(`lifeAreas.${area}`) }))}
      />
      <button type="submit" className="button-primary" disabled={addContact.isPending}>
        {t("monitoring.addContact")}
      </button>
    </form>
  );
}

/** Zwischenstandsbogen of an active case, autosaved as a draft until it is recorded. */
function InterimReviewForm({ caseId, onAdded, success }: { caseId: string; onAdded: () => Promise<void>; success: string | null }) {
  const t = useTranslations("cases");
  const trpc = useTRPC();
  const form = useZodForm(addInterimReviewSchema, { defaultValues: newInterimReview(caseId) });
  const { attachForm, ...draft } = useFormDraft(caseId, "interim-review", true, { form });
  const addReview = useMutation(
    trpc.cases.addInterimReview.mutationOptions({ onSuccess: onAdded, onError: (error) => setServerErrors(form, error) }),
  );
  const alert = useFormAlert(form, addReview.error);
  const onSubmit = form.handleSubmit((values) =>
    addReview.mutate(values, {
      onSuccess: () => {
        form.reset(newInterimReview(caseId));
        draft.clear();
      },
    }),
  );

  return (
    <form ref={attachForm} onChange={draft.onChange} noValidate onSubmit={onSubmit}>
      <h3>{t("monitoring.addReview")}</h3>
      <DraftNotice draft={draft} />
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="reviewedOn" id="review-date" label={t("monitoring.reviewedOn")}>
        {(control) => <input {...control} type="date" />}
      </FormField>
      <FormField form={form} name="topic" id="review-topic" label={t("monitoring.reviewTopic")}>
        {(control) => <input {...control} />}
      </FormField>
      <ReviewFields idPrefix="review" errors={errorsByPath(form.formState.errors)} register={(name) => form.register(name as "topic")} />
      <button type="submit" className="button-primary" disabled={addReview.isPending}>
        {t("monitoring.addReview")}
      </button>
    </form>
  );
}
