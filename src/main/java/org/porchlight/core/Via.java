package org.porchlight.core;

import java.util.Locale;

/** How a check-in was answered. */
public enum Via {
  BUTTON,
  TEXT;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Via fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
