package org.gridfleet.v2g.ocpp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.gridfleet.v2g.charger.ChargerDirectory;
import org.gridfleet.v2g.charger.ChargerRecord;

/** Test directory: passwords stored as PBKDF2-HMAC-SHA256 hashes with a per-charger salt. */
final class InMemoryChargerDirectory implements ChargerDirectory {
  private static final int ITERATIONS = 10_000;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  private record Entry(ChargerRecord charger, byte[] salt, byte[] hash) {}

  InMemoryChargerDirectory add(ChargerRecord charger, String password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    entries.put(charger.chargerId(), new Entry(charger, salt, hash(password.toCharArray(), salt)));
    return this;
  }

  @Override
  public Optional<ChargerRecord> find(String chargerId) {
    Entry e = entries.get(chargerId);
    return e == null ? Optional.empty() : Optional.of(e.charger());
  }

  @Override
  public boolean verifyPassword(String chargerId, char[] password) {
    Entry e = entries.get(chargerId);
    return e != null && MessageDigest.isEqual(e.hash(), hash(password, e.salt()));
  }

  private static byte[] hash(char[] password, byte[] salt) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
