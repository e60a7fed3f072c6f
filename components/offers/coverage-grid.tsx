"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { lifeAreas, type LifeArea } from "@/server/schemas/case-kinds";
import { useTRPC } from "../trpc/client";
import styles from "./offer-directory.module.css";

export function CoverageGrid() {
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
