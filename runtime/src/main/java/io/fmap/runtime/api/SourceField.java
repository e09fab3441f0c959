package io.fmap.runtime.api;

import java.util.Objects;

/**
 * A source field a generated map reads, declared once per class: {@code private static final
 * SourceField FIELD_email = SourceField.of("email")}, read with {@link SourceRecord#get(SourceField)}.
 *
 * <p>Why not {@code record.get("email")}: that looks the name up in the record's {@link NameIndex}
 * every time, and the JIT inlines the lookup (the name's hash, a probe, {@code equals}) at every
 * read, about 300 bytes of bytecode each. A map reads a dozen fields, and C2 stopped inlining the
 * bench's lead map halfway through its statements (its inlining budget spent), so the row's
 * builder calls at the end stayed calls. Here the field remembers where it was in the last record
 * shape it met; the records of one object share their shape, so a read is a few loads.
 *
 * <p>Shared by the threads that run the map, without locks: the remembered position is one
 * immutable object, so a thread sees a whole one or an older one, and an older one (another shape)
 * is only looked up again.
 */
public final class SourceField {

  private final String name;
  private Position last;

  private record Position(NameIndex shape, int index) {}

  private SourceField(String name) {
    this.name = name;
  }

  public static SourceField of(String name) {
    return new SourceField(Objects.requireNonNull(name, "name"));
  }

  public String name() {
    return name;
  }

  /** Where this field is among {@code shape}'s names, or -1. */
  int indexIn(NameIndex shape) {
    Position known = last;
    if (known != null && known.shape() == shape) return known.index();
    int index = shape.indexOf(name);
    last = new Position(shape, index);
    return index;
  }

  @Override
  public String toString() {
    return name;
  }
}
