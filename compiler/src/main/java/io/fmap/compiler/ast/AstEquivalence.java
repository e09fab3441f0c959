package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * Structural equality that ignores where things were written (spans) and comments: two files
 * mean the same when their trees are equivalent. The formatter's promise rests on this.
 */
public final class AstEquivalence {

  private AstEquivalence() {}

  public static boolean equivalent(Object a, Object b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    if (a instanceof Span && b instanceof Span) return true;
    if (a instanceof SourceFile fa && b instanceof SourceFile fb) {
      return equivalent(fa.declarations(), fb.declarations());
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) return false;
      for (int i = 0; i < la.size(); i++) {
        if (!equivalent(la.get(i), lb.get(i))) return false;
      }
      return true;
    }
    if (a instanceof Optional<?> oa && b instanceof Optional<?> ob) {
      return oa.isPresent() == ob.isPresent() && (oa.isEmpty() || equivalent(oa.get(), ob.get()));
    }
    if (a.getClass() != b.getClass()) return false;
    if (a instanceof Record) {
      for (RecordComponent component : a.getClass().getRecordComponents()) {
        if (!equivalent(read(component, a), read(component, b))) return false;
      }
      return true;
    }
    return a.equals(b);
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }
}
