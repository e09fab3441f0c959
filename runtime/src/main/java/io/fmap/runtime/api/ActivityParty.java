package io.fmap.runtime.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One participant of an email, phone call or appointment ({@code <activity>_activity_parties}).
 *
 * <p>A participant fmap could resolve carries {@code party}; one it could not (an outside email
 * address) carries only {@code addressUsed}, which Dataverse keeps as an unresolved recipient.
 *
 * @param role        the participation type (sender, to, attendee, ...)
 * @param party       the resolved participant, bound via {@code partyid_<table>}; null when unresolved
 * @param addressUsed the address the participant was reached at; may be null when {@code party} is set
 */
public record ActivityParty(Role role, TargetRef party, String addressUsed) {

  public ActivityParty {
    java.util.Objects.requireNonNull(role, "role");
    if (party == null && (addressUsed == null || addressUsed.isBlank())) {
      throw new IllegalArgumentException("an activity party needs a resolved party or an address");
    }
  }

  /**
   * The participants of one {@code party} line with one address: none when the address is null or
   * blank, else the row the context resolves it to, or the bare address.
   */
  public static List<ActivityParty> resolve(Role role, String address, MappingContext context,
      List<PartyCandidate> candidates) {
    if (address == null || address.isBlank()) return List.of();
    String stripped = address.strip();
    return List.of(new ActivityParty(role, context.party(stripped, candidates).orElse(null), stripped));
  }

  /**
   * The participants of a {@code party ... = each ...} line: one per address, in list order, blank
   * ones and repeats of an address already listed in this role left out (Dataverse would show the
   * recipient twice).
   */
  public static List<ActivityParty> resolveEach(Role role, List<String> addresses, MappingContext context,
      List<PartyCandidate> candidates) {
    if (addresses == null || addresses.isEmpty()) return List.of();
    List<ActivityParty> out = new ArrayList<>(addresses.size());
    Set<String> seen = new HashSet<>();
    for (String address : addresses) {
      if (address == null || address.isBlank() || !seen.add(address.strip().toLowerCase(Locale.ROOT))) continue;
      out.addAll(resolve(role, address, context, candidates));
    }
    return out;
  }

  /** Dataverse {@code participationtypemask} values fmap writes. */
  public enum Role {
    SENDER(1), TO_RECIPIENT(2), CC_RECIPIENT(3), BCC_RECIPIENT(4),
    REQUIRED_ATTENDEE(5), OPTIONAL_ATTENDEE(6), ORGANIZER(7);

    private final int mask;

    Role(int mask) {
      this.mask = mask;
    }

    /** The number Dataverse expects in {@code participationtypemask}. */
    public int mask() {
      return mask;
    }
  }
}
