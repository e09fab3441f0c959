package io.fmap.compiler.fmt;

import static io.fmap.compiler.fmt.ExpressionPrinter.constant;
import static io.fmap.compiler.fmt.ExpressionPrinter.literal;
import static io.fmap.compiler.fmt.ExpressionPrinter.name;
import static io.fmap.compiler.fmt.ExpressionPrinter.pad;
import static io.fmap.compiler.fmt.ExpressionPrinter.qualified;
import static io.fmap.compiler.fmt.ExpressionPrinter.text;

import io.fmap.compiler.ast.*;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.parse.Keywords;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical layout of a .fmap file: one declaration after another with one blank line
 * between, two-space indents, one assignment a line with the {@code =} signs aligned, and every
 * comment kept — own-line comments above what follows them, end-of-line comments at the end of
 * the line they were on. Blank lines inside a block are kept (at most one).
 */
public final class Formatter {

  /** Headers longer than this put their {@code when} on its own line, as the language guide shows. */
  static final int HEADER_WIDTH = 100;
  private static final String INDENT = "  ";

  private final List<Comment> comments;
  private int nextComment;
  private final List<Line> out = new ArrayList<>();
  /** The source line where the last written thing ended; 0 before anything is written. */
  private int lastLine;

  private Formatter(SourceFile file) {
    this.comments = file.comments();
  }

  /** The formatted text of a file that parsed without errors. */
  public static String format(SourceFile file) {
    return new Formatter(file).file(file);
  }

  private String file(SourceFile file) {
    boolean previousWasBlock = false;
    for (Declaration declaration : file.declarations()) {
      // Blocks stand apart; runs of one-line declarations (params, columns) keep the source's grouping.
      boolean block = isBlock(declaration);
      leading(declaration.span(), "", block || previousWasBlock);
      declaration(declaration);
      previousWasBlock = block;
    }
    flushOwnLines(Integer.MAX_VALUE, "");
    return render(out);
  }

  /** One output line: code, and the end-of-line comment that goes with it. */
  private static final class Line {
    final String code;
    final boolean ownComment;
    String comment;

    Line(String code, boolean ownComment) {
      this.code = code;
      this.ownComment = ownComment;
    }

    int indent() {
      return code.length() - code.stripLeading().length();
    }
  }

