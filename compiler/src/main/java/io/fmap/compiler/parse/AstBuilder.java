package io.fmap.compiler.parse;

import io.fmap.compiler.ast.*;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import io.fmap.grammar.FMapLexer;
import io.fmap.grammar.FMapParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parse tree → immutable AST, one small method per construct. A declaration in which the
 * parser had to recover (or which holds an impossible literal) is left out of the tree: its
 * findings are already reported, and later phases only see what the user really wrote.
 */
final class AstBuilder {

  private final Spans spans;
  private final List<Diagnostic> diagnostics;

  AstBuilder(Spans spans, List<Diagnostic> diagnostics) {
    this.spans = spans;
    this.diagnostics = diagnostics;
  }

  /**
   * The longest expression fmap reads, in tokens. Later phases walk expression trees
   * recursively; this bound keeps their depth far from the stack limit whatever the input.
   */
  static final int MAX_EXPRESSION_TOKENS = 2000;

  /** Signals a construct that cannot be built (it is reported); the enclosing declaration is dropped. */
  private static final class InvalidLiteral extends RuntimeException {
    InvalidLiteral() {
      super(null, null, false, false);
    }
  }

  List<Declaration> declarations(FMapParser.FileContext file) {
    List<Declaration> out = new ArrayList<>();
    for (FMapParser.DeclarationContext ctx : file.declaration()) {
      if (!complete(ctx)) continue;
      try {
        out.add(declaration(ctx));
      } catch (InvalidLiteral e) {
        // reported where it was found
      }
    }
    return out;
  }

  /** True when the parser met no error inside: no recovery, no invented token, no skipped token. */
  static boolean complete(ParseTree tree) {
    if (tree instanceof ErrorNode) return false;
    if (tree instanceof TerminalNode t) return t.getSymbol().getTokenIndex() >= 0;
    if (tree instanceof ParserRuleContext ctx && ctx.exception != null) return false;
    for (int i = 0; i < tree.getChildCount(); i++) {
      if (!complete(tree.getChild(i))) return false;
    }
    return true;
  }

  private Declaration declaration(FMapParser.DeclarationContext ctx) {
    if (ctx.importDecl() != null) return importDecl(ctx.importDecl());
    if (ctx.paramDecl() != null) return paramDecl(ctx.paramDecl());
    if (ctx.mapDecl() != null) return mapDecl(ctx.mapDecl());
    if (ctx.valuemapDecl() != null) return valueMap(ctx.valuemapDecl());
    if (ctx.columnDecl() != null) return columnDecl(ctx.columnDecl());
    if (ctx.tableDecl() != null) return tableDecl(ctx.tableDecl());
    if (ctx.relationshipDecl() != null) return relationshipDecl(ctx.relationshipDecl());
    return processDecl(ctx.processDecl());
  }

  private ImportDecl importDecl(FMapParser.ImportDeclContext ctx) {
    return new ImportDecl(text(ctx.STRING().getSymbol()).value(), spans.of(ctx));
  }

  private ParamDecl paramDecl(FMapParser.ParamDeclContext ctx) {
    Optional<Expr> value = ctx.expression() == null ? Optional.empty() : Optional.of(checked(ctx.expression()));
    return new ParamDecl(name(ctx.name()), typeRef(ctx.typeRef()), value, spans.of(ctx));
  }

  private MapDecl mapDecl(FMapParser.MapDeclContext ctx) {
    Routing routing;
    if (ctx.routing() instanceof FMapParser.WhenRoutingContext when) {
      routing = new Routing.When(checked(when.expression()), spans.of(when));
    } else if (ctx.routing() instanceof FMapParser.OtherwiseRoutingContext otherwise) {
      routing = new Routing.Otherwise(spans.of(otherwise));
    } else {
      routing = new Routing.Unconditional(spans.between(ctx.MAP().getSymbol(), ctx.target.getStop()));
    }
    Optional<Expr> where = ctx.filter == null ? Optional.empty() : Optional.of(checked(ctx.filter));
    List<QualifiedName> after = new ArrayList<>();
    List<FMapParser.QualifiedNameContext> names = ctx.qualifiedName();
    for (int i = 2; i < names.size(); i++) after.add(qualifiedName(names.get(i)));
    List<MapItem> items = new ArrayList<>();
    for (FMapParser.MapItemContext item : ctx.mapItem()) items.add(mapItem(item));
    return new MapDecl(qualifiedName(ctx.source), qualifiedName(ctx.target), routing, where, after, items, spans.of(ctx));
  }

