package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.Optional;

/** {@code param lead_idle_days: int = 90}; the default may be overridden from fmap.yaml or the command line. */
public record ParamDecl(Name name, TypeRef type, Optional<Expr> defaultValue, Span span) implements Declaration {}
