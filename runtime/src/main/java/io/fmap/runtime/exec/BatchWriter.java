package io.fmap.runtime.exec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.MappingError;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.ledger.ContentHash;
import io.fmap.runtime.ledger.Intent;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.Outcome;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.WriteKind;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.target.CurrentRow;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.Ownership;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes one batch of source records through the ledger: map, set aside what cannot be sent
 * (quarantined with its reason, or skipped because the standing write has the same content),
 * announce the rest, send it, record the answers. One ledger commit per step and table, never one
 * per record. Thread-safe: batches of one run are written in parallel.
 */
final class BatchWriter {
  /** Lookup updates of the second pass are ledger entries of their own: {@code Company~lookups}. */
  static final String LOOKUPS_SUFFIX = "~lookups";
  /** State changes after the load are ledger entries of their own: {@code Deal~state}. */
  static final String STATE_SUFFIX = "~state";
  /**
   * The activity a close recorded (an {@code opportunityclose}) is a ledger entry of its own, a row the run
   * created: {@code Deal~close}.
   */
  static final String CLOSE_SUFFIX = "~close";
  /** File bodies written last are ledger entries of their own: {@code File~files}. */
  static final String FILES_SUFFIX = "~files";

  /** Which pass of the load a batch belongs to: rows, then deferred lookups, then state changes. */
  enum Pass {
    ROWS(""), LOOKUPS(LOOKUPS_SUFFIX), STATES(STATE_SUFFIX), FILES(FILES_SUFFIX);

    final String suffix;

    Pass(String suffix) {
      this.suffix = suffix;
    }
  }

  /**
   * A row ready to announce: its ledger key, what is sent, and what the ledger keeps of it.
   *
   * @param targetId    the row's id when known before the write (written by id, or found in the target)
   * @param beforeImage the columns it writes as they were before, when the row was there already
   */
  private record Prepared(RecordKey key, TargetRow row, WriteKind kind, String hash, String targetId,
      String beforeImage) {
    Prepared(RecordKey key, TargetRow row, WriteKind kind, String hash, String beforeImage) {
      this(key, row, kind, hash, RowContent.knownId(row.key()), beforeImage);
    }

    /**
     * The row as found in the target. One that is there keeps the activity parties it was created
     * with: they are child rows made with the create, and an update that listed them again would
     * add them a second time (Dataverse) or be refused (the emulator), e.g. when an in-doubt create
     * is sent again or a delta updates an email whose subject changed.
     */
    Prepared found(String id, String image) {
      TargetRow sent = row.parties().isEmpty() ? row : new TargetRow(row.map(), row.table(), row.source(), row.key(),
          row.columns(), row.lookups(), row.owner(), List.of());
      return new Prepared(key, sent, kind, hash, id, image);
    }

    /** A row that was there before the write is updated by it, whatever the write's kind. */
    boolean updates() {
      return kind == WriteKind.UPDATE || beforeImage != null;
    }
  }

  private final CompiledPlan plan;
  private final SourceConnector source;
  private final MappingContext context;
  private final Ledger ledger;
  private final TargetConnector target;
  private final SystemSchema targetSchema;
  private final Owners owners;
  private final FaultHook hook;
  private final long runId;
  /** Links of the second pass that would close a hierarchy loop: set before that pass starts. */
  private volatile ParentLoops loops = ParentLoops.NONE;

  BatchWriter(CompiledPlan plan, SourceConnector source, MappingContext context, Ledger ledger,
      TargetConnector target, SystemSchema targetSchema, Owners owners, FaultHook hook, long runId) {
    this.plan = plan;
    this.source = source;
    this.context = context;
    this.ledger = ledger;
    this.target = target;
    this.targetSchema = targetSchema;
    this.owners = owners;
    this.hook = hook;
    this.runId = runId;
  }

  /** The links the second pass leaves out, found over the whole run before it starts. */
  void leaveOut(ParentLoops found) {
    this.loops = found;
  }

  /**
   * File bodies a batch holds before it sends them, in characters of Base64 (4 MB of files): the
   * file pass batches many files, a round of ledger commits and target reads for each one costs more
   * than the file, but memory must not hold a batch's worth of large files.
   */
  static final long FILE_BODY_CHARS_PER_SEND = 5_600_000;

