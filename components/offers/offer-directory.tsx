"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { OfferRow } from "@/server/offers/offers";
import { lifeAreas, type LifeArea } from "@/server/schemas/case-kinds";
import { Field } from "../forms/field";
import { SelectField } from "../forms/select-field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import styles from "./offer-directory.module.css";
import { OfferForm } from "./offer-form";
import { DuplicateCandidates } from "./duplicate-candidates";
import { CoverageGrid } from "./coverage-grid";

interface Filters {
  search: string;
  lifeArea: LifeArea | "";
  language: string;
  kommuneId: string;
  includeInactive: boolean;
}

const noFilters: Filters = { search: "", lifeArea: "", language: "", kommuneId: "", includeInactive: false };

export function OfferDirectory({ mayManage, mayReadCoverage }: { mayManage: boolean; mayReadCoverage: boolean }) {
  const t = useTranslations("offers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>(noFilters);
  // The old results stay on screen while new ones load, so the table does not flicker.
  const list = useQuery(trpc.offers.list.queryOptions(filters, { placeholderData: keepPreviousData }));
  const languages = useQuery(trpc.offers.languages.queryOptions());
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const organisations = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const [editing, setEditing] = useState<OfferRow | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [formSuccess, setFormSuccess] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const focusForm = useRef(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.offers.pathKey() });
  const setActive = useMutation(trpc.offers.setActive.mutationOptions({ onSuccess: refresh }));

  useEffect(() => {
    // Keyboard users land on the form they just opened, not at the top of the page.
    if (focusForm.current) formHeading.current?.focus();
    focusForm.current = false;
  }, [editing]);

  function startEditing(offer: OfferRow) {
    focusForm.current = true;
    setFormSuccess(null);
    setEditing(offer);
  }

  function toggleActive(offer: OfferRow, onDone: (message: string) => void) {
    setActive.mutate(
      { id: offer.id, isActive: !offer.isActive },
      { onSuccess: () => onDone(t(offer.isActive ? "deactivated" : "reactivated", { title: offer.title })) },
    );
  }

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters({
      search: String(form.get("search") ?? ""),
      lifeArea: String(form.get("lifeArea") ?? "") as LifeArea | "",
      language: String(form.get("language") ?? ""),
      kommuneId: String(form.get("kommuneId") ?? ""),
      includeInactive: form.get("includeInactive") === "on",
    });
  }

  const offers = list.data?.offers ?? [];

  return (
    <>
      <section aria-labelledby="offer-directory-title">
        <h2 id="offer-directory-title">{t("directory")}</h2>
        <form role="search" aria-label={t("filters")} onSubmit={onFilter} onReset={() => setFilters(noFilters)} className={styles.filters}>
          <Field id="offer-search" label={t("search")} hint={t("searchHint")}>
            {(d) => <input id="offer-search" name="search" type="search" maxLength={200} {...d} />}
          </Field>
          <Field id="offer-filter-life-area" label={t("lifeArea")}>
            {(d) => (
              <select id="offer-filter-life-area" name="lifeArea" defaultValue="" {...d}>
                <option value="">{t("allLifeAreas")}</option>
                {lifeAreas.map((area) => (
                  <option key={area} value={area}>
                    {t(`lifeAreas.${area}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="offer-filter-language" label={t("language")}>
            {(d) => (
              <select id="offer-filter-language" name="language" defaultValue="" {...d}>
                <option value="">{t("allLanguages")}</option>
                {languages.data?.map((language) => (
                  <option key={language} value={language}>
                    {language}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SelectField
            id="offer-filter-kommune"
            name="kommuneId"
            label={t("kommune")}
            hint={t("kommuneFilterHint")}
            options={kommunen.data}
            emptyLabel={t("allKommunen")}
          />
          <div className={styles.checkbox}>
            <input id="offer-filter-inactive" name="includeInactive" type="checkbox" />
            <label htmlFor="offer-filter-inactive">{t("includeInactive")}</label>
          </div>
          <div className="form-actions">
            <button type="submit" className="button-primary">
              {t("applyFilters")}
            </button>
            <button type="reset" className="button-secondary">
              {t("resetFilters")}
            </button>
          </div>
        </form>
        {list.error && (
          <p role="alert" className="form-error">
            {list.error.message}
          </p>
        )}
        <p role="status">{list.isSuccess ? t("resultCount", { count: offers.length }) : ""}</p>
        {list.data?.hasMore && <p>{t("resultsTruncated", { count: offers.length })}</p>}
        <FormStatus error={setActive.error?.message} success={status} />
        <OfferTable
          offers={offers}
          mayManage={mayManage}
          onEdit={startEditing}
          onToggleActive={(offer) => toggleActive(offer, setStatus)}
          pending={setActive.isPending}
        />
      </section>
      {mayManage && (
        <section aria-labelledby="offer-form-title" className="card">
          <h2 id="offer-form-title" ref={formHeading} tabIndex={-1}>
            {editing ? t("editOffer", { title: editing.title }) : t("newOffer")}
          </h2>
          {/* Outside the keyed form, so the message survives the switch back to "new". */}
          <FormStatus success={formSuccess} />
          <OfferForm
            key={editing?.id ?? "new"}
            editing={editing}
            organisations={organisations.data ?? []}
            kommunen={kommunen.data ?? []}
            onSubmitStart={() => setFormSuccess(null)}
            onSaved={async (message) => {
              setFormSuccess(message);
              if (editing) {
                focusForm.current = true;
                setEditing(null);
              }
              await refresh();
            }}
            onCancel={() => {
              focusForm.current = true;
              setEditing(null);
            }}
          />
        </section>
      )}
      {mayManage && <DuplicateCandidates onEdit={startEditing} onToggleActive={toggleActive} pending={setActive.isPending} />}
      {mayReadCoverage && <CoverageGrid />}
    </>
  );
}

export function OfferTable({
  offers,
  mayManage,
  onEdit,
  onToggleActive,
  pending,
}: {
  offers: OfferRow[];
  mayManage: boolean;
  onEdit: (offer: OfferRow) => void;
  onToggleActive: (offer: OfferRow) => void;
  pending: boolean;
}) {
  const t = useTranslations("offers");
  return (
    <table>
      <caption className="visually-hidden">{t("directory")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("offerTitle")}</th>
          <th scope="col">{t("provider")}</th>
          <th scope="col">{t("lifeAreasColumn")}</th>
          <th scope="col">{t("targetGroup")}</th>
          <th scope="col">{t("languages")}</th>
          <th scope="col">{t("kommune")}</th>
          <th scope="col">{t("contact")}</th>
          <th scope="col">{t("status")}</th>
          {mayManage && <th scope="col">{t("actions")}</th>}
        </tr>
      </thead>
      <tbody>
        {offers.map((offer) => (
          <tr key={offer.id}>
            <td>
              <strong>{offer.title}</strong>
              {offer.description && <p className={styles.description}>{offer.description}</p>}
            </td>
            <td>{offer.providerName ?? t("noProvider")}</td>
            <td>{offer.lifeAreas.map((area) => t(`lifeAreas.${area}`)).join(", ")}</td>
            <td>{offer.targetGroup}</td>
            <td>{offer.languages.join(", ")}</td>
            <td>{offer.kommuneName ?? t("countywide")}</td>
            <td className={styles.contact}>{offer.contact}</td>
            <td>{offer.isActive ? t("active") : t("inactive")}</td>
            {mayManage && (
              <td>
                <div className="row-actions">
                  <button type="button" className="button-link" onClick={() => onEdit(offer)}>
                    {t("edit")} <span className="visually-hidden">{offer.title}</span>
                  </button>
                  <button type="button" className="button-link" onClick={() => onToggleActive(offer)} disabled={pending}>
                    {offer.isActive ? t("deactivate") : t("reactivate")} <span className="visually-hidden">{offer.title}</span>
                  </button>
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
