import { sql, type Column, type SQL } from 'drizzle-orm';
import { STATUS_RANK } from './live-store.ts';

// SQL pieces the SQLite and PostgreSQL live stores write the same way in both dialects.

/** `excluded.<column>` in an upsert: the value the refused INSERT carried. */
export const excluded = (column: Column): SQL => sql.raw(`excluded."${column.name}"`);

/** A status's rank (STATUS_RANK) in SQL, so an upsert can refuse to move a status backwards. */
export const statusRank = (status: SQL | Column): SQL =>
  sql`CASE ${status} ${sql.raw(Object.entries(STATUS_RANK).map(([name, rank]) => `WHEN '${name}' THEN ${rank}`).join(' '))} ELSE 0 END`;
