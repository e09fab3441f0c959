package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code relationship dynamics.new_project_contact: dynamics.new_project many-to-many dynamics.contact}. */
public record RelationshipDecl(QualifiedName name, QualifiedName left, Cardinality cardinality,
                               QualifiedName right, Span span) implements Declaration {}
