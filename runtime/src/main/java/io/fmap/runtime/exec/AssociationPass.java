package io.fmap.runtime.exec;

import io.fmap.runtime.api.Association;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.ledger.Intent;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.Outcome;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.WriteKind;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.Link;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.runtime.target.WriteResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The last phase of a load: the many-to-many links, once both sides of every link have landed.
 * Each link is a ledger entry of its own ({@code Project~fmap_project_contact}, source id
 * {@code prj-1→con-7}, target table the relationship), announced before it is sent and settled
 * after, so a resumed run sends only what the ledger does not know landed, and a later run skips
 * links an earlier run made. Both rows are addressed by the id the ledger holds for them: a link
 * whose row never landed is skipped with the reason, never sent.
 */
final class AssociationPass {
  private static final String ARROW = "→";

  private final Ledger ledger;
  private final SourceConnector source;
  private final TargetConnector target;
  private final FaultHook hook;
  private final int batchSize;
  private final long runId;

  AssociationPass(Ledger ledger, SourceConnector source, TargetConnector target, FaultHook hook, int batchSize,
      long runId) {
    this.ledger = ledger;
    this.source = source;
    this.target = target;
    this.hook = hook;
    this.batchSize = batchSize;
    this.runId = runId;
  }

  /** The ledger's source object for the links of one relationship. */
  static String ledgerObject(Association a) {
    return a.sourceObject() + "~" + a.relationship();
  }

  void run(Association association) throws IOException {
    // Malformed records were quarantined by the first pass; they hold no links to make.
    try (Stream<SourceRecord> records = source.records(association.sourceObject(), null, bad -> { })) {
      Iterator<SourceRecord> it = records.iterator();
      while (it.hasNext()) {
        List<SourceRecord> batch = new ArrayList<>(batchSize);
        while (it.hasNext() && batch.size() < batchSize) batch.add(it.next());
        write(association, batch);
      }
    }
  }

  private void write(Association a, List<SourceRecord> records) throws IOException {
    Map<RecordKey, Pair> pairs = new LinkedHashMap<>();
    for (SourceRecord record : records) {
      for (String otherId : ids(record.get(a.sourceField()))) {
        RecordKey key = new RecordKey(ledgerObject(a), record.id() + ARROW + otherId, a.relationship());
        pairs.putIfAbsent(key, new Pair(new RecordKey(a.sourceObject(), record.id(), a.table()),
            new RecordKey(a.otherObject(), otherId, a.otherTable())));
      }
    }
    if (pairs.isEmpty()) return;
    Set<RecordKey> rows = new LinkedHashSet<>();
    pairs.values().forEach(p -> { rows.add(p.row()); rows.add(p.other()); });
    Map<RecordKey, LedgerEntry> landedRows = ledger.history().lastLanded(rows);
    Map<RecordKey, LedgerEntry> standing = ledger.history().lastLanded(pairs.keySet());

    List<Outcome> setAside = new ArrayList<>();
    List<RecordKey> toSend = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (Map.Entry<RecordKey, Pair> e : pairs.entrySet()) {
      RecordKey key = e.getKey();
      LedgerEntry last = standing.get(key);
      if (last != null && last.runId() == runId) continue; // linked earlier in this run: never re-sent
      if (last != null) {
        setAside.add(new Outcome.Skipped(key, "linked in run " + last.runId(), null));
        continue;
      }
      LedgerEntry row = landedRows.get(e.getValue().row());
      LedgerEntry other = landedRows.get(e.getValue().other());
      if (row == null || other == null || row.targetId() == null || other.targetId() == null) {
        // Not a lost link: the record went to another table (a contact routed to a lead) or was
        // set aside itself, and the summary reports that record already.
        RecordKey missing = row == null || row.targetId() == null ? e.getValue().row() : e.getValue().other();
        setAside.add(new Outcome.Skipped(key, missing.sourceObject() + " " + missing.sourceId() + " has no row in "
            + missing.targetTable() + ", so it is not linked through " + a.relationship(), null));
        continue;
      }
      toSend.add(key);
      links.add(new Link(key.sourceId(), UUID.fromString(row.targetId()), UUID.fromString(other.targetId())));
    }
    settleOpen(setAside);
    if (toSend.isEmpty()) return;
    List<Intent> intents = new ArrayList<>(toSend.size());
    for (int i = 0; i < toSend.size(); i++) {
      intents.add(new Intent(toSend.get(i), WriteKind.CREATE, links.get(i).id().toString(), null, null));
    }
    hook.before(FaultHook.Step.INTEND);
    Set<RecordKey> accepted = new HashSet<>(ledger.intend(runId, intents));
    List<RecordKey> sendingKeys = new ArrayList<>();
    List<Link> sending = new ArrayList<>();
    for (int i = 0; i < toSend.size(); i++) {
      if (!accepted.contains(toSend.get(i))) continue;
      sendingKeys.add(toSend.get(i));
      sending.add(links.get(i));
    }
    if (sending.isEmpty()) return;
    hook.before(FaultHook.Step.SEND);
    List<WriteResult> results = target.associate(a.table(), a.navigationProperty(), a.otherTable(), sending);
    if (results.size() != sending.size()) {
      throw new IOException("the target answered " + results.size() + " results for " + sending.size()
          + " links of " + a.relationship() + "; the links stay in doubt and the next run sends them again");
    }
    List<Outcome> outcomes = new ArrayList<>(sending.size());
    for (int i = 0; i < sending.size(); i++) {
      WriteResult r = results.get(i);
      RecordKey key = sendingKeys.get(i);
      outcomes.add(r.ok() ? new Outcome.Landed(key, Operation.CREATED, sending.get(i).id().toString(), null)
          : new Outcome.Failed(key, r.code() == null || r.code().isEmpty() ? "HTTP_" + r.status() : r.code(),
              r.message()));
    }
    hook.before(FaultHook.Step.SETTLE);
    ledger.settle(runId, outcomes);
  }

  private void settleOpen(List<Outcome> outcomes) {
    if (outcomes.isEmpty()) return;
    Set<RecordKey> landed = ledger.landedAmong(runId, outcomes.stream().map(Outcome::key).toList());
    List<Outcome> open = outcomes.stream().filter(o -> !landed.contains(o.key())).toList();
    if (open.isEmpty()) return;
    hook.before(FaultHook.Step.SET_ASIDE);
    ledger.settle(runId, open);
  }

  /** The linked ids of a list field, in source order, without blanks or repeats. */
  private static Set<String> ids(Object value) {
    Set<String> ids = new LinkedHashSet<>();
    if (value instanceof List<?> list) {
      for (Object id : list) {
        if (id != null && !String.valueOf(id).isBlank()) ids.add(String.valueOf(id));
      }
    }
    return ids;
  }

  /** The two rows a link joins, as the ledger knows them. */
  private record Pair(RecordKey row, RecordKey other) {}
}
