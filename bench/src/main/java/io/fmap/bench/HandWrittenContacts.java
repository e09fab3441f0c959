package io.fmap.bench;

import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.api.Values;
import io.fmap.runtime.functions.Std;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a developer would write by hand for {@code bench/project/mappings/contact.fmap}: the same
 * routing, fields and functions over the same records, without fmap's generic value readers. It
 * parses dates and instants with the runtime's parsers ({@code Values.date}, {@code Values.instant})
 * as generated code does, so the ratio measures the generated glue, not two different parsers.
 * The benchmark's reference for "generated code is as fast as hand-written".
 */
final class HandWrittenContacts {

  private static final Set<String> LEAD_STATUSES = Set.of("new", "unqualified");
  private static final List<LookupCandidate> LEAD_COMPANY = List.of(new LookupCandidate("account", "parentaccountid", "fmap_sourceid"));
  private static final List<LookupCandidate> CONTACT_COMPANY =
      List.of(new LookupCandidate("account", "parentcustomerid_account", "fmap_sourceid"));

  private HandWrittenContacts() {}

  static MapResult transform(SourceRecord r, MappingContext context) {
    String status = (String) r.get("status");
    String lastActivity = (String) r.get("last_activity_at");
    long idleDays = (Long) context.param("lead_idle_days");
    boolean lead = LEAD_STATUSES.contains(status)
        || (lastActivity != null && Std.daysSince(context, Values.instant(lastActivity)) > idleDays);
    return lead ? lead(r, context) : contact(r, context);
  }

  private static MapResult lead(SourceRecord r, MappingContext context) {
    String last = (String) r.get("last_name");
    TargetRow.Builder row = TargetRow.builder("Contact_to_lead", "lead", SourceRef.of(r))
        .key(TargetKey.alternate("fmap_sourceid", r.id()))
        .set("subject", Std.truncate("Imported: " + (last == null ? "(unknown)" : last), 300L))
        .set("firstname", Std.truncate(Std.trim((String) r.get("first_name")), 50L))
        .set("lastname", Std.truncate(last == null ? "(unknown)" : last, 50L))
        .set("emailaddress1", Std.truncate(Std.emailNormalize((String) r.get("email")), 100L))
        .setIfPresent("telephone1", Std.phoneNormalize((String) r.get("phone")))
        .set("mobilephone", Std.truncate((String) r.get("mobile_phone"), 20L))
        .set("jobtitle", Std.truncate(Std.trim((String) r.get("title")), 100L))
        .set("leadqualitycode", quality((String) r.get("status")))
        .lookup("parentaccountid", company(r, context, LEAD_COMPANY))
        .owner(owner(r, context))
        .set("overriddencreatedon", instant(r.get("created_at")));
    return MapResult.of(row.build());
  }

  private static MapResult contact(SourceRecord r, MappingContext context) {
    String last = (String) r.get("last_name");
    String birthday = (String) r.get("birthday");
    TargetRow.Builder row = TargetRow.builder("Contact_to_contact", "contact", SourceRef.of(r))
        .key(TargetKey.alternate("fmap_sourceid", r.id()))
        .set("firstname", Std.truncate(Std.trim((String) r.get("first_name")), 50L))
        .set("lastname", Std.truncate(last == null ? "(unknown)" : last, 50L))
        .set("emailaddress1", Std.truncate(Std.emailNormalize((String) r.get("email")), 100L))
        .set("emailaddress2", Std.truncate(Std.emailNormalize((String) r.get("secondary_email")), 100L))
        .setIfPresent("telephone1", Std.phoneNormalize((String) r.get("phone")))
        .setIfPresent("mobilephone", (String) r.get("mobile_phone"))
        .set("jobtitle", Std.truncate(Std.trim((String) r.get("title")), 100L))
        .set("birthdate", Values.date(birthday))
        .lookup("parentcustomerid", company(r, context, CONTACT_COMPANY))
        .owner(owner(r, context))
        .set("overriddencreatedon", instant(r.get("created_at")));
    return MapResult.of(row.build());
  }

  private static Integer quality(String status) {
    if (status == null) return null;
    return switch (status) {
      case "new" -> 2;
      case "unqualified" -> 3;
      case "qualified", "customer" -> 1;
      default -> throw new IllegalArgumentException("no quality for status " + status);
    };
  }

  private static TargetRef company(SourceRecord r, MappingContext context, List<LookupCandidate> candidates) {
    String id = (String) r.get("primary_company_id");
    return id == null ? null : context.lookup(new SourceRef("Company", id), candidates).orElseThrow();
  }

  private static TargetRef owner(SourceRecord r, MappingContext context) {
    return context.owner((String) r.get("owner_email")).orElseThrow();
  }

  private static Instant instant(Object value) {
    return Values.instant(value);
  }
}