  private MapItem mapItem(FMapParser.MapItemContext ctx) {
    if (ctx instanceof FMapParser.LetBindingContext let) {
      return new LetBinding(new Name(let.IDENT().getText(), spans.of(let.IDENT().getSymbol())),
          checked(let.expression()), spans.of(let));
    }
    if (ctx instanceof FMapParser.PartyItemContext party) {
      return new PartyItem(name(party.role), party.EACH() != null, checked(party.expression()),
          party.qualifiedName().stream().map(this::qualifiedName).toList(), spans.of(party));
    }
    FMapParser.AssignmentContext a = (FMapParser.AssignmentContext) ctx;
    List<Name> segments = a.fieldPath().name().stream().map(this::name).toList();
    return new Assignment(a.KEY() != null, new FieldPath(segments, spans.of(a.fieldPath())),
        checked(a.expression()), spans.of(a));
  }

  private ValueMapDecl valueMap(FMapParser.ValuemapDeclContext ctx) {
    List<ValueMapping> mappings = new ArrayList<>();
    for (FMapParser.ValueMappingContext m : ctx.valueMapping()) {
      mappings.add(new ValueMapping(literal(m.literal()), constant(m.valueTarget()), spans.of(m)));
    }
    Optional<ValueElse> otherwise = ctx.valueElse() == null ? Optional.empty()
        : Optional.of(new ValueElse(constant(ctx.valueElse().valueTarget()), spans.of(ctx.valueElse())));
    return new ValueMapDecl(name(ctx.name()), qualifiedName(ctx.source), qualifiedName(ctx.target),
        mappings, otherwise, spans.of(ctx));
  }

  private Constant constant(FMapParser.ValueTargetContext ctx) {
    return ctx.literal() != null ? literal(ctx.literal()) : name(ctx.name());
  }

  private ColumnDecl columnDecl(FMapParser.ColumnDeclContext ctx) {
    return new ColumnDecl(qualifiedName(ctx.qualifiedName()), typeRef(ctx.typeRef()), ctx.REQUIRED() != null, spans.of(ctx));
  }

  private TableDecl tableDecl(FMapParser.TableDeclContext ctx) {
    List<TableColumn> columns = new ArrayList<>();
    for (FMapParser.TableColumnContext c : ctx.tableColumn()) {
      columns.add(new TableColumn(name(c.name()), typeRef(c.typeRef()), c.REQUIRED() != null, spans.of(c)));
    }
    return new TableDecl(qualifiedName(ctx.qualifiedName()), columns, spans.of(ctx));
  }

  private RelationshipDecl relationshipDecl(FMapParser.RelationshipDeclContext ctx) {
    Cardinality cardinality = switch (ctx.cardinality().getStart().getType()) {
      case FMapLexer.MANY_TO_MANY -> Cardinality.MANY_TO_MANY;
      case FMapLexer.ONE_TO_MANY -> Cardinality.ONE_TO_MANY;
      default -> Cardinality.MANY_TO_ONE;
    };
    return new RelationshipDecl(qualifiedName(ctx.qualifiedName(0)), qualifiedName(ctx.left), cardinality,
        qualifiedName(ctx.right), Optional.ofNullable(ctx.links).map(this::qualifiedName), spans.of(ctx));
  }

  private ProcessDecl processDecl(FMapParser.ProcessDeclContext ctx) {
    List<TerminalNode> strings = ctx.STRING();
    List<TextLit> stages = new ArrayList<>();
    for (int i = 1; i < strings.size(); i++) stages.add(text(strings.get(i).getSymbol()));
    return new ProcessDecl(text(strings.get(0).getSymbol()).value(), qualifiedName(ctx.qualifiedName()), stages, spans.of(ctx));
  }