  void write(List<SourceRecord> records, Pass pass) throws IOException {
    List<Outcome> setAside = new ArrayList<>();
    Map<String, List<Prepared>> byTable = new LinkedHashMap<>();
    long bodyChars = 0;
    for (SourceRecord record : records) {
      List<Prepared> rows = new ArrayList<>();
      Optional<Outcome.Quarantined> problem = switch (pass) {
        case ROWS -> prepareRows(record, rows);
        case LOOKUPS -> prepareLookups(record, rows, setAside);
        case STATES -> prepareStates(record, rows);
        case FILES -> prepareFiles(record, rows);
      };
      if (problem.isPresent()) {
        setAside.add(problem.get());
      } else {
        rows.forEach(p -> byTable.computeIfAbsent(p.key().targetTable(), t -> new ArrayList<>()).add(p));
      }
      if (pass == Pass.FILES) {
        bodyChars += rows.stream().mapToLong(p -> textLength(p.row())).sum();
        if (bodyChars >= FILE_BODY_CHARS_PER_SEND) {
          send(setAside, byTable, pass);
          setAside.clear();
          byTable.clear();
          bodyChars = 0;
        }
      }
    }
    send(setAside, byTable, pass);
  }

  private void send(List<Outcome> setAside, Map<String, List<Prepared>> byTable, Pass pass) throws IOException {
    setAside(setAside);
    if (pass != Pass.ROWS) dropRowsThatNeverLanded(byTable, pass);
    for (Map.Entry<String, List<Prepared>> table : byTable.entrySet()) {
      send(table.getKey(), table.getValue(), pass);
    }
  }

  private static long textLength(TargetRow row) {
    long chars = 0;
    for (Object value : row.columns().values()) {
      if (value instanceof String text) chars += text.length();
    }
    return chars;
  }

  /** A source record the connector could not read: quarantined under its location. */
  void malformed(MalformedRecord bad) {
    RecordKey key = new RecordKey(bad.object(), bad.location(), "(source)");
    setAside(List.of(new Outcome.Quarantined(key, "MALFORMED_RECORD", bad.reason())));
  }

  /** First pass: every row of the record without its deferred lookups, or the record's quarantine. */
  private Optional<Outcome.Quarantined> prepareRows(SourceRecord record, List<Prepared> out) {
    List<MapResult> results = plan.transform(record, context);
    for (MapResult result : results) {
      if (result instanceof MapResult.Failed failed) {
        // One failing map sets the whole record aside: half a record in the target helps nobody.
        return Optional.of(quarantine(record, failed.error()));
      }
    }
    for (MapResult result : results) {
      for (TargetRow mapped : ((MapResult.Mapped) result).rows()) {
        TargetRow row = StateColumns.forCreate(mapped.withoutLookups(plan.deferredColumns(mapped.map())),
            plan.stateColumns(mapped.map()));
        if (row.owner() == null && owned(row.table())) {
          Optional<TargetRef> fallback = owners.fallback();
          if (fallback.isEmpty()) {
            return Optional.of(quarantine(record, new MappingError(MappingError.Code.UNRESOLVED_OWNER,
                "the map assigns no owner to this " + row.table() + " row and the project has no fallback owner",
                plan.map(row.map()).map(MapTransform::location).orElse(null), row.source())));
          }
          row = withOwner(row, fallback.get());
        }
        Optional<Outcome.Quarantined> untranslatable = checkTranslatable(record, row);
        if (untranslatable.isPresent()) return untranslatable;
        RecordKey key = new RecordKey(record.object(), record.id(), row.table());
        out.add(new Prepared(key, row, WriteKind.UPSERT, RowContent.hash(row), null));
      }
    }
    return Optional.empty();
  }

