package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;
import io.fmap.runtime.api.ActivityParty;
import io.fmap.runtime.api.PartyCandidate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A checked {@code party} line: the activity's participants in one role, written with the row's
 * create ({@code <activity>_activity_parties}).
 *
 * @param role    the participation type
 * @param each    the address is a list: one participant per element
 * @param address the address (text), or the addresses (a list of text) with {@code each}
 * @param resolve the tables searched by email, in order
 * @param span    the whole line
 */
public record Party(ActivityParty.Role role, boolean each, Expr address, List<PartyCandidate> resolve, Span span) {

  public Party {
    resolve = List.copyOf(resolve);
  }

  /** How the plan shows where participants come from. */
  public String describeResolution() {
    return "resolved by email in " + resolve.stream().map(PartyCandidate::table).collect(Collectors.joining(", "))
        + ", else kept as addressused";
  }

  /** The role as the language writes it ({@code to}, {@code required}). */
  public String roleName() {
    return Roles.name(role);
  }

  /** The language's role names, one per Dataverse participation type fmap writes. */
  public static final class Roles {
    private static final List<String> NAMES = List.of("sender", "to", "cc", "bcc", "required", "optional",
        "organizer");

    private Roles() {}

    /** Every role name, in Dataverse's participation-type order. */
    public static List<String> names() {
      return NAMES;
    }

    public static java.util.Optional<ActivityParty.Role> of(String name) {
      int i = NAMES.indexOf(name);
      return i < 0 ? java.util.Optional.empty() : java.util.Optional.of(ActivityParty.Role.values()[i]);
    }

    static String name(ActivityParty.Role role) {
      return NAMES.get(role.ordinal());
    }
  }
}