  /**
   * End-of-line comments line up within a run of lines at the same indent, as in the language
   * guide, unless that would push them past {@link #HEADER_WIDTH}.
   */
  private static String render(List<Line> lines) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      int end = i + 1;
      while (end < lines.size() && sameRun(lines.get(i), lines.get(end))) end++;
      int column = 0;
      for (int j = i; j < end; j++) {
        if (lines.get(j).comment != null) column = Math.max(column, lines.get(j).code.length() + 2);
      }
      for (int j = i; j < end; j++) {
        Line line = lines.get(j);
        text.append(line.code);
        if (line.comment != null) {
          int at = column <= HEADER_WIDTH ? column : line.code.length() + 2;
          text.append(" ".repeat(at - line.code.length())).append(line.comment);
        }
        text.append('\n');
      }
      i = end;
    }
    return text.toString();
  }

  private static boolean sameRun(Line first, Line next) {
    return !first.code.isEmpty() && !next.code.isEmpty() && !first.ownComment && !next.ownComment
        && first.indent() == next.indent();
  }

  private static boolean isBlock(Declaration declaration) {
    return declaration instanceof MapDecl || declaration instanceof ValueMapDecl || declaration instanceof TableDecl;
  }

  private void declaration(Declaration declaration) {
    if (declaration instanceof MapDecl m) {
      map(m);
    } else if (declaration instanceof ValueMapDecl v) {
      valueMap(v);
    } else if (declaration instanceof TableDecl t) {
      table(t);
    } else {
      line(single(declaration));
      trailing(declaration.span(), "");
    }
  }

  private static String single(Declaration declaration) {
    if (declaration instanceof ImportDecl i) return "import " + text(i.path());
    if (declaration instanceof ParamDecl p) {
      return "param " + name(p.name()) + ": " + type(p.type())
          + p.defaultValue().map(v -> " = " + ExpressionPrinter.print(v)).orElse("");
    }
    if (declaration instanceof ColumnDecl c) {
      return "column " + qualified(c.column()) + ": " + type(c.type()) + (c.required() ? " required" : "");
    }
    if (declaration instanceof RelationshipDecl r) {
      return "relationship " + qualified(r.name()) + ": " + qualified(r.left()) + " "
          + r.cardinality().keyword() + " " + qualified(r.right())
          + r.links().map(l -> " from " + qualified(l)).orElse("");
    }
    ProcessDecl p = (ProcessDecl) declaration;
    return "process " + text(p.name()) + " on " + qualified(p.table()) + " stages ["
        + p.stages().stream().map(s -> text(s.value())).collect(Collectors.joining(", ")) + "]";
  }

  private void map(MapDecl map) {
    String head = "map " + qualified(map.source()) + " -> " + qualified(map.target());
    String routing = "";
    Span header = map.target().span();
    if (map.routing() instanceof Routing.When when) {
      routing = " when " + ExpressionPrinter.print(when.condition());
      header = header.to(when.span());
    } else if (map.routing() instanceof Routing.Otherwise otherwise) {
      routing = " otherwise";
      header = header.to(otherwise.span());
    }
    String rest = "";
    if (map.where().isPresent()) {
      rest += " where " + ExpressionPrinter.print(map.where().get());
      header = header.to(map.where().get().span());
    }
    if (!map.after().isEmpty()) {
      rest += " after " + map.after().stream().map(ExpressionPrinter::qualified).collect(Collectors.joining(", "));
      header = header.to(map.after().get(map.after().size() - 1).span());
    }
    String oneLine = head + routing + rest + " {";
    if (oneLine.length() > HEADER_WIDTH && !routing.isEmpty()) {
      line(head);
      line(INDENT + routing.strip() + rest);
      line("{");
    } else {
      line(oneLine);
    }
    trailing(map.source().span().to(header), "");
    List<String> heads = map.items().stream().map(Formatter::itemHead).toList();
    int width = heads.stream().mapToInt(String::length).max().orElse(0);
    for (int i = 0; i < map.items().size(); i++) {
      MapItem item = map.items().get(i);
      leading(item.span(), INDENT, false);
      line(INDENT + pad(heads.get(i), width) + " = " + itemValue(item).replace("\n", "\n" + INDENT));
      trailing(item.span(), INDENT);
    }
    close(map.span());
  }

  /** What follows the {@code =}: the expression, and for a party its {@code each} and tables. */
  private static String itemValue(MapItem item) {
    if (item instanceof Assignment a) return ExpressionPrinter.print(a.value());
    if (item instanceof LetBinding let) return ExpressionPrinter.print(let.value());
    PartyItem p = (PartyItem) item;
    return (p.each() ? "each " : "") + ExpressionPrinter.print(p.address()) + " resolve "
        + p.resolve().stream().map(ExpressionPrinter::qualified).collect(Collectors.joining(", "));
  }

  private static String itemHead(MapItem item) {
    if (item instanceof LetBinding let) return "let " + let.name().text();
    if (item instanceof PartyItem party) return "party " + name(party.role());
    Assignment a = (Assignment) item;
    String target = a.target().segments().stream().map(ExpressionPrinter::name).collect(Collectors.joining("."));
    return (a.key() ? "key " : "") + target;
  }

  private void valueMap(ValueMapDecl v) {
    line("valuemap " + name(v.name()) + ": " + qualified(v.sourceField()) + " -> " + qualified(v.targetField()) + " {");
    trailing(v.sourceField().span().to(v.targetField().span()), "");
    int width = v.mappings().stream().mapToInt(m -> literal(m.from()).length()).max().orElse(0);
    if (v.otherwise().isPresent()) width = Math.max(width, "else".length());
    for (ValueMapping m : v.mappings()) {
      leading(m.span(), INDENT, false);
      line(INDENT + pad(literal(m.from()), width) + " -> " + constant(m.to()));
      trailing(m.span(), INDENT);
    }
    if (v.otherwise().isPresent()) {
      ValueElse otherwise = v.otherwise().get();
      leading(otherwise.span(), INDENT, false);
      line(INDENT + pad("else", width) + " -> " + constant(otherwise.to()));
      trailing(otherwise.span(), INDENT);
    }
    close(v.span());
  }

  private void table(TableDecl t) {
    line("table " + qualified(t.table()) + " {");
    trailing(t.table().span(), "");
    int width = t.columns().stream().mapToInt(c -> name(c.name()).length() + 1).max().orElse(0);
    for (TableColumn c : t.columns()) {
      leading(c.span(), INDENT, false);
      line(INDENT + pad(name(c.name()) + ":", width) + " " + type(c.type()) + (c.required() ? " required" : ""));
      trailing(c.span(), INDENT);
    }
    close(t.span());
  }

  static String type(TypeRef type) {
    StringBuilder out = new StringBuilder(name(type.name()));
    if (!type.args().isEmpty()) {
      out.append('(').append(type.args().stream()
          .map(a -> a instanceof TypeArg.Number n ? Long.toString(n.value()) : qualified(((TypeArg.Named) a).name()))
          .collect(Collectors.joining(", "))).append(')');
    }
    if (!type.options().isEmpty()) {
      out.append(" { ").append(type.options().stream().map(Formatter::option).collect(Collectors.joining(", "))).append(" }");
    }
    return out.toString();
  }

  private static String option(ChoiceOption option) {
    String label = Keywords.needsQuotes(option.label()) ? text(option.label()) : option.label();
    return label + (option.value().isPresent() ? " = " + option.value().getAsLong() : "");
  }

  // ------------------------------------------------------------------ comments and blank lines

  /** Comments before a node go on their own lines above it; a blank line is kept or forced before the group. */
  private void leading(Span node, String indent, boolean blankBefore) {
    boolean blank = blankBefore;
    while (nextComment < comments.size() && comments.get(nextComment).span().startOffset() < node.startOffset()) {
      Comment c = comments.get(nextComment++);
      separate(c.span().startLine(), blank);
      blank = false;
      comment(indent + c.text().strip());
      lastLine = c.span().endLine();
    }
    separate(node.startLine(), blank);
    lastLine = node.endLine();
  }

  /** Comments inside a node or after it on its last line go at the end of the written line; any more below it. */
  private void trailing(Span node, String indent) {
    List<Comment> after = new ArrayList<>();
    while (nextComment < comments.size()) {
      Comment c = comments.get(nextComment);
      if (c.span().startOffset() >= node.endOffset() && c.span().startLine() != node.endLine()) break;
      after.add(c);
      nextComment++;
    }
    if (after.isEmpty()) return;
    out.get(out.size() - 1).comment = after.get(0).text().strip();
    for (Comment c : after.subList(1, after.size())) comment(indent + c.text().strip());
    lastLine = Math.max(lastLine, after.get(after.size() - 1).span().endLine());
  }

  /** The closing brace of a block, after the comments left inside it. */
  private void close(Span block) {
    flushOwnLines(block.endOffset(), INDENT);
    line("}");
    trailing(new Span(block.file(), block.endLine(), block.endColumn(), block.endLine(), block.endColumn(),
        block.endOffset(), block.endOffset()), "");
    lastLine = Math.max(lastLine, block.endLine());
  }

  private void flushOwnLines(int beforeOffset, String indent) {
    while (nextComment < comments.size() && comments.get(nextComment).span().startOffset() < beforeOffset) {
      Comment c = comments.get(nextComment++);
      separate(c.span().startLine(), false);
      comment(indent + c.text().strip());
      lastLine = c.span().endLine();
    }
  }

  /** One blank line when asked for, or when the source had at least one here. */
  private void separate(int sourceLine, boolean force) {
    if (out.isEmpty()) return;
    boolean alreadyBlank = out.get(out.size() - 1).code.isEmpty();
    if (!alreadyBlank && (force || sourceLine > lastLine + 1)) out.add(new Line("", false));
  }

  /** Code; a value printed over several lines (a match) becomes several lines. */
  private void line(String text) {
    for (String part : text.split("\n", -1)) out.add(new Line(part.stripTrailing(), false));
  }

  private void comment(String text) {
    out.add(new Line(text, true));
  }
}
