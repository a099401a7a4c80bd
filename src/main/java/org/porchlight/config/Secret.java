package org.porchlight.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A token, a password or a webhook secret. It prints as {@code ***} (as nothing when unset), so
 * settings logged whole show none; only {@link #reveal} gives the value, where it is sent.
 */
public final class Secret {
  /** No value: the setting is empty. */
  public static final Secret NONE = new Secret("");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** {@code value} as a secret; surrounding spaces (a pasted token's newline) are dropped. */
  @JsonCreator
  public static Secret of(String value) {
    requireNonNull(value, "value == null");
    String stripped = value.strip();
    return stripped.isEmpty() ? NONE : new Secret(stripped);
  }

  public boolean isSet() {
    return !value.isEmpty();
  }

  /** The value itself, for the one place it goes: the platform or the database driver. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "" : "***";
  }
}
