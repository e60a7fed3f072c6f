"use client";

import type { ReactNode } from "react";

interface Column<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
}

/**
 * The list of links with a secret someone handed out (guest links, screening invitations): under
 * its heading, the loading error, the empty text or one row per link with its status and actions.
 */
export function SecretLinkTable<Row extends { id: string }>({
  heading,
  error,
  rows,
  empty,
  columns,
  actionsLabel,
  actions,
}: {
  heading: string;
  error: string | undefined;
  rows: Row[] | undefined;
  empty: string;
  columns: Column<Row>[];
  actionsLabel: string;
  /** What may be done with one link (revoke, …); the buttons name the link for screen readers. */
  actions: (row: Row) => ReactNode;
}) {
  return (
    <>
      <h3>{heading}</h3>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p>{empty}</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column.label}>
                  {column.label}
                </th>
              ))}
              <th scope="col">{actionsLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {columns.map((column) => (
                  <td key={column.label}>{column.cell(row)}</td>
                ))}
                <td>{actions(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