  /**
   * Second pass: only the deferred lookups that have a value. Mapping failures were quarantined in
   * the first pass and are not reported twice. A row whose self-reference would close a hierarchy
   * loop ({@link ParentLoops}) is not updated: it is set aside as {@value ParentLoops#CODE} with the
   * loop. Its other second-pass lookups, if its map has any, wait with it: a row has one ledger entry per pass.
   */
  private Optional<Outcome.Quarantined> prepareLookups(SourceRecord record, List<Prepared> out, List<Outcome> setAside) {
    for (MapResult result : plan.transform(record, context)) {
      if (!(result instanceof MapResult.Mapped mapped)) return Optional.empty();
      for (TargetRow row : mapped.rows()) {
        Set<String> deferred = new HashSet<>(plan.deferredColumns(row.map()));
        deferred.retainAll(row.lookups().keySet());
        if (deferred.isEmpty()) continue;
        RecordKey key = new RecordKey(record.object() + LOOKUPS_SUFFIX, record.id(), row.table());
        Optional<ParentLoops.BrokenLink> broken = loops.broken(new RecordKey(record.object(), record.id(), row.table()));
        if (broken.isPresent()) {
          setAside.add(new Outcome.Quarantined(key, ParentLoops.CODE, broken.get().message()));
          continue;
        }
        TargetRow only = row.onlyLookups(deferred);
        Map<String, Object> before = new TreeMap<>();
        deferred.forEach(column -> before.put(column, null));
        // Before the update the first pass had left these lookups empty: that is what rollback restores.
        out.add(new Prepared(key, only, WriteKind.UPDATE, RowContent.hash(only),
            ContentHash.canonicalJson(before)));
      }
    }
    return Optional.empty();
  }

  /** Third pass: the state columns of rows that leave the open state, nothing else. */
  private Optional<Outcome.Quarantined> prepareStates(SourceRecord record, List<Prepared> out) {
    for (MapResult result : plan.transform(record, context)) {
      if (!(result instanceof MapResult.Mapped mapped)) return Optional.empty();
      for (TargetRow row : mapped.rows()) {
        Optional<TargetRow> change = StateColumns.afterLoad(row, plan.stateColumns(row.map()));
        if (change.isEmpty()) continue;
        RecordKey key = new RecordKey(record.object() + STATE_SUFFIX, record.id(), row.table());
        // The before-image (the state the row is in now) is read just before the change is sent.
        out.add(new Prepared(key, change.get(), WriteKind.UPDATE, RowContent.hash(change.get()), null));
      }
    }
    return Optional.empty();
  }

  /**
   * Last pass: the body of the record's file, Base64, for the rows whose map takes it (an attachment).
   * A body larger than the target takes goes to its large-file store, streamed, never held whole, and
   * the row gets the columns that link to it instead. A body the source cannot give quarantines that
   * file, not the run.
   */
  private Optional<Outcome.Quarantined> prepareFiles(SourceRecord record, List<Prepared> out) {
    for (MapResult result : plan.transform(record, context)) {
      if (!(result instanceof MapResult.Mapped mapped)) return Optional.empty();
      for (TargetRow row : mapped.rows()) {
        Set<String> columns = plan.fileBodyColumns(row.map());
        if (columns.isEmpty()) continue;
        RecordKey key = new RecordKey(record.object() + FILES_SUFFIX, record.id(), row.table());
        TreeMap<String, Object> only = new TreeMap<>();
        boolean large = false;
        try (InputStream in = source.openFile(record.id())) {
          long limit = target.maxFileBytes(row.table());
          byte[] head = limit >= Integer.MAX_VALUE - 8 ? in.readAllBytes() : in.readNBytes((int) limit + 1);
          if (head.length <= limit) {
            String body = Base64.getEncoder().encodeToString(head);
            columns.forEach(column -> only.put(column, body));
          } else {
            large = true;
            String name = Objects.toString(row.columns().get("filename"), record.id());
            only.putAll(target.storeLargeFile(row.table(), record.id(), name,
                new SequenceInputStream(new ByteArrayInputStream(head), in)));
          }
        } catch (IOException | RuntimeException unreadable) {
          return Optional.of(new Outcome.Quarantined(key, large ? "FILE_NOT_STORED" : "FILE_UNREADABLE",
              String.valueOf(unreadable.getMessage())));
        }
        Map<String, Object> before = new TreeMap<>();
        only.keySet().forEach(column -> before.put(column, null));
        TargetRow file = new TargetRow(row.map(), row.table(), row.source(), row.key(), only, new TreeMap<>(), null,
            List.of());
        out.add(new Prepared(key, file, WriteKind.UPDATE, RowContent.hash(file), ContentHash.canonicalJson(before)));
      }
    }
    return Optional.empty();
  }

  /** A later pass would write to a row the first pass never wrote: those are left out. */
  private void dropRowsThatNeverLanded(Map<String, List<Prepared>> byTable, Pass pass) {
    List<RecordKey> firstPass = new ArrayList<>();
    byTable.values().forEach(rows -> rows.forEach(p -> firstPass.add(rowKey(p.key(), pass))));
    Set<RecordKey> landed = ledger.history().lastLanded(firstPass).keySet();
    byTable.values().forEach(rows -> rows.removeIf(p -> !landed.contains(rowKey(p.key(), pass))));
    byTable.values().removeIf(List::isEmpty);
  }

