package io.fmap.compiler.ir;

import io.fmap.schema.OptionValue;
import java.util.List;

/**
 * The type of a checked expression. Source fields, target columns, literals, params and function
 * results all get one; assignment rules are written against these (see the checker's {@code Types}).
 */
public sealed interface Type {
  /** How the type reads in a diagnostic or the plan: {@code text(160)}, {@code choice(opportunity.salesstage)}. */
  String describe();

  /** Single or multi-line text; {@code maxLength} null when nothing bounds it. */
  record Text(Integer maxLength) implements Type {
    public String describe() { return maxLength == null ? "text" : "text(" + maxLength + ")"; }
  }

  /** Rich text (Spark note bodies): text that carries markup. */
  record Html() implements Type { public String describe() { return "html"; } }

  record Int() implements Type { public String describe() { return "int"; } }

  record Decimal() implements Type { public String describe() { return "decimal"; } }

  record Money() implements Type { public String describe() { return "money"; } }

  record Bool() implements Type { public String describe() { return "bool"; } }

  record Date() implements Type { public String describe() { return "date"; } }

  record DateTime() implements Type { public String describe() { return "datetime"; } }

  /** An opaque record id (source ids, GUIDs). */
  record Id() implements Type { public String describe() { return "id"; } }

  /** A file body (Spark File, note attachments). */
  record File() implements Type { public String describe() { return "file"; } }

  /**
   * One value of an option set: a Spark picklist (values are their labels) or a Dataverse choice.
   *
   * @param owner   {@code system.table.column} the options belong to, for messages and value-map matching
   * @param options the values, in schema order
   */
  record Choice(String owner, List<OptionValue> options) implements Type {
    public Choice { options = List.copyOf(options); }
    public String describe() { return "choice(" + owner + ")"; }
  }

  /** Several values of an option set. */
  record Choices(String owner, List<OptionValue> options) implements Type {
    public Choices { options = List.copyOf(options); }
    public String describe() { return "choices(" + owner + ")"; }
  }

  /** A reference to a migrated row of one of these target tables (what {@code ref(...)} gives). */
  record Lookup(List<String> tables) implements Type {
    public Lookup { tables = List.copyOf(tables); }
    public String describe() { return "lookup(" + String.join(", ", tables) + ")"; }
  }

  /** A resolved owner (what {@code owner(...)} gives): a systemuser or team. */
  record Owner() implements Type { public String describe() { return "owner"; } }

  record ListOf(Type element) implements Type {
    public String describe() { return "list(" + element.describe() + ")"; }
  }

  /** The {@code null} literal: fits anywhere, and says nothing about the value. */
  record Null() implements Type { public String describe() { return "null"; } }

  /**
   * A value whose type is not known: a pass-through column, or an expression already reported as
   * wrong. It is accepted everywhere so that one mistake is reported once.
   */
  record Unknown() implements Type { public String describe() { return "unknown"; } }

  Type TEXT = new Text(null);
  Type HTML = new Html();
  Type INT = new Int();
  Type DECIMAL = new Decimal();
  Type MONEY = new Money();
  Type BOOL = new Bool();
  Type DATE = new Date();
  Type DATETIME = new DateTime();
  Type ID = new Id();
  Type FILE = new File();
  Type OWNER = new Owner();
  Type NULL = new Null();
  Type UNKNOWN = new Unknown();

  default boolean isNumeric() { return this instanceof Int || this instanceof Decimal || this instanceof Money; }

  /** Text-like: anything a text column takes as it is. */
  default boolean isTextual() { return this instanceof Text || this instanceof Html || this instanceof Id; }
}
