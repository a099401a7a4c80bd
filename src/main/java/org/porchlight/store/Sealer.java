package org.porchlight.store;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a member's words before they are stored, and opens them when read: AES-256-GCM from the
 * JDK, a fresh 12-byte nonce for every seal, the nonce and the tag kept with the text. A sealed
 * text is Base64 of nonce, ciphertext and tag; the same name sealed twice looks different.
 */
public final class Sealer {
  public static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public Sealer(byte[] key) {
    requireNonNull(key, "key == null");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the secret key is " + KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A new random key. */
  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  public String seal(String text) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  /** The text sealed in {@code sealed}; {@link WrongKey} when this key did not seal it. */
  public String open(String sealed) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed);
    } catch (IllegalArgumentException e) {
      throw new WrongKey("a sealed text is not Base64");
    }
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) throw new WrongKey("a sealed text is too short");
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(bytes, 0, NONCE_BYTES)));
      byte[] text = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(text, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new WrongKey("a sealed text was sealed with another key, or changed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  /** A sealed text this key cannot open: another key sealed it, or it was changed. */
  public static final class WrongKey extends RuntimeException {
    WrongKey(String message) {
      super(message);
    }
  }
}
