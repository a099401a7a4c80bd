package org.porchlight.core;

import java.util.Locale;

/** The honest answer to a check-in. */
public enum Mood {
  FINE,
  ROUGH,
  /** The member chose to skip the day; that is an answer too. */
  SKIPPED;

  /** The lower-case name used in exports and storage. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Mood fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
