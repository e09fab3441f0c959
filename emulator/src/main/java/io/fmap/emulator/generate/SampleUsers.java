package io.fmap.emulator.generate;

import java.util.List;

/**
 * The owners of the sample data: a fixed roster, the same for every seed and size, so that the
 * Dataverse emulator can seed its {@code systemuser}s from {@link #inDynamics()} and leave the
 * awkward ones as they would be in a real tenant.
 */
public final class SampleUsers {
  private SampleUsers() {}

  /**
   * One Spark user and how the matching Dynamics user looks.
   *
   * @param id               Spark id
   * @param email            Spark email; null for the user who has none
   * @param name             display name
   * @param activeInSpark    whether the Spark user is active
   * @param inDynamics       whether Dynamics has a user with this email
   * @param enabledInDynamics whether that Dynamics user is enabled
   */
  public record SampleUser(String id, String email, String name, boolean activeInSpark, boolean inDynamics,
                           boolean enabledInDynamics) {}

  private static final List<SampleUser> ROSTER = List.of(
      user(1, "ana.lopez@fmap.example", "Ana López"),
      user(2, "ben.okafor@fmap.example", "Ben Okafor"),
      user(3, "cara.diaz@fmap.example", "Cara Díaz"),
      user(4, "dmitri.ivanov@fmap.example", "Дмитрий Иванов"),
      user(5, "sales.team@fmap.example", "Sales Team (shared inbox)"),
      user(6, "emma.schulz@fmap.example", "Emma Schulz"),
      user(7, "farid.haddad@fmap.example", "فريد حداد"),
      user(8, "grace.kim@fmap.example", "Grace Kim"),
      user(9, "hiro.tanaka@fmap.example", "田中 博"),
      user(10, "ines.moreau@fmap.example", "Inès Moreau"),
      user(11, "jonas.berg@fmap.example", "Jonas Berg"),
      user(12, "kavya.rao@fmap.example", "Kavya Rao"),
      user(13, "liam.walsh@fmap.example", "Liam Walsh"),
      user(14, "mia.rossi@fmap.example", "Mia Rossi"),
      user(15, "noah.levi@fmap.example", "Noah Levi"),
      // Left the company: Spark still lists them, Dynamics never had them.
      new SampleUser("usr-0000016", "olga.petrova@fmap.example", "Ольга Петрова", true, false, false),
      // Created by an integration: no email at all.
      new SampleUser("usr-0000017", null, "Import Bot", true, false, false),
      // Two Spark users share one email (a person and the shared inbox alias they used).
      new SampleUser("usr-0000018", "sales.team@fmap.example", "Sam Sales", true, true, true),
      // Disabled in both systems, still owning records.
      new SampleUser("usr-0000019", "pat.former@fmap.example", "Pat Former", false, true, false),
      // Only in Spark.
      new SampleUser("usr-0000020", "quinn.contractor@fmap.example", "Quinn Contractor", true, false, false));

  private static SampleUser user(int n, String email, String name) {
    return new SampleUser(String.format("usr-%07d", n), email, name, true, true, true);
  }

  public static List<SampleUser> roster() {
    return ROSTER;
  }

  /**
   * The users the Dynamics side has, for the Dataverse emulator to seed: the shared email appears
   * twice (two enabled users, so owner resolution by email is ambiguous there), the disabled one
   * is disabled, and three Spark owners are absent.
   */
  public static List<SampleUser> inDynamics() {
    return ROSTER.stream().filter(SampleUser::inDynamics).toList();
  }
}
