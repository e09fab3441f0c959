package io.fmap.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.Assignment;
import io.fmap.compiler.ir.ObjectMap;
import io.fmap.compiler.ir.Party;
import io.fmap.compiler.ir.Program;
import io.fmap.compiler.ir.Write;
import io.fmap.runtime.api.ActivityParty;
import io.fmap.runtime.api.FmapLocation;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.PartyCandidate;
import io.fmap.runtime.api.RowColumns;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRow;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * One {@code map} as one class implementing {@link MapTransform}: a static {@code when} for the
 * router, and {@code apply} as one statement per {@code let} and assignment, in source order, each
 * under a {@code // file.fmap:line} marker.
 */
final class MapClassEmitter {

  static final ClassName ROW = ClassName.get(TargetRow.class);
  private static final ClassName KEY = ClassName.get(TargetKey.class);
  private static final ClassName LOCATION = ClassName.get(FmapLocation.class);

  private final Program program;
  private final ObjectMap map;
  private final ClassName className;
  private final ClassName valueMaps;
  private final Map<String, String> valueMapMethods;
  private final ClassConstants constants = new ClassConstants();

  MapClassEmitter(Program program, ObjectMap map, ClassName className, ClassName valueMaps,
                  Map<String, String> valueMapMethods) {
    this.program = program;
    this.map = map;
    this.className = className;
    this.valueMaps = valueMaps;
    this.valueMapMethods = valueMapMethods;
  }

  static CodeBlock marker(Span span) {
    return CodeBlock.of("// $L\n", SourceLines.marker(new FmapLocation(span.file(), span.startLine())));
  }

  TypeSpec emit() {
    Map<String, JavaExpr> locals = new LinkedHashMap<>();
    ExprEmitter header = new ExprEmitter(program, constants, Map.of(), valueMaps, valueMapMethods, List.of());

    MethodSpec.Builder when = MethodSpec.methodBuilder("when")
        .addJavadoc("Whether a record of $L goes through this map (the router asks, in routing order).\n",
            SourceLines.safeComment(map.source().name()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TypeName.BOOLEAN)
        .addParameter(SourceRecord.class, "record").addParameter(MappingContext.class, "context");
    when.addCode(marker(map.when().map(e -> e.span()).orElse(map.span())));
    when.addStatement("return $L", map.when().map(e -> header.emit(e).condition()).orElse(CodeBlock.of("true")));

    MethodSpec.Builder apply = MethodSpec.methodBuilder("apply").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(MapResult.class)
        .addParameter(SourceRecord.class, "record").addParameter(MappingContext.class, "context");
    if (map.filter().isPresent()) {
      apply.addCode(marker(map.filter().get().span()));
      apply.beginControlFlow("if (!$L)", header.emit(map.filter().get()).condition())
          .addStatement("return new $T($T.of())", MapResult.Mapped.class, List.class)
          .endControlFlow();
    }
    List<String> columns = plainColumns();
    if (columns.isEmpty()) {
      apply.addStatement("$T row = $T.builder(ID, $L, $T.of(record))", ROW.nestedClass("Builder"), ROW,
          JavaLiteral.of(map.target().name()), SourceRef.class);
    } else {
      apply.addStatement("$T row = $T.builder(ID, $L, $T.of(record), COLUMNS)", ROW.nestedClass("Builder"), ROW,
          JavaLiteral.of(map.target().name()), SourceRef.class);
    }
    for (ObjectMap.Local local : map.locals()) {
      ExprEmitter exprs = new ExprEmitter(program, constants, locals, valueMaps, valueMapMethods, List.of());
      JavaExpr value = exprs.emit(local.value()).boxed();
      String javaName = "let_" + JavaNames.identifier(local.name());
      apply.addCode(marker(local.span()));
      apply.addStatement("final $T $L = $L", value.type(), javaName, value.code());
      locals.put(local.name(), new JavaExpr(CodeBlock.of("$L", javaName), value.type()));
    }
    ExprEmitter exprs = new ExprEmitter(program, constants, locals, valueMaps, valueMapMethods, List.of());
    if (!map.keys().isEmpty()) {
      apply.addCode(marker(map.keys().get(0).span()));
      apply.addStatement("row.key($L)", key(exprs));
    }
    for (Assignment a : map.assignments()) {
      apply.addCode(marker(a.span()));
      apply.addStatement("$L", assignment(a, exprs));
    }
    for (Party p : map.parties()) {
      apply.addCode(marker(p.span()));
      apply.addStatement("row.parties($L)", party(p, exprs));
    }
    apply.addStatement("return $T.of(row.build())", MapResult.class);

    FmapLocation declared = new FmapLocation(map.span().file(), map.span().startLine());
    TypeSpec.Builder type = TypeSpec.classBuilder(className)
        .addJavadoc("Generated by fmap from $L: map $L -> $L. Do not edit; change the .fmap file.\n",
            SourceLines.safeComment(SourceLines.marker(declared)), SourceLines.safeComment(map.source().name()),
            SourceLines.safeComment(map.target().name()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(MapTransform.class)
        .addField(com.palantir.javapoet.FieldSpec.builder(String.class, "ID",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer("$L", JavaLiteral.of(map.name())).build())
        .addField(com.palantir.javapoet.FieldSpec.builder(LOCATION, "LOCATION",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T($L, $L)", LOCATION, JavaLiteral.of(declared.file()), declared.line()).build());
    if (!columns.isEmpty()) {
      CodeBlock names = columns.stream().map(c -> CodeBlock.of("$L", JavaLiteral.of(c))).collect(CodeBlock.joining(",$W"));
      type.addField(com.palantir.javapoet.FieldSpec.builder(RowColumns.class, "COLUMNS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The plain columns this map sets, in the order it sets them: the row builder expects each in turn\n"
              + "and puts its value in its slot.\n")
          .initializer("$T.of($L)", RowColumns.class, names).build());
    }
    MethodSpec whenMethod = when.build();
    MethodSpec applyMethod = apply.build();
    type.addFields(constants.fields());
    type.addMethod(getter("id", String.class, CodeBlock.of("ID")));
    type.addMethod(getter("sourceObject", String.class, CodeBlock.of("$L", JavaLiteral.of(map.source().name()))));
    type.addMethod(getter("targetTable", String.class, CodeBlock.of("$L", JavaLiteral.of(map.target().name()))));
    type.addMethod(getter("location", FmapLocation.class, CodeBlock.of("LOCATION")));
    type.addMethod(whenMethod);
    type.addMethod(applyMethod);
    return type.build();
  }

  /**
   * The columns {@code set}/{@code setIfPresent} statements write (not lookups, not the owner), each
   * once, in statement order: the order the row builder expects them in ({@link RowColumns}).
   */
  private List<String> plainColumns() {
    return map.assignments().stream().filter(a -> !(a.write() instanceof Write.Bind))
        .map(a -> a.column().name()).distinct().toList();
  }

  private static MethodSpec getter(String name, Class<?> type, CodeBlock value) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(type).addStatement("return $L", value).build();
  }

  /** {@code key col = expr}: one column is the usual source-id key; several make a composite key. */
  private CodeBlock key(ExprEmitter exprs) {
    if (map.keys().size() == 1) {
      Assignment k = map.keys().get(0);
      return CodeBlock.of("$T.alternate($L, $T.required($L, $L))", KEY, JavaLiteral.of(k.column().name()), JavaTypes.VALUES,
          exprs.emit(k.value()).boxed().code(), JavaLiteral.of(k.column().name()));
    }
    CodeBlock entries = map.keys().stream()
        .map(k -> CodeBlock.of("$L, $T.required($L, $L)", JavaLiteral.of(k.column().name()), JavaTypes.VALUES,
            exprs.emit(k.value()).boxed().code(), JavaLiteral.of(k.column().name())))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("$T.alternate($T.of($L))", KEY, Map.class, entries);
  }

  private CodeBlock assignment(Assignment a, ExprEmitter exprs) {
    Column column = a.column();
    if (a.write() instanceof Write.Bind bind) {
      JavaExpr ref = exprs.withBindings(bind.bindings()).emit(a.value());
      return column.type() == ColumnType.OWNER
          ? CodeBlock.of("row.owner($L)", ref.code())
          : CodeBlock.of("row.lookup($L, $L)", JavaLiteral.of(column.name()), ref.code());
    }
    JavaExpr value = exprs.emit(a.value());
    CodeBlock converted = toColumn(value, column);
    return CodeBlock.of("row.$L($L, $L)", a.unsetWhenNull() ? "setIfPresent" : "set", JavaLiteral.of(column.name()), converted);
  }

  /** {@code party}: the participants of one line, resolved through the run's context. */
  private CodeBlock party(Party p, ExprEmitter exprs) {
    CodeBlock candidates = p.resolve().stream()
        .map(c -> CodeBlock.of("new $T($L, $L, $L, $L)", PartyCandidate.class, JavaLiteral.of(c.table()),
            JavaLiteral.of(c.navigationProperty()), JavaLiteral.of(c.idColumn()), JavaLiteral.of(c.emailColumn())))
        .collect(CodeBlock.joining(", "));
    CodeBlock tables = constants.of("PARTY", ParameterizedTypeName.get(List.class, PartyCandidate.class),
        CodeBlock.of("$T.of($L)", List.class, candidates));
    JavaExpr address = exprs.emit(p.address());
    return p.each()
        ? CodeBlock.of("$T.resolveEach($T.$L, $L, context, $L)", ActivityParty.class, ActivityParty.Role.class,
            p.role().name(), JavaTypes.convert(address, JavaTypes.STRING_LIST), tables)
        : CodeBlock.of("$T.resolve($T.$L, $L, context, $L)", ActivityParty.class, ActivityParty.Role.class,
            p.role().name(), JavaTypes.convert(address, JavaTypes.STRING), tables);
  }

  /** The value in the form the column takes on the wire: option numbers for choices, text for text. */
  private CodeBlock toColumn(JavaExpr value, Column column) {
    boolean choice = column.type() == ColumnType.CHOICE || column.type() == ColumnType.STATE
        || column.type() == ColumnType.STATUS;
    if (choice && value.type().equals(JavaTypes.STRING)) {
      TreeMap<String, Integer> byLabel = new TreeMap<>();
      for (OptionValue o : column.options()) {
        if (o.value() != null) byLabel.putIfAbsent(o.label(), o.value());
      }
      CodeBlock entries = byLabel.entrySet().stream()
          .map(e -> CodeBlock.of("$T.entry($L, $L)", Map.class, JavaLiteral.of(e.getKey()), e.getValue()))
          .collect(CodeBlock.joining(",\n"));
      CodeBlock options = constants.of("OPTIONS", ParameterizedTypeName.get(Map.class, String.class, Integer.class),
          CodeBlock.of("$T.ofEntries($L)", Map.class, entries));
      return CodeBlock.of("$T.option($L, $L, $L)", JavaTypes.VALUES, value.code(), options, JavaLiteral.of(column.name()));
    }
    return switch (column.type()) {
      case TEXT, MEMO, HTML -> JavaTypes.convert(value, JavaTypes.STRING);
      case INT, BIGINT -> JavaTypes.convert(value, JavaTypes.LONG);
      case DECIMAL, DOUBLE, MONEY -> JavaTypes.convert(value, JavaTypes.DECIMAL);
      case BOOL -> JavaTypes.convert(value, JavaTypes.BOOLEAN);
      case DATE -> JavaTypes.convert(value, JavaTypes.DATE);
      case DATETIME -> JavaTypes.convert(value, JavaTypes.INSTANT);
      default -> value.boxed().code();
    };
  }
}