  private TypeRef typeRef(FMapParser.TypeRefContext ctx) {
    List<TypeArg> args = new ArrayList<>();
    for (FMapParser.TypeArgContext a : ctx.typeArg()) {
      args.add(a.INT() != null ? new TypeArg.Number(whole(a.INT().getSymbol()), spans.of(a))
          : new TypeArg.Named(qualifiedName(a.qualifiedName()), spans.of(a)));
    }
    List<ChoiceOption> options = new ArrayList<>();
    if (ctx.choiceOptions() != null) {
      for (FMapParser.ChoiceOptionContext o : ctx.choiceOptions().choiceOption()) {
        String label = o.name() != null ? name(o.name()).text() : text(o.STRING().getSymbol()).value();
        OptionalLong value = o.INT() == null ? OptionalLong.empty() : OptionalLong.of(whole(o.INT().getSymbol()));
        options.add(new ChoiceOption(label, value, spans.of(o)));
      }
    }
    return new TypeRef(name(ctx.name()), args, options, spans.of(ctx));
  }

  private QualifiedName qualifiedName(FMapParser.QualifiedNameContext ctx) {
    return new QualifiedName(ctx.name().stream().map(this::name).toList(), spans.of(ctx));
  }

  private Name name(FMapParser.NameContext ctx) {
    Token token = ctx.getStart();
    String text = token.getText();
    if (token.getType() == FMapLexer.QUOTED_NAME) text = text.substring(1, text.length() - 1);
    return new Name(text, spans.of(token));
  }

  // ------------------------------------------------------------------ expressions

  /** A whole expression (an assignment's value, a condition, a default), refused when absurdly long. */
  private Expr checked(FMapParser.ExpressionContext ctx) {
    int tokens = ctx.getStop().getTokenIndex() - ctx.getStart().getTokenIndex() + 1;
    if (tokens > MAX_EXPRESSION_TOKENS) {
      diagnostics.add(Diagnostic.of(DiagnosticCode.EXPRESSION_TOO_LONG, spans.of(ctx.getStart()),
              "this expression is " + tokens + " tokens long; fmap reads expressions of up to " + MAX_EXPRESSION_TOKENS)
          .withLabel("the expression starts here")
          .withHelp("split it into `let` bindings, or move the logic into a function"));
      throw new InvalidLiteral();
    }
    return expression(ctx);
  }

  /** The chain of pipes and fallbacks, applied left to right as written. */
  private Expr expression(FMapParser.ExpressionContext ctx) {
    FMapParser.ChainContext chain = ctx.chain();
    List<FMapParser.OrExprContext> operands = chain.orExpr();
    Expr result = or(operands.get(0));
    int next = 1;
    for (int i = 1; i < chain.getChildCount(); i++) {
      ParseTree child = chain.getChild(i);
      if (child instanceof FMapParser.PipeCallContext call) {
        List<Expr> args = call.arguments() == null ? List.of() : arguments(call.arguments());
        result = new Pipe(result, name(call.name()), args, result.span().to(spans.of(call)));
      } else if (child instanceof FMapParser.OrExprContext) {
        result = binary(BinaryOp.FALLBACK, result, or(operands.get(next++)));
      }
    }
    return result;
  }

  private Expr or(FMapParser.OrExprContext ctx) {
    List<FMapParser.AndExprContext> operands = ctx.andExpr();
    Expr result = and(operands.get(0));
    for (int i = 1; i < operands.size(); i++) result = binary(BinaryOp.OR, result, and(operands.get(i)));
    return result;
  }

  private Expr and(FMapParser.AndExprContext ctx) {
    List<FMapParser.NotExprContext> operands = ctx.notExpr();
    Expr result = not(operands.get(0));
    for (int i = 1; i < operands.size(); i++) result = binary(BinaryOp.AND, result, not(operands.get(i)));
    return result;
  }

  private Expr not(FMapParser.NotExprContext ctx) {
    if (ctx.NOT() != null) return new Unary(UnaryOp.NOT, not(ctx.notExpr()), spans.of(ctx));
    return comparison(ctx.comparison());
  }

  private Expr comparison(FMapParser.ComparisonContext ctx) {
    Expr left = additive(ctx.additive(0));
    if (ctx.IN() != null) {
      return new In(left, list(ctx.list()), ctx.NOT() != null, spans.of(ctx));
    }
    if (ctx.op == null) return left;
    BinaryOp op = switch (ctx.op.getType()) {
      case FMapLexer.EQ -> BinaryOp.EQ;
      case FMapLexer.NE -> BinaryOp.NE;
      case FMapLexer.LT -> BinaryOp.LT;
      case FMapLexer.LE -> BinaryOp.LE;
      case FMapLexer.GT -> BinaryOp.GT;
      default -> BinaryOp.GE;
    };
    return binary(op, left, additive(ctx.additive(1)));
  }

