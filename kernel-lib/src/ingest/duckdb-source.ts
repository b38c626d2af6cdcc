/** Parquet through DuckDB: schema, typed column expressions, chunked streaming. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** A column of a typed file, as DuckDB describes it. */
export interface TypedColumn { name: string; type: string }

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Quote an identifier for DuckDB SQL. */
export const sqlIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Internal: open an in-memory DuckDB, run `fn`, always close. */
export async function withDuckDb<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await fn(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** SQL table expression reading a Parquet file. */
export const parquetFrom = (file: string) => `read_parquet(${sqlString(file)})`;

/** Column names and DuckDB type names of a table expression. */
export async function describe(c: DuckDBConnection, from: string): Promise<TypedColumn[]> {
  const r = await c.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  return r.getRowObjectsJS().map((o) => ({ name: String(o.column_name), type: String(o.column_type) }));
}

/**
 * Stream `sql` chunk by chunk; `onChunk(get, rows)` reads values by (column, row) within the chunk.
 * Returns the number of rows streamed.
 */
export async function streamChunks(c: DuckDBConnection, sql: string,
  onChunk: (columns: { getItem(i: number): unknown }[], rows: number) => void): Promise<number> {
  const result = await c.stream(sql);
  let total = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cols = [];
    for (let k = 0; k < chunk.columnCount; k++) cols.push(chunk.getColumnVector(k));
    onChunk(cols as { getItem(i: number): unknown }[], chunk.rowCount);
    total += chunk.rowCount;
  }
  return total;
}
