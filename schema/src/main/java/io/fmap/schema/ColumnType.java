package io.fmap.schema;

/** Value types shared by both systems; the checker's type rules are written against these. */
public enum ColumnType {
  /** single-line text, bounded by maxLength */
  TEXT,
  /** multi-line text */
  MEMO,
  /** rich text / HTML body */
  HTML,
  INT,
  BIGINT,
  DECIMAL,
  DOUBLE,
  MONEY,
  BOOL,
  /** calendar date without time */
  DATE,
  /** instant (UTC) */
  DATETIME,
  /** one value of an option set */
  CHOICE,
  /** several values of an option set (Dataverse MultiSelectPicklist, Spark multi_picklist) */
  CHOICES,
  /** Dataverse statecode */
  STATE,
  /** Dataverse statuscode */
  STATUS,
  /** GUID / opaque source id; the primary id column */
  ID,
  /** reference to one row of one or more target tables (polymorphic when several) */
  LOOKUP,
  /** Dataverse customer lookup (account or contact) */
  CUSTOMER,
  /** Dataverse ownerid (systemuser or team) */
  OWNER,
  /** Spark: several references (company_ids, contact_ids) */
  LOOKUP_LIST,
  /** Spark: a list of plain values (email recipients, attendees) */
  TEXT_LIST,
  /** binary body (attachment, file column) */
  FILE,
  /** Dataverse EntityName columns (objecttypecode, ...) and other values fmap passes through */
  OTHER
}
