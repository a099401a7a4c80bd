package org.porchlight.core;

/** What a member typed, said back to them: cut short, for recognition, not for the record. */
public final class Echo {
  private static final int LIMIT = 40;

  private Echo() {}

  /** {@code input} on one line, and cut at 40 characters with an ellipsis. */
  public static String of(String input) {
    String flat = input.strip().replaceAll("\\s+", " ");
    return flat.length() <= LIMIT ? flat : flat.substring(0, LIMIT) + "…";
  }
}
