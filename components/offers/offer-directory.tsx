"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { DuplicateOfferCandidate, OfferRow } from "@/server/offers/offers";
import { lifeAreas, type LifeArea } from "@/server/schemas/case-kinds";
import { Field } from "../forms/field";
import { SelectField } from "../forms/select-field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";
import styles from "./offer-directory.module.css";

interface Filters {
  search: string;
  lifeArea: LifeArea | "";
  language: string;
  kommuneId: string;
  includeInactive: boolean;
}

const noFilters: Filters = { search: "", lifeArea: "", language: "", kommuneId: "", includeInactive: false };

interface Choice {
  id: string;
  name: string;
}

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

function OfferTable({
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

function splitLanguages(text: string): string[] {
  return text
    .split(",")
    .map((language) => language.trim())
    .filter(Boolean);
}

function OfferForm({
  editing,
  organisations,
  kommunen,
  onSubmitStart,
  onSaved,
  onCancel,
}: {
  editing: OfferRow | null;
  organisations: Choice[];
  kommunen: Choice[];
  onSubmitStart: () => void;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const create = useMutation(trpc.offers.create.mutationOptions());
  const update = useMutation(trpc.offers.update.mutationOptions());
  const mutation = editing ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const lifeAreasErrorId = errors.lifeAreas ? "offer-life-areas-error" : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const values = {
      title: String(form.get("title") ?? ""),
      providerOrganisationId: String(form.get("providerOrganisationId") ?? ""),
      description: String(form.get("description") ?? ""),
      lifeAreas: form.getAll("lifeAreas").map(String) as LifeArea[],
      targetGroup: String(form.get("targetGroup") ?? ""),
      languages: splitLanguages(String(form.get("languages") ?? "")),
      kommuneId: String(form.get("kommuneId") ?? ""),
      contact: String(form.get("contact") ?? ""),
    };
    onSubmitStart();
    if (editing) {
      update.mutate({ id: editing.id, ...values }, { onSuccess: (saved) => onSaved(t("offers.updated", { title: saved.title })) });
    } else {
      create.mutate(values, {
        onSuccess: async (saved) => {
          formElement.reset();
          await onSaved(t("offers.created", { title: saved.title }));
        },
      });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="offer-form-title">
      <FormStatus error={mutation.error && !Object.keys(errors).length ? mutation.error.message : null} />
      <Field id="offer-title" label={t("offers.offerTitle")} error={errors.title}>
        {(d) => <input id="offer-title" name="title" defaultValue={editing?.title} required {...d} />}
      </Field>
      <Field id="offer-provider" label={t("offers.provider")} error={errors.providerOrganisationId}>
        {(d) => (
          <select id="offer-provider" name="providerOrganisationId" defaultValue={editing?.providerOrganisationId ?? ""} {...d}>
            <option value="">{t("offers.noProvider")}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="offer-description" label={t("offers.description")} error={errors.description}>
        {(d) => <textarea id="offer-description" name="description" rows={4} defaultValue={editing?.description} {...d} />}
      </Field>
      <fieldset className={errors.lifeAreas ? "field-invalid" : undefined} aria-describedby={lifeAreasErrorId}>
        <legend>{t("offers.lifeAreasLegend")}</legend>
        {errors.lifeAreas && (
          <p className="field-error" id={lifeAreasErrorId}>
            {errors.lifeAreas}
          </p>
        )}
        <div className={styles.checkboxes}>
          {lifeAreas.map((area) => (
            <div key={area} className={styles.checkbox}>
              <input
                id={`offer-life-area-${area}`}
                name="lifeAreas"
                type="checkbox"
                value={area}
                defaultChecked={editing?.lifeAreas.includes(area)}
              />
              <label htmlFor={`offer-life-area-${area}`}>{t(`offers.lifeAreas.${area}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id="offer-target-group" label={t("offers.targetGroup")} error={errors.targetGroup}>
        {(d) => <input id="offer-target-group" name="targetGroup" defaultValue={editing?.targetGroup} {...d} />}
      </Field>
      <Field id="offer-languages" label={t("offers.languages")} hint={t("offers.languagesHint")} error={errors.languages}>
        {(d) => <input id="offer-languages" name="languages" defaultValue={editing?.languages.join(", ")} {...d} />}
      </Field>
      <Field id="offer-kommune" label={t("offers.kommune")} error={errors.kommuneId}>
        {(d) => (
          <select id="offer-kommune" name="kommuneId" defaultValue={editing?.kommuneId ?? ""} {...d}>
            <option value="">{t("offers.countywide")}</option>
            {kommunen.map((kommune) => (
              <option key={kommune.id} value={kommune.id}>
                {kommune.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="offer-contact" label={t("offers.contact")} hint={t("offers.contactHint")} error={errors.contact}>
        {(d) => <textarea id="offer-contact" name="contact" rows={3} defaultValue={editing?.contact} {...d} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("app.saving") : editing ? t("app.save") : t("app.create")}
        </button>
        {editing && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t("app.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function DuplicateCandidates({
  onEdit,
  onToggleActive,
  pending,
}: {
  onEdit: (offer: OfferRow) => void;
  onToggleActive: (offer: OfferRow, onDone: (message: string) => void) => void;
  pending: boolean;
}) {
  const t = useTranslations("offers");
  const trpc = useTRPC();
  const candidates = useQuery(trpc.offers.duplicateCandidates.queryOptions());
  const [status, setStatus] = useState<string | null>(null);
  const reasonOf = (candidate: DuplicateOfferCandidate) =>
    candidate.reason === "sameTitle"
      ? t("duplicates.sameTitle")
      : t("duplicates.sameProviderLifeArea", {
          areas: candidate.lifeAreas.map((area) => t(`lifeAreas.${area}`)).join(", "),
        });
  const labelOf = (offer: OfferRow) =>
    t("duplicates.offerLabel", {
      title: offer.title,
      provider: offer.providerName ?? t("noProvider"),
      kommune: offer.kommuneName ?? t("countywide"),
    });

  return (
    <section aria-labelledby="offer-duplicates-title">
      <h2 id="offer-duplicates-title">{t("duplicates.title")}</h2>
      <p>{t("duplicates.intro")}</p>
      <FormStatus success={status} />
      {candidates.error && (
        <p role="alert" className="form-error">
          {candidates.error.message}
        </p>
      )}
      {candidates.isSuccess && candidates.data.length === 0 && <p>{t("duplicates.none")}</p>}
      {candidates.isSuccess && candidates.data.length > 0 && (
        <table>
          <caption className="visually-hidden">{t("duplicates.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("duplicates.reason")}</th>
              <th scope="col">{t("duplicates.offersColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.data.map((candidate) => (
              <tr key={`${candidate.reason}-${candidate.offers.map((offer) => offer.id).join("-")}`}>
                <td>{reasonOf(candidate)}</td>
                <td>
                  <ul className={styles.candidateList}>
                    {candidate.offers.map((offer) => (
                      <li key={offer.id}>
                        <span>{labelOf(offer)}</span>
                        <span className="row-actions">
                          <button type="button" className="button-link" onClick={() => onEdit(offer)}>
                            {t("edit")} <span className="visually-hidden">{labelOf(offer)}</span>
                          </button>
                          <button type="button" className="button-link" disabled={pending} onClick={() => onToggleActive(offer, setStatus)}>
                            {t("deactivate")} <span className="visually-hidden">{labelOf(offer)}</span>
                          </button>
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CoverageGrid() {
  const t = useTranslations("offers");
  const trpc = useTRPC();
  const coverage = useQuery(trpc.offers.coverage.queryOptions());
  const columns = [...(coverage.data?.kommunen ?? []), { id: null, name: t("countywide") }];
  const countOf = (lifeArea: LifeArea, kommuneId: string | null) =>
    coverage.data?.cells.find((cell) => cell.lifeArea === lifeArea && cell.kommuneId === kommuneId)?.activeOffers ?? 0;
  const gaps = coverage.data?.cells.filter((cell) => cell.activeOffers === 0).length ?? 0;
  const levelClass = (count: number) =>
    count === 0 ? styles.gap : count === 1 ? styles.level1 : count === 2 ? styles.level2 : styles.level3;

  return (
    <section aria-labelledby="offer-coverage-title">
      <h2 id="offer-coverage-title">{t("coverage.title")}</h2>
      <p>{t("coverage.intro")}</p>
      {coverage.error && (
        <p role="alert" className="form-error">
          {coverage.error.message}
        </p>
      )}
      {coverage.isSuccess && (
        <>
          <p>{t("coverage.gapCount", { count: gaps })}</p>
          <table className={styles.coverage}>
            <caption>{t("coverage.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("coverage.lifeAreaColumn")}</th>
                {columns.map((column) => (
                  <th scope="col" key={column.id ?? "countywide"}>
                    {column.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lifeAreas.map((area) => (
                <tr key={area}>
                  <th scope="row">{t(`lifeAreas.${area}`)}</th>
                  {columns.map((column) => {
                    const count = countOf(area, column.id);
                    return (
                      <td key={column.id ?? "countywide"} className={levelClass(count)}>
                        {count === 0 ? (
                          <>
                            <span aria-hidden="true">0 · </span>
                            {t("coverage.gap")}
                          </>
                        ) : (
                          t("coverage.cell", { count })
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
