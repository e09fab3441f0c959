package io.fmap.compiler.check;

import io.fmap.compiler.ast.PartyItem;
import io.fmap.compiler.ast.QualifiedName;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.ir.Dependency;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.Party;
import io.fmap.compiler.ir.Type;
import io.fmap.runtime.api.ActivityParty;
import io.fmap.runtime.api.PartyCandidate;
import io.fmap.schema.Column;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code party ROLE = [each] ADDRESS resolve TABLE, ...} in a map: the role is a participation type,
 * the map's target is an activity that has parties, every table is one a party can point to and has
 * an email column, and the address is text (a list of text with {@code each}). What a party may be
 * and be part of is read from the target schema's {@code activityparty} table, not from a list here.
 */
final class PartyChecker {
  static final String PARTY_TABLE = "activityparty";

  private final Context cx;
  private final ExprChecker exprs;

  PartyChecker(Context cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  /**
   * The checked line, or empty when it has an error; {@code edges} gets one load-order edge per
   * source object that maps to a searched table, so those rows exist when the activity's are made.
   */
  Optional<Party> check(PartyItem p, MapChecker.Header h, ExprChecker.Scope scope, String map,
                        List<LoadOrder.Edge> edges) {
    Expr address = exprs.check(p.address(), scope);
    boolean ok = address(p, address);
    Optional<ActivityParty.Role> role = Party.Roles.of(p.role().text());
    if (role.isEmpty()) {
      cx.reporter.report(DiagnosticCode.UNKNOWN_PARTY_ROLE, p.role().span(),
          "`" + p.role().text() + "` is not a participation role", "unknown role",
          Reporter.didYouMean(p.role().text(), Party.Roles.names())
              .orElse("write one of " + String.join(", ", Party.Roles.names())));
      ok = false;
    }
    Optional<Table> parties = cx.schemas.target().table(PARTY_TABLE);
    Optional<Column> activity = parties.flatMap(t -> t.column("activityid"));
    boolean hasParties = activity.isPresent()
        && activity.get().targets().stream().anyMatch(t -> t.table().equals(h.target().name()));
    if (!hasParties) {
      cx.reporter.report(DiagnosticCode.PARTY_NOT_ACTIVITY, p.span(),
          "`" + h.target().name() + "` rows have no activity parties", "not an activity with parties",
          "participants belong to " + activity.map(c -> c.targets().stream().map(t -> "dynamics." + t.table())
              .collect(java.util.stream.Collectors.joining(", "))).orElse("activities")
              + " rows; keep the address in a column instead");
      return Optional.empty();
    }
    List<LookupTarget> partyTargets = parties.get().column("partyid").map(Column::targets).orElse(List.of());
    List<PartyCandidate> candidates = new ArrayList<>();
    for (QualifiedName name : p.resolve()) {
      Optional<Table> table = cx.schemas.targetTable(name, "a party's table");
      if (table.isEmpty()) {
        ok = false;
        continue;
      }
      Optional<PartyCandidate> candidate = candidate(table.get(), partyTargets, name);
      if (candidate.isEmpty()) {
        ok = false;
        continue;
      }
      candidates.add(candidate.get());
      for (var produced : cx.produced.entrySet()) {
        if (!produced.getValue().contains(table.get().name()) || produced.getKey().equals(h.source().name())) continue;
        // One edge per map and object is enough to order them; the first line that needs it shows where.
        boolean known = edges.stream().anyMatch(e -> e.dependency().reason() == Dependency.Reason.PARTY
            && e.dependency().map().equals(map) && e.to().equals(produced.getKey()));
        if (!known) edges.add(new LoadOrder.Edge(new Dependency(h.source().name(), produced.getKey(), map, null,
            Dependency.Reason.PARTY, false, name.span()), true));
      }
    }
    if (!ok) return Optional.empty();
    return Optional.of(new Party(role.get(), p.each(), address, candidates, p.span()));
  }

  private Optional<PartyCandidate> candidate(Table table, List<LookupTarget> partyTargets, QualifiedName name) {
    Optional<LookupTarget> target = partyTargets.stream().filter(t -> t.table().equals(table.name())).findFirst();
    List<String> allowed = partyTargets.stream().map(LookupTarget::table).toList();
    if (target.isEmpty()) {
      cx.reporter.report(DiagnosticCode.PARTY_TABLE, name.span(),
          "an activity party cannot point to `" + table.name() + "` rows", "not a party table",
          "search " + String.join(", ", allowed.stream().map(t -> "dynamics." + t).toList()));
      return Optional.empty();
    }
    String email = emailColumn(table.name());
    if (table.column(email).isEmpty()) {
      cx.reporter.report(DiagnosticCode.PARTY_TABLE, name.span(),
          "`" + table.name() + "` has no email column `" + email + "` to find a participant by", "no email column",
          "pull the schema again (`fmap schema pull`), or leave " + table.name() + " out of `resolve`");
      return Optional.empty();
    }
    String nav = target.get().navigationProperty() == null ? "partyid_" + table.name()
        : target.get().navigationProperty();
    return Optional.of(new PartyCandidate(table.name(), nav, table.primaryIdColumn(), email));
  }

  /** Where Dataverse keeps a row's primary email: users have their own column, the rest the first address. */
  static String emailColumn(String table) {
    return table.equals("systemuser") ? "internalemailaddress" : "emailaddress1";
  }

  /** Text for one participant, a list of text with {@code each}; reported otherwise. */
  private boolean address(PartyItem p, Expr address) {
    Type type = address.type();
    if (type instanceof Type.Unknown || type instanceof Type.Null) return true;
    boolean list = type instanceof Type.ListOf;
    if (p.each() && !list) {
      cx.reporter.report(DiagnosticCode.PARTY_ADDRESS, p.address().span(),
          "`each` takes a list of addresses, but this is " + type.describe(), "not a list",
          "write `party " + p.role().text() + " = ...` without `each` for a single address");
      return false;
    }
    if (!p.each() && list) {
      cx.reporter.report(DiagnosticCode.PARTY_ADDRESS, p.address().span(),
          "this is a list of addresses (" + type.describe() + "); one `party` line without `each` takes one",
          "a list", "write `each` before it: one participant per element");
      return false;
    }
    Type element = list ? ((Type.ListOf) type).element() : type;
    if (!(element instanceof Type.Text || element instanceof Type.Unknown)) {
      cx.reporter.report(DiagnosticCode.PARTY_ADDRESS, p.address().span(),
          "a participant is found by its email address, but this is " + element.describe(), "not text",
          "give the field that holds the email address");
      return false;
    }
    return true;
  }
}