  private static RecordKey rowKey(RecordKey passKey, Pass pass) {
    String object = passKey.sourceObject();
    return new RecordKey(object.substring(0, object.length() - pass.suffix.length()), passKey.sourceId(),
        passKey.targetTable());
  }

  private Optional<Outcome.Quarantined> checkTranslatable(SourceRecord record, TargetRow row) {
    return RowContent.unknownTable(row, targetSchema).map(table -> quarantine(record, new MappingError(
        MappingError.Code.FAILED, "the row refers to table " + table + ", which the target schema does not have; "
        + "run `fmap schema pull` and `fmap check`", plan.map(row.map()).map(MapTransform::location).orElse(null),
        row.source())));
  }

  private boolean owned(String table) {
    return targetSchema.table(table).map(t -> t.ownership() == Ownership.USER).orElse(false);
  }

  private static TargetRow withOwner(TargetRow row, TargetRef owner) {
    return new TargetRow(row.map(), row.table(), row.source(), row.key(), row.columns(), row.lookups(), owner,
        row.parties());
  }

  /** The record set aside, under the table its maps write (all of them, when several). */
  private Outcome.Quarantined quarantine(SourceRecord record, MappingError error) {
    String tables = plan.router(record.object())
        .map(r -> String.join(",", r.maps().stream().map(MapTransform::targetTable).distinct().sorted().toList()))
        .filter(t -> !t.isEmpty()).orElse("(unrouted)");
    return new Outcome.Quarantined(new RecordKey(record.object(), record.id(), tables), error.code().name(),
        error.describe());
  }

  private void setAside(List<? extends Outcome> outcomes) {
    if (outcomes.isEmpty()) return;
    List<RecordKey> keys = outcomes.stream().map(Outcome::key).toList();
    Set<RecordKey> landed = ledger.landedAmong(runId, keys);
    List<Outcome> open = outcomes.stream().filter(o -> !landed.contains(o.key())).map(o -> (Outcome) o).toList();
    if (open.isEmpty()) return;
    hook.before(FaultHook.Step.SET_ASIDE);
    ledger.settle(runId, open);
  }

  /**
   * Skip what stands unchanged, read what the target holds for the rest (the before-images rollback
   * puts back), announce it, send it, record the answers with the versions the updated rows now have.
   */
  private void send(String table, List<Prepared> rows, Pass pass) throws IOException {
    Map<RecordKey, LedgerEntry> standing = ledger.history().lastLanded(rows.stream().map(Prepared::key).toList());
    List<Prepared> changed = new ArrayList<>();
    List<Outcome> skipped = new ArrayList<>();
    for (Prepared p : rows) {
      LedgerEntry last = standing.get(p.key());
      if (last != null && last.runId() == runId) continue; // landed earlier in this run: never re-sent
      if (last != null && Objects.equals(last.contentHash(), p.hash()) && !reopenedInThisRun(p, pass)) {
        skipped.add(new Outcome.Skipped(p.key(), "unchanged since run " + last.runId(), p.hash()));
      } else {
        changed.add(p);
      }
    }
    setAside(skipped);
    if (changed.isEmpty()) return;
    List<Prepared> toSend = pass == Pass.STATES ? withStatesBefore(table, changed)
        : withBeforeImages(table, changed, standing, pass);
    Set<RecordKey> closed = pass == Pass.ROWS ? closedByAStandingChange(toSend) : Set.of();
    if (!closed.isEmpty()) toSend = withStatesOfClosed(table, toSend, closed);
    List<Intent> intents = toSend.stream().map(p -> new Intent(p.key(), p.kind(), p.targetId(), p.hash(),
        p.beforeImage())).toList();
    hook.before(FaultHook.Step.INTEND);
    Set<RecordKey> accepted = new HashSet<>(ledger.intend(runId, intents));
    List<Prepared> sending = toSend.stream().filter(p -> accepted.contains(p.key())).toList();
    if (sending.isEmpty()) return;
    hook.before(FaultHook.Step.SEND);
    if (!closed.isEmpty()) reopenClosed(table, sending, closed);
    List<TargetRow> sent = sending.stream().map(Prepared::row).toList();
    Optional<String> closeTable = pass == Pass.STATES ? target.closeRecordTable(table) : Optional.empty();
    Map<UUID, Set<UUID>> closesBefore = closeTable.isPresent() ? target.closeRecords(table, ids(sending)) : Map.of();
    List<WriteResult> results = pass == Pass.STATES ? target.changeState(table, sent) : target.writeRows(table, sent);
    if (results.size() != sending.size()) {
      throw new IOException("the target answered " + results.size() + " results for " + sending.size() + " rows of "
          + table + "; the writes stay in doubt and the next run checks them");
    }
    Map<UUID, String> versions = versionsOfUpdated(table, sending, results);
    List<Outcome> outcomes = new ArrayList<>(sending.size());
    for (int i = 0; i < sending.size(); i++) outcomes.add(outcome(sending.get(i), results.get(i), versions));
    hook.before(FaultHook.Step.SETTLE);
    ledger.settle(runId, outcomes);
    if (closeTable.isPresent()) recordCloses(table, closeTable.get(), sending, results, closesBefore);
  }

