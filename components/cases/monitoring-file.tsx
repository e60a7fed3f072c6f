"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { contactChannels, contactKinds, lifeAreas } from "@/server/schemas/case-kinds";
import type { AddContactInput } from "@/server/schemas/cases";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import type { CaseSectionProps } from "./case-props";
import { formatDay } from "./case-list";
import { nestedFieldErrors } from "./create-case-form";
import { ReviewFields, reviewFromForm } from "./review-fields";
import { DraftNotice, useFormDraft } from "./use-form-draft";

export function MonitoringFile({ caseId, status, abilities }: CaseSectionProps) {
  const t = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const file = useQuery(trpc.cases.monitoringFile.queryOptions({ caseId }));
  const { attachForm: attachContactForm, ...contactDraft } = useFormDraft(caseId, "contact", abilities.write);
  const { attachForm: attachReviewForm, ...reviewDraft } = useFormDraft(caseId, "interim-review", abilities.write && status === "active");
  const [success, setSuccess] = useState<Record<string, string | null>>({});
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.cases.monitoringFile.queryKey({ caseId }) });
    router.refresh();
  };
  const addContact = useMutation(
    trpc.cases.addContact.mutationOptions({
      onSuccess: async () => {
        setSuccess({ contact: t("monitoring.contactAdded") });
        await refresh();
      },
    }),
  );
  const addReview = useMutation(
    trpc.cases.addInterimReview.mutationOptions({
      onSuccess: async () => {
        setSuccess({ review: t("monitoring.reviewAdded") });
        await refresh();
      },
    }),
  );
  const contactErrors = nestedFieldErrors(addContact.error);
  const reviewErrors = nestedFieldErrors(addReview.error);

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
        {abilities.write && (
          <form
            ref={attachContactForm}
            onChange={contactDraft.onChange}
            noValidate
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const formElement = event.currentTarget;
              const form = new FormData(formElement);
              const input: AddContactInput = {
                caseId,
                contactOn: String(form.get("contactOn") ?? ""),
                channel: String(form.get("channel")) as AddContactInput["channel"],
                kind: String(form.get("kind")) as AddContactInput["kind"],
                durationMinutes: Number(form.get("durationMinutes") || 0),
                topic: String(form.get("topic") ?? ""),
                lifeAreas: form.getAll("lifeAreas").map(String) as AddContactInput["lifeAreas"],
              };
              addContact.mutate(input, {
                onSuccess: () => {
                  formElement.reset();
                  contactDraft.clear();
                },
              });
            }}
          >
            <h3>{t("monitoring.addContact")}</h3>
            <DraftNotice draft={contactDraft} />
            <FormStatus error={addContact.error?.message} success={success.contact} />
            <Field id="contact-date" label={t("monitoring.contactOn")} error={contactErrors.contactOn}>
              {(d) => <input id="contact-date" name="contactOn" type="date" defaultValue={todayInBerlin()} {...d} />}
            </Field>
            <Field id="contact-channel" label={t("monitoring.channel")} error={contactErrors.channel}>
              {(d) => (
                <select id="contact-channel" name="channel" defaultValue="in_person" {...d}>
                  {contactChannels.map((c) => (
                    <option key={c} value={c}>
                      {t(`channels.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="contact-kind" label={t("monitoring.kind")} error={contactErrors.kind}>
              {(d) => (
                <select id="contact-kind" name="kind" defaultValue="counselling" {...d}>
                  {contactKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`contactKinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="contact-duration" label={t("monitoring.duration")} error={contactErrors.durationMinutes}>
              {(d) => <input id="contact-duration" name="durationMinutes" type="number" min={1} max={600} inputMode="numeric" {...d} />}
            </Field>
            <Field id="contact-topic" label={t("monitoring.topic")} error={contactErrors.topic}>
              {(d) => <input id="contact-topic" name="topic" {...d} />}
            </Field>
            <fieldset>
              <legend>{t("monitoring.lifeAreas")}</legend>
              <ul className="checkbox-list">
                {lifeAreas.map((area) => (
                  <li key={area}>
                    <label className="inline-choice">
                      <input type="checkbox" name="lifeAreas" value={area} /> {t(`lifeAreas.${area}`)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" className="button-primary" disabled={addContact.isPending}>
              {t("monitoring.addContact")}
            </button>
          </form>
        )}
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
          <form
            ref={attachReviewForm}
            onChange={reviewDraft.onChange}
            noValidate
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const formElement = event.currentTarget;
              const form = new FormData(formElement);
              addReview.mutate(
                {
                  caseId,
                  reviewedOn: String(form.get("reviewedOn") ?? ""),
                  topic: String(form.get("topic") ?? ""),
                  ...reviewFromForm(form),
                },
                {
                  onSuccess: () => {
                    formElement.reset();
                    reviewDraft.clear();
                  },
                },
              );
            }}
          >
            <h3>{t("monitoring.addReview")}</h3>
            <DraftNotice draft={reviewDraft} />
            <FormStatus error={addReview.error?.message} success={success.review} />
            <Field id="review-date" label={t("monitoring.reviewedOn")} error={reviewErrors.reviewedOn}>
              {(d) => <input id="review-date" name="reviewedOn" type="date" defaultValue={todayInBerlin()} {...d} />}
            </Field>
            <Field id="review-topic" label={t("monitoring.reviewTopic")} error={reviewErrors.topic}>
              {(d) => <input id="review-topic" name="topic" {...d} />}
            </Field>
            <ReviewFields idPrefix="review" errors={reviewErrors} />
            <button type="submit" className="button-primary" disabled={addReview.isPending}>
              {t("monitoring.addReview")}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
