package io.fmap.compiler.stdlib;

import static io.fmap.compiler.stdlib.StandardSet.program;
import static io.fmap.compiler.stdlib.StandardSet.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.ir.Assignment;
import io.fmap.compiler.ir.Expr;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.OwnerStatus;
import io.fmap.runtime.owner.SourceUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Row 12: Spark users are not created; every owner is resolved by email to a Dynamics user. The
 * standard set's part is that every user-owned row says `owner(<email>)`; the flags are the
 * owner resolver's, run here on the sample's users against the Dynamics side the emulator seeds.
 */
class UserRowTest {

  @Test
  void everyMapIntoAUserOwnedTableResolvesItsOwnerByEmail() {
    for (var map : program().maps()) {
      Assignment owner = map.assignments().stream().filter(a -> a.column().name().equals("ownerid")).findFirst()
          .orElseThrow(() -> new AssertionError(map.name() + " does not say who owns its rows"));
      assertTrue(owner.value() instanceof Expr.Owner, map.name());
    }
  }

  @Test
  void sampleOwnersAreMatchedByEmailOrFlaggedWithTheFallbackOwner() {
    List<SourceUser> spark = records("User").stream().map(SourceUser::of).toList();
    OwnerResolver resolver = OwnerResolver.create(spark, StandardSet.dynamicsUsers(), new FallbackRule.UserByEmail("ana.lopez@fmap.example"));
    assertEquals(OwnerStatus.MATCHED, resolver.resolve("usr-0000001").status());
    assertEquals(OwnerStatus.UNMATCHED, resolver.resolve("usr-0000016").status());
    assertTrue(resolver.resolve("usr-0000016").byFallback(), "unmatched → the fallback owner");
    assertEquals(OwnerStatus.DUPLICATE_EMAIL, resolver.resolve("usr-0000005").status());
    assertEquals(OwnerStatus.DISABLED_USER, resolver.resolve("usr-0000019").status());
    assertEquals(OwnerStatus.MISSING_OWNER, resolver.resolve("usr-0000017").status());
  }
}
