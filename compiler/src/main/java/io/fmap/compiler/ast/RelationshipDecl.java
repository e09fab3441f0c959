package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.Optional;

/**
 * {@code relationship dynamics.new_project_contact: dynamics.new_project many-to-many dynamics.contact
 * [from spark.Object.field]}.
 *
 * @param links the source list field whose elements are the links, when the source schema declares
 *              no relationship of its own between the two objects
 */
public record RelationshipDecl(QualifiedName name, QualifiedName left, Cardinality cardinality,
                               QualifiedName right, Optional<QualifiedName> links, Span span) implements Declaration {}
