"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { OfferRow } from "@/server/offers/offers";
import type { ListOffersInput } from "@/server/schemas/offers";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import styles from "./offer-directory.module.css";
import { OfferForm } from "./offer-form";
import { DuplicateCandidates } from "./duplicate-candidates";
import { CoverageGrid } from "./coverage-grid";
import { OfferFilters, noOfferFilters } from "./offer-filters";

export function OfferDirectory({ mayManage, mayReadCoverage }: { mayManage: boolean; mayReadCoverage: boolean }) {
  const t = useTranslations("offers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<ListOffersInput>(noOfferFilters);
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

  const offers = list.data?.offers ?? [];

  return (
    <>
      <section aria-labelledby="offer-directory-title">
        <h2 id="offer-directory-title">{t("directory")}</h2>
        <OfferFilters languages={languages.data} kommunen={kommunen.data} onApply={setFilters} />
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
