package io.fmap.runtime.dataverse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 3, MD5) UUIDs, the same as {@link UUID#nameUUIDFromBytes} of the UTF-8 name,
 * with one {@code MessageDigest} per thread.
 *
 * <p>Why: {@code nameUUIDFromBytes} looks the MD5 provider up on every call; with one id per row
 * written that lookup was about a tenth of the connector's CPU while preparing bodies (JFR,
 * {@code LoadBenchmark}'s null-target phase).
 */
final class NameUuids {
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  });

  private NameUuids() {}

  static UUID of(String name) {
    byte[] hash = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    long most = 0;
    long least = 0;
    for (int i = 0; i < 8; i++) most = (most << 8) | (hash[i] & 0xff);
    for (int i = 8; i < 16; i++) least = (least << 8) | (hash[i] & 0xff);
    return new UUID(most, least);
  }
}
