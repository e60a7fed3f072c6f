import { sql } from "drizzle-orm";
import type { Database } from "@/db";

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/**
 * Every row of every table of the database as text, like a dump: found through
 * information_schema, so a table added later is searched too. Binary columns are read in the
 * escape format, where ASCII text stored in them (Yjs updates) stays legible; other letters show
 * as octal escapes, so search them for ASCII values.
 */
export async function dumpDatabaseText(db: Database): Promise<string> {
  const columns = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name, c.data_type
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`),
  );
  const tables = new Map<string, { column_name: string; data_type: string }[]>();
  for (const column of columns) tables.set(column.table_name, [...(tables.get(column.table_name) ?? []), column]);
  const parts: string[] = [];
  for (const [table, tableColumns] of tables) {
    const expressions = tableColumns.map((c) =>
      c.data_type === "bytea"
        ? sql`coalesce(encode(${sql.identifier(c.column_name)}, 'escape'), '')`
        : sql`coalesce(${sql.identifier(c.column_name)}::text, '')`,
    );
    const rows = rowsOf<{ line: string }>(
      await db.execute(sql`select concat_ws(' | ', ${sql.join(expressions, sql`, `)}) as line from ${sql.identifier(table)}`),
    );
    parts.push(`== ${table}`, ...rows.map((r) => r.line));
  }
  return parts.join("\n");
}