  private Expr additive(FMapParser.AdditiveContext ctx) {
    List<FMapParser.MultiplicativeContext> operands = ctx.multiplicative();
    Expr result = multiplicative(operands.get(0));
    for (int i = 1; i < operands.size(); i++) {
      BinaryOp op = ctx.op.get(i - 1).getType() == FMapLexer.PLUS ? BinaryOp.ADD : BinaryOp.SUB;
      result = binary(op, result, multiplicative(operands.get(i)));
    }
    return result;
  }

  private Expr multiplicative(FMapParser.MultiplicativeContext ctx) {
    List<FMapParser.UnaryContext> operands = ctx.unary();
    Expr result = unary(operands.get(0));
    for (int i = 1; i < operands.size(); i++) {
      BinaryOp op = switch (ctx.op.get(i - 1).getType()) {
        case FMapLexer.STAR -> BinaryOp.MUL;
        case FMapLexer.SLASH -> BinaryOp.DIV;
        default -> BinaryOp.MOD;
      };
      result = binary(op, result, unary(operands.get(i)));
    }
    return result;
  }

  private Expr unary(FMapParser.UnaryContext ctx) {
    if (ctx.MINUS() != null) return new Unary(UnaryOp.NEGATE, unary(ctx.unary()), spans.of(ctx));
    return postfix(ctx.postfix());
  }

  private Expr postfix(FMapParser.PostfixContext ctx) {
    List<Name> members = ctx.name().stream().map(this::name).toList();
    if (ctx.primary() instanceof FMapParser.NamePrimaryContext first) {
      List<Name> segments = new ArrayList<>();
      segments.add(name(first.name()));
      segments.addAll(members);
      return new Path(segments, spans.of(ctx));
    }
    Expr result = primary(ctx.primary());
    if (result instanceof Path inner && !members.isEmpty()) {
      // `(a).b` means the same as `a.b`: one path, so the formatter's output parses back to the same tree.
      List<Name> segments = new ArrayList<>(inner.segments());
      segments.addAll(members);
      return new Path(segments, spans.of(ctx));
    }
    for (Name member : members) result = new Member(result, member, result.span().to(member.span()));
    return result;
  }

  private Expr primary(FMapParser.PrimaryContext ctx) {
    Span span = spans.of(ctx);
    if (ctx instanceof FMapParser.LiteralPrimaryContext c) return literal(c.literal());
    if (ctx instanceof FMapParser.ListPrimaryContext c) return list(c.list());
    if (ctx instanceof FMapParser.ParenPrimaryContext c) return expression(c.expression());
    if (ctx instanceof FMapParser.IfPrimaryContext c) {
      return new If(expression(c.expression(0)), expression(c.expression(1)), expression(c.expression(2)), span);
    }
    if (ctx instanceof FMapParser.MatchPrimaryContext c) return match(c, span);
    if (ctx instanceof FMapParser.RefPrimaryContext c) return new Ref(qualifiedName(c.qualifiedName()), expression(c.expression()), span);
    if (ctx instanceof FMapParser.OwnerPrimaryContext c) return new Owner(expression(c.expression()), span);
    if (ctx instanceof FMapParser.CallPrimaryContext c) {
      return new Call(name(c.name()), c.arguments() == null ? List.of() : arguments(c.arguments()), span);
    }
    if (ctx instanceof FMapParser.IgnorePrimaryContext) return new Ignore(span);
    FMapParser.NamePrimaryContext c = (FMapParser.NamePrimaryContext) ctx;
    return new Path(List.of(name(c.name())), span);
  }

  private Match match(FMapParser.MatchPrimaryContext ctx, Span span) {
    List<MatchCase> cases = new ArrayList<>();
    for (FMapParser.MatchCaseContext c : ctx.matchCase()) {
      List<Constant> patterns = new ArrayList<>();
      for (FMapParser.PatternContext p : c.pattern()) {
        patterns.add(p.literal() != null ? literal(p.literal()) : name(p.name()));
      }
      cases.add(new MatchCase(patterns, expression(c.expression()), spans.of(c)));
    }
    Optional<Expr> otherwise = ctx.matchElse() == null ? Optional.empty() : Optional.of(expression(ctx.matchElse().expression()));
    return new Match(expression(ctx.expression()), cases, otherwise, span);
  }

