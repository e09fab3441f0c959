package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.OptionalLong;

/** An option of a declared choice column: {@code Gold}, {@code "Very large" = 100000003}. */
public record ChoiceOption(String label, OptionalLong value, Span span) implements Node {}