  private static List<UUID> ids(List<Prepared> rows) {
    return rows.stream().filter(p -> p.targetId() != null).map(p -> UUID.fromString(p.targetId())).toList();
  }

  /**
   * The state pass: each row gets its own id (from the record's standing write: a row the org already had
   * keeps its id, not the one fmap would derive) and, as its before-image, the state and status reason it
   * has now, read by id just before the change: rollback reopens the row with exactly that status reason.
   * A row this run reopened to update it ({@link #reopenClosed}) reads as open: its earlier close is in the
   * first pass's before-image ({@link #withStatesOfClosed}), which rollback prefers (the oldest image wins).
   */
  private List<Prepared> withStatesBefore(String table, List<Prepared> rows) throws IOException {
    Map<RecordKey, LedgerEntry> firstPass = ledger.history().lastLanded(rows.stream()
        .map(p -> rowKey(p.key(), Pass.STATES)).toList());
    List<Prepared> withIds = new ArrayList<>(rows.size());
    for (Prepared p : rows) {
      LedgerEntry row = firstPass.get(rowKey(p.key(), Pass.STATES));
      String id = row != null && row.targetId() != null ? row.targetId() : p.targetId();
      withIds.add(new Prepared(p.key(), p.row(), p.kind(), p.hash(), id, p.beforeImage()));
    }
    Set<String> columns = new java.util.TreeSet<>();
    rows.forEach(p -> plan.stateColumns(p.row().map()).stream().filter(p.row().columns()::containsKey)
        .forEach(columns::add));
    Map<UUID, CurrentRow> now = target.rows(table, ids(withIds), List.copyOf(columns));
    List<Prepared> out = new ArrayList<>(rows.size());
    for (Prepared p : withIds) {
      CurrentRow current = p.targetId() == null ? null : now.get(UUID.fromString(p.targetId()));
      Map<String, Object> before = new TreeMap<>();
      plan.stateColumns(p.row().map()).stream().filter(p.row().columns()::containsKey).forEach(column ->
          before.put(column, current == null ? null : current.columns().get(column)));
      // A row not found is refused by the change (an update only); the open state is what the first pass left.
      if (before.get(io.fmap.runtime.api.StateChange.STATE_COLUMN) == null) {
        before.put(io.fmap.runtime.api.StateChange.STATE_COLUMN, 0);
      }
      out.add(new Prepared(p.key(), p.row(), p.kind(), p.hash(), p.targetId(), ContentHash.canonicalJson(before)));
    }
    return out;
  }