  private List<Expr> arguments(FMapParser.ArgumentsContext ctx) {
    return ctx.expression().stream().map(this::expression).toList();
  }

  private ListExpr list(FMapParser.ListContext ctx) {
    return new ListExpr(ctx.expression().stream().map(this::expression).toList(), spans.of(ctx));
  }

  private Binary binary(BinaryOp op, Expr left, Expr right) {
    return new Binary(op, left, right, left.span().to(right.span()));
  }

  // ------------------------------------------------------------------ literals

  private Literal literal(FMapParser.LiteralContext ctx) {
    Token token = ctx.getStart();
    Span span = spans.of(token);
    return switch (token.getType()) {
      case FMapLexer.STRING -> text(token);
      case FMapLexer.INT -> new IntLit(whole(token), span);
      case FMapLexer.DECIMAL -> new DecimalLit(new BigDecimal(token.getText()), span);
      case FMapLexer.DATE -> new DateLit(date(token), span);
      case FMapLexer.DATETIME -> new DateTimeLit(dateTime(token), span);
      case FMapLexer.TRUE -> new BoolLit(true, span);
      case FMapLexer.FALSE -> new BoolLit(false, span);
      default -> new NullLit(span);
    };
  }

  private long whole(Token token) {
    try {
      return Long.parseLong(token.getText());
    } catch (NumberFormatException e) {
      diagnostics.add(Diagnostic.of(DiagnosticCode.INVALID_NUMBER, spans.of(token),
              "the number " + abbreviate(token.getText()) + " is too large")
          .withLabel("larger than " + Long.MAX_VALUE)
          .withHelp("whole numbers go up to " + Long.MAX_VALUE + "; write a decimal (with `.0`) for larger values"));
      throw new InvalidLiteral();
    }
  }

  private LocalDate date(Token token) {
    try {
      return LocalDate.parse(token.getText());
    } catch (DateTimeParseException e) {
      throw invalidDate(token);
    }
  }

  private String dateTime(Token token) {
    String iso = token.getText();
    try {
      if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
        OffsetDateTime.parse(iso);
      } else {
        LocalDateTime.parse(iso);
      }
      return iso;
    } catch (DateTimeParseException e) {
      throw invalidDate(token);
    }
  }

  private InvalidLiteral invalidDate(Token token) {
    diagnostics.add(Diagnostic.of(DiagnosticCode.INVALID_DATE, spans.of(token),
            "`" + token.getText() + "` is not a real date")
        .withLabel("no such day or time")
        .withHelp("dates are written YYYY-MM-DD (e.g. 2024-01-31), date-times YYYY-MM-DDTHH:MM:SS with an optional Z or +01:00"));
    return new InvalidLiteral();
  }

  /** A text literal with its escapes resolved: \" \\ \n \t \r and \\uXXXX. */
  private TextLit text(Token token) {
    String raw = token.getText();
    String body = raw.substring(1, raw.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = i + 1 < body.length() ? body.charAt(i + 1) : ' ';
      switch (next) {
        case '"', '\\' -> out.append(next);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'u' -> {
          String hex = i + 6 <= body.length() ? body.substring(i + 2, i + 6) : "";
          if (!hex.matches("[0-9a-fA-F]{4}")) throw invalidEscape(token, i, "\\u must be followed by four hex digits, e.g. \\u00e9");
          out.append((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        default -> throw invalidEscape(token, i, "the escapes are \\\" \\\\ \\n \\t \\r and \\uXXXX");
      }
      i++;
    }
    return new TextLit(out.toString(), spans.of(token));
  }

  private InvalidLiteral invalidEscape(Token token, int indexInBody, String help) {
    Span whole = spans.of(token);
    int column = whole.startColumn() + 1 + (int) token.getText().substring(1, 1 + indexInBody).codePoints().count();
    int offset = whole.startOffset() + (column - whole.startColumn());
    Span at = new Span(whole.file(), whole.startLine(), column, whole.startLine(), column + 2, offset, offset + 2);
    diagnostics.add(Diagnostic.of(DiagnosticCode.INVALID_ESCAPE, at, "unknown escape in a text literal")
        .withLabel("not an escape fmap knows").withHelp(help));
    return new InvalidLiteral();
  }

  private static String abbreviate(String text) {
    return text.length() > 30 ? text.substring(0, 27) + "..." : text;
  }
}
