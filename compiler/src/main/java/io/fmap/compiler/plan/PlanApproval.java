package io.fmap.compiler.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The gate in front of every verb that writes data: the plan about to run must be the plan a
 * person approved. Nothing runs on a missing, unreadable or outdated {@code fmap.lock}.
 */
public final class PlanApproval {

  private PlanApproval() {}

  /** The gate's answer. */
  public sealed interface Verdict {
    /** The plan is the approved one. */
    record Approved(String planHash) implements Verdict {}

    /** Nothing may run; {@code message} says why and what to do. */
    record Refused(String message, List<String> changes) implements Verdict {
      public Refused {
        changes = List.copyOf(changes);
      }
    }
  }

  public static Verdict check(Path projectDir, PlanLock current) {
    Path lockFile = projectDir.resolve(PlanLock.FILE_NAME);
    PlanLock approved;
    try {
      approved = PlanLock.parse(Files.readString(lockFile, StandardCharsets.UTF_8));
    } catch (NoSuchFileException missing) {
      return new Verdict.Refused("the plan has not been approved (no " + PlanLock.FILE_NAME + " in " + projectDir
          + "); review `fmap plan`, then run `fmap plan --approve` and commit " + PlanLock.FILE_NAME, List.of());
    } catch (IOException e) {
      return new Verdict.Refused("cannot read " + lockFile + ": " + e.getMessage(), List.of());
    } catch (IllegalArgumentException damaged) {
      return new Verdict.Refused(damaged.getMessage(), List.of());
    }
    List<String> changes = current.changesSince(approved);
    if (changes.isEmpty()) return new Verdict.Approved(current.planHash());
    return new Verdict.Refused("the plan changed since it was approved (" + String.join(", ", changes)
        + "); review `fmap plan`, then run `fmap plan --approve` again", changes);
  }

  /** Records the current plan as approved. */
  public static void approve(Path projectDir, PlanLock current) throws IOException {
    Files.writeString(projectDir.resolve(PlanLock.FILE_NAME), current.render(), StandardCharsets.UTF_8);
  }
}