  /**
   * The activities a close recorded (an opportunity's {@code opportunityclose}, made by WinOpportunity and
   * LoseOpportunity): those of the row after the change that it did not have before. Each is recorded as a
   * row the run created ({@code Deal~close}), so rollback deletes it, also on a row the org already had.
   * Recorded after the change settled: a crash in between leaves that close unrecorded (docs/cutover.md).
   */
  private void recordCloses(String table, String closeTable, List<Prepared> sending, List<WriteResult> results,
      Map<UUID, Set<UUID>> before) throws IOException {
    List<Prepared> closed = new ArrayList<>();
    for (int i = 0; i < sending.size(); i++) {
      if (results.get(i).ok() && sending.get(i).targetId() != null) closed.add(sending.get(i));
    }
    if (closed.isEmpty()) return;
    Map<UUID, Set<UUID>> after = target.closeRecords(table, ids(closed));
    List<Intent> intents = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (Prepared p : closed) {
      UUID row = UUID.fromString(p.targetId());
      Set<UUID> made = new java.util.TreeSet<>(after.getOrDefault(row, Set.of()));
      made.removeAll(before.getOrDefault(row, Set.of()));
      // One close per change: a second new one would be someone else's, closing and reopening it meanwhile.
      if (made.size() != 1) continue;
      RecordKey key = new RecordKey(rowKey(p.key(), Pass.STATES).sourceObject() + CLOSE_SUFFIX, p.key().sourceId(),
          closeTable);
      String id = made.iterator().next().toString();
      intents.add(new Intent(key, WriteKind.CREATE, id, null, null));
      outcomes.add(new Outcome.Landed(key, Operation.CREATED, id, null));
    }
    if (intents.isEmpty()) return;
    Set<RecordKey> accepted = new HashSet<>(ledger.intend(runId, intents));
    ledger.settle(runId, outcomes.stream().filter(o -> accepted.contains(o.key())).toList());
  }

  /**
   * A closed row (won deal, completed task) is read-only: Dataverse refuses any update of it. A row
   * whose state change stands and whose content changed is set back to the open state first (an
   * update of {@code statecode} 0 alone, which Dataverse allows; the status takes the open state's
   * default), then updated; the state pass of this run closes it again. A reopen the target refuses
   * shows as the refusal of the update that follows, with the target's reason.
   */
  private void reopenClosed(String table, List<Prepared> sending, Set<RecordKey> closed) throws IOException {
    List<TargetRow> reopen = sending.stream().filter(p -> closed.contains(p.key()))
        .map(p -> new TargetRow(p.row().map(), table, p.row().source(), p.row().key(),
            new TreeMap<>(Map.of(io.fmap.runtime.api.StateChange.STATE_COLUMN, 0)), new TreeMap<>(), null, List.of()))
        .toList();
    if (!reopen.isEmpty()) target.changeState(table, reopen);
  }

  /** First-pass rows whose state change (a close by an earlier run) stands: {@link #reopenClosed} reopens them. */
  private Set<RecordKey> closedByAStandingChange(List<Prepared> rows) {
    List<Prepared> withState = rows.stream().filter(p -> !plan.stateColumns(p.row().map()).isEmpty()).toList();
    if (withState.isEmpty()) return Set.of();
    Set<RecordKey> standing = ledger.history().lastLanded(withState.stream().map(p -> stateKey(p.key())).toList())
        .keySet();
    Set<RecordKey> closed = new HashSet<>();
    withState.forEach(p -> {
      if (standing.contains(stateKey(p.key()))) closed.add(p.key());
    });
    return closed;
  }

