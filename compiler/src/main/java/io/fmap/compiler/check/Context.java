package io.fmap.compiler.check;

import io.fmap.compiler.ir.Param;
import io.fmap.compiler.ir.ValueMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every check of one project shares: schemas, functions, declared names and what is used. */
final class Context {
  final Schemas schemas;
  final Reporter reporter;
  final FunctionTable functions;
  /** Declared value-map names, including ones whose declaration had errors (so uses are not reported twice). */
  final Set<String> valueMapNames = new HashSet<>();
  final Map<String, ValueMap> valueMaps = new HashMap<>();
  final Set<String> paramNames = new HashSet<>();
  final Map<String, Param> params = new HashMap<>();
  /** Source object → the target tables its maps write, in declaration order. */
  final Map<String, List<String>> produced = new HashMap<>();
  final Set<String> usedParams = new HashSet<>();
  final Set<String> usedValueMaps = new HashSet<>();

  /** The publisher prefix, for help lines that propose a column name. */
  final String publisherPrefix;

  Context(Schemas schemas, Reporter reporter, FunctionTable functions, String publisherPrefix) {
    this.publisherPrefix = publisherPrefix;
    this.schemas = schemas;
    this.reporter = reporter;
    this.functions = functions;
  }
}
