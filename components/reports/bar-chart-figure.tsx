"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";

interface Props {
  id: string;
  title: string;
  data: { label: string; count: number }[];
}

/** A bar chart with its numbers in a table beside it: the picture for the eye, the table for everyone. */
export function BarChartFigure({ id, title, data }: Props) {
  const t = useTranslations("reports.dashboard");
  return (
    <figure className="card chart-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <h2>{title}</h2>
      </figcaption>
      {data.length === 0 ? (
        <p>{t("noData")}</p>
      ) : (
        <>
          <div className="chart" role="img" aria-label={`${title}: ${data.map((d) => `${d.label} ${d.count}`).join(", ")}`}>
            <ResponsiveContainer width="100%" height={Math.max(160, data.length * 34)}>
              <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={{ fill: "#1b1f24" }} />
                <YAxis type="category" dataKey="label" width={220} tick={{ fill: "#1b1f24", fontSize: 13 }} />
                <Tooltip />
                <Bar dataKey="count" name={t("count")} fill="#0b4f7c" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details>
            <summary>{t("chartTable")}</summary>
            <table>
              <tbody>
                {data.map((d) => (
                  <tr key={d.label}>
                    <th scope="row">{d.label}</th>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