  /**
   * The rows about to be reopened keep, in their before-image, the state and status reason they are closed
   * with now (read by id, one read per batch): rolling this run back closes them again that way. An image
   * that already has them (an announcement never answered) keeps its own.
   */
  private List<Prepared> withStatesOfClosed(String table, List<Prepared> rows, Set<RecordKey> closed)
      throws IOException {
    List<Prepared> found = rows.stream()
        .filter(p -> closed.contains(p.key()) && p.targetId() != null && p.beforeImage() != null).toList();
    if (found.isEmpty()) return rows;
    Set<String> columns = new java.util.TreeSet<>();
    found.forEach(p -> columns.addAll(plan.stateColumns(p.row().map())));
    Map<UUID, CurrentRow> now = target.rows(table, ids(found), List.copyOf(columns));
    Map<RecordKey, Prepared> withStates = new HashMap<>();
    for (Prepared p : found) {
      CurrentRow current = now.get(UUID.fromString(p.targetId()));
      if (current == null) continue;
      Map<String, Object> image = new TreeMap<>(JSON.readValue(p.beforeImage(), IMAGE));
      plan.stateColumns(p.row().map()).forEach(column -> {
        if (!image.containsKey(column)) image.put(column, current.columns().get(column));
      });
      withStates.put(p.key(), new Prepared(p.key(), p.row(), p.kind(), p.hash(), p.targetId(),
          ContentHash.canonicalJson(image)));
    }
    return rows.stream().map(p -> withStates.getOrDefault(p.key(), p)).toList();
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> IMAGE = new TypeReference<>() {};

  private static RecordKey stateKey(RecordKey rowKey) {
    return new RecordKey(rowKey.sourceObject() + STATE_SUFFIX, rowKey.sourceId(), rowKey.targetTable());
  }

  /**
   * An unchanged state change is sent again when the first pass of this run wrote the row: that
   * write reopened it ({@link #reopenClosed}), so the close that stood is no longer what the target holds.
   * A first pass that skipped the row (unchanged) left the close standing: nothing to send again.
   */
  private boolean reopenedInThisRun(Prepared p, Pass pass) {
    return pass == Pass.STATES && ledger.entry(runId, rowKey(p.key(), pass))
        .filter(first -> first.inDoubt() || first.outcome().landed()).isPresent();
  }

  /**
   * The rows with what the target holds for them now: a row that is there gets its id and the values
   * of the columns the write sets as its before-image. A row this run already announced and never saw
   * answered keeps that announcement's image: what the target holds now may be that very write.
   *
   * <p>Only rows that may be there are asked about: a row addressed by alternate key (the org may have
   * it), one a run wrote before, a lookup update. A row addressed by the id fmap derives from its source record and
   * never written is not there: only fmap makes those ids. A first load by derived ids reads nothing.
   */
  private List<Prepared> withBeforeImages(String table, List<Prepared> rows, Map<RecordKey, LedgerEntry> standing,
      Pass pass) throws IOException {
    // A lookup update goes to a row the first pass wrote, in this run or an earlier one: always asked.
    List<Prepared> asked = rows.stream().filter(p -> pass != Pass.ROWS
        || !(p.row().key() instanceof TargetKey.ById) || standing.containsKey(p.key())).toList();
    if (asked.isEmpty()) return rows;
    List<Optional<CurrentRow>> current = target.current(table, asked.stream().map(Prepared::row).toList());
    if (current.size() != asked.size()) {
      throw new IOException("the target answered " + current.size() + " rows for " + asked.size() + " keys of "
          + table);
    }
    Map<RecordKey, Prepared> found = new HashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      Prepared p = asked.get(i);
      Optional<CurrentRow> now = current.get(i);
      if (now.isEmpty()) continue;
      Optional<LedgerEntry> unanswered = ledger.entry(runId, p.key()).filter(LedgerEntry::inDoubt);
      String id = now.get().id().toString();
      found.put(p.key(), unanswered.isPresent() ? p.found(id, unanswered.get().beforeImage())
          : p.found(id, ContentHash.canonicalJson(now.get().columns())));
    }
    return rows.stream().map(p -> found.getOrDefault(p.key(), p)).toList();
  }

  /**
   * The versions (ETags) of the rows this batch wrote, read after the write (one read per batch): rollback
   * puts an updated row's before-image back, and deletes a created row, only while it still has that
   * version, so an edit made in the target after the run is refused instead of lost; a delta tells an
   * edit in the target from fmap's own write by it, exactly.
   */
  private Map<UUID, String> versionsOfUpdated(String table, List<Prepared> sending, List<WriteResult> results)
      throws IOException {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < sending.size(); i++) {
      String id = landedId(sending.get(i), results.get(i));
      if (id != null) ids.add(UUID.fromString(id));
    }
    Map<UUID, String> versions = new HashMap<>();
    if (!ids.isEmpty()) target.rows(table, ids, List.of()).forEach((id, row) -> versions.put(id, row.version()));
    return versions;
  }

  /**
   * The id of the row a write landed on. An id known before the write wins: a row found under its
   * alternate key keeps its own id, whatever id the connector would have given a row it created.
   */
  private static String landedId(Prepared p, WriteResult result) {
    if (!result.ok()) return null;
    if (p.targetId() != null) return p.targetId();
    return result.targetId() != null ? result.targetId().toString() : null;
  }

  private static Outcome outcome(Prepared p, WriteResult result, Map<UUID, String> versions) {
    if (!result.ok()) {
      return new Outcome.Failed(p.key(), result.errorCode(), result.message());
    }
    String id = landedId(p, result);
    if (id == null) {
      throw new IllegalStateException("the target connector reported " + p.key() + " written without its id");
    }
    Operation operation = p.updates() ? Operation.UPDATED : Operation.CREATED;
    return new Outcome.Landed(p.key(), operation, id, versions.get(UUID.fromString(id)));
  }
}
