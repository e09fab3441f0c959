package io.fmap.runtime.exec;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.DeferredLookup;
import io.fmap.runtime.api.FmapLocation;
import io.fmap.runtime.api.GeneratedLines;
import io.fmap.runtime.api.LoadTier;
import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.MappingError;
import io.fmap.runtime.api.MappingException;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.SourceRouter;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRow;
import java.util.List;
import java.util.TreeMap;

/**
 * A {@link CompiledPlan} written by hand in the shape the compiler generates, for the executor's
 * tests (the executor must not depend on the compiler): Company → account with a self-referencing
 * parent (a deferred lookup), Contact → contact bound to its primary company.
 */
public final class HandWrittenPlan {
  public static final String COMPANY_MAP = "Company->account";
  public static final String CONTACT_MAP = "Contact->contact";

  private HandWrittenPlan() {}

  public static CompiledPlan plan() {
    return plan(new HandWrittenCompanyMap(), new HandWrittenContactMap(), "hand-written-plan-v1");
  }

  /**
   * The same maps with accounts upserted by the alternate key {@code accountnumber} = the Spark id (and
   * looked up by it): a load that meets accounts the org already has, as a customer who numbered them
   * the same way would see it.
   */
  public static CompiledPlan keyedByAccountNumber() {
    return plan(new HandWrittenCompanyMap(ACCOUNT_KEY), new HandWrittenContactMap(ACCOUNT_KEY),
        "hand-written-plan-keyed-v1");
  }

  /** The key column of {@link #keyedByAccountNumber()}. */
  public static final String ACCOUNT_KEY = "accountnumber";

  private static CompiledPlan plan(MapTransform company, MapTransform contact, String hash) {
    return new CompiledPlan(hash, new TreeMap<>(),
        List.of(new LoadTier(0, List.of("Company")), new LoadTier(1, List.of("Contact"))),
        List.of(new SingleMapRouter(company), new SingleMapRouter(contact)),
        List.of(new DeferredLookup(COMPANY_MAP, "parentaccountid", new FmapLocation("accounts.fmap", 9))),
        List.of(), GeneratedLines.none());
  }

  /** A router of an object with one map and no conditions. */
  public record SingleMapRouter(MapTransform map) implements SourceRouter {
    @Override public String sourceObject() { return map.sourceObject(); }
    @Override public List<MapTransform> maps() { return List.of(map); }
    @Override public List<MapTransform> route(SourceRecord record, MappingContext context) { return List.of(map); }
  }

  /** What the compiler would make of {@code map spark.Company -> account { ... }}. */
  public static final class HandWrittenCompanyMap implements MapTransform {
    private final String keyColumn;

    public HandWrittenCompanyMap() {
      this(null);
    }

    /** @param keyColumn the alternate key that carries the Spark id, or null for the id derived from it */
    public HandWrittenCompanyMap(String keyColumn) {
      this.keyColumn = keyColumn;
    }

    @Override public String id() { return COMPANY_MAP; }
    @Override public String sourceObject() { return "Company"; }
    @Override public String targetTable() { return "account"; }
    @Override public FmapLocation location() { return new FmapLocation("accounts.fmap", 3); }

    @Override
    public MapResult apply(SourceRecord record, MappingContext context) {
      TargetRow.Builder row = TargetRow.builder(id(), "account", SourceRef.of(record));
      if (keyColumn != null) row.key(TargetKey.alternate(keyColumn, record.id()));
      row.set("name", required(record, "name"));
      row.setIfPresent("telephone1", text(record, "phone"));
      row.setIfPresent("websiteurl", text(record, "website"));
      String parent = text(record, "parent_id");
      if (parent != null) {
        row.lookup("parentaccountid", context.lookup(new SourceRef("Company", parent),
            List.of(new LookupCandidate("account", "parentaccountid", keyColumn))).orElse(null));
      }
      row.owner(context.owner(text(record, "owner_email")).orElse(null));
      return MapResult.of(row.build());
    }
  }

  /** What the compiler would make of {@code map spark.Contact -> contact { ... }}. */
  public static final class HandWrittenContactMap implements MapTransform {
    private final String accountKey;

    public HandWrittenContactMap() {
      this(null);
    }

    /** @param accountKey the alternate key accounts are addressed by, or null for their derived ids */
    public HandWrittenContactMap(String accountKey) {
      this.accountKey = accountKey;
    }

    @Override public String id() { return CONTACT_MAP; }
    @Override public String sourceObject() { return "Contact"; }
    @Override public String targetTable() { return "contact"; }
    @Override public FmapLocation location() { return new FmapLocation("contacts.fmap", 3); }

    @Override
    public MapResult apply(SourceRecord record, MappingContext context) {
      TargetRow.Builder row = TargetRow.builder(id(), "contact", SourceRef.of(record));
      row.setIfPresent("firstname", text(record, "first_name"));
      row.set("lastname", required(record, "last_name"));
      row.setIfPresent("emailaddress1", text(record, "email"));
      String company = text(record, "primary_company_id");
      if (company != null) {
        row.lookup("parentcustomerid", context.lookup(new SourceRef("Company", company),
            List.of(new LookupCandidate("account", "parentcustomerid_account", accountKey))).orElse(null));
      }
      row.owner(context.owner(text(record, "owner_email")).orElse(null));
      return MapResult.of(row.build());
    }
  }

  private static String text(SourceRecord record, String field) {
    Object value = record.get(field);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static String required(SourceRecord record, String field) {
    String value = text(record, field);
    if (value == null) throw new MappingException(MappingError.Code.MISSING_VALUE, field + " is empty");
    return value;
  }
}
