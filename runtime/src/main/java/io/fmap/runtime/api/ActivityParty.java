package io.fmap.runtime.api;

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
