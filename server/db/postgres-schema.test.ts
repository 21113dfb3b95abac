import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as liveSchema from './live-schema.ts';
import * as postgresSchema from './postgres-schema.ts';
import * as schema from './schema.ts';

/** What both dialects must agree on, table by table: columns, their kind and nullability, keys and indexes. */
function shape(config: ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>) {
  const kind = (dataType: string) => (dataType === 'number' ? 'number' : dataType);
  return {
    columns: Object.fromEntries(config.columns.map((column) => [column.name, {
      kind: kind(column.dataType), notNull: column.notNull, primary: column.primary, unique: column.isUnique,
      enum: column.enumValues ?? null,
    }])),
    primaryKeys: config.primaryKeys.map((key) => key.columns.map((column) => column.name)),
    indexes: Object.fromEntries(config.indexes.map((index) => [index.config.name, {
      unique: index.config.unique, columns: index.config.columns.map((column) => (column as { name: string }).name),
    }])),
    foreignKeys: config.foreignKeys.map((key) => {
      const reference = key.reference();
      return `${reference.columns.map((column) => column.name).join()} -> ${reference.foreignColumns.map((column) => column.name).join()}`;
    }),
  };
}

/**
 * What only several instances on one PostgreSQL need (docs/operations.md, Several instances): the
 * single SQLite instance keeps these in memory, and an index there would cost every webhook.
 */
const POSTGRES_ONLY = {
  tables: ['send_rates'],
  indexes: { inbound_messages: ['inbound_messages_pending_contact_idx'], outbox: ['outbox_unsent_idx', 'outbox_unsent_conversation_idx'] } as Record<string, string[]>,
};

describe('the SQLite and PostgreSQL schemas', () => {
  it('have the same tables, columns, keys and indexes', () => {
    const sqlite = Object.fromEntries(Object.values({ ...schema, ...liveSchema }).filter((value) => value instanceof SQLiteTable)
      .map((table) => sqliteTableConfig(table)).map((config) => [config.name, shape(config)]));
    const postgres = Object.fromEntries(Object.values(postgresSchema).filter((value) => value instanceof PgTable)
      .map((table) => pgTableConfig(table)).filter((config) => !POSTGRES_ONLY.tables.includes(config.name))
      .map((config) => [config.name, shape({ ...config, indexes: config.indexes.filter((index) => !POSTGRES_ONLY.indexes[config.name]?.includes(index.config.name!)) })]));
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    for (const name of Object.keys(sqlite)) expect({ table: name, ...postgres[name] }).toEqual({ table: name, ...sqlite[name] });
  });
});
