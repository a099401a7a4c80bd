package org.porchlight.core;

/** What a member typed, said back to them: cut short, for recognition, not for the record. */
public final class Echo {
  private static final int LIMIT = 40;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private Echo() {}

  /**
   * {@code input} on one line, without control characters, and cut at 40 characters with an
   * ellipsis.
   */
  public static String of(String input) {
    String flat = printable(input).strip().replaceAll("\\s+", " ");
    if (flat.codePointCount(0, flat.length()) <= LIMIT) return flat;
    // Cut between characters, never inside an emoji's pair of chars.
    return flat.substring(0, flat.offsetByCodePoints(0, LIMIT)) + "…";
  }

  /**
   * {@code input} as it may be kept and shown to others (a host's meeting names and places): its
   * lines, without control or invisible format characters; tabs become spaces.
   */
  public static String keepable(String input) {
    StringBuilder kept = new StringBuilder(input.length());
    for (String line : input.split("\\R", -1)) {
      if (kept.length() > 0) kept.append('\n');
      kept.append(printable(line));
    }
    return kept.toString();
  }

  /**
   * Without what a terminal or a chat would act on rather than show: control characters (a
   * terminal's escape sequences start with one) and invisible format characters such as
   * right-to-left overrides. Line breaks and tabs become spaces; joiners inside emoji stay.
   */
  private static String printable(String input) {
    StringBuilder shown = new StringBuilder(input.length());
    input
        .codePoints()
        .forEach(
            c -> {
              if (Character.isWhitespace(c)) {
                shown.append(' ');
              } else if (c == ZERO_WIDTH_JOINER) {
                shown.appendCodePoint(c);
              } else if (!Character.isISOControl(c)
                  && Character.getType(c) != Character.FORMAT
                  && Character.getType(c) != Character.SURROGATE) {
                shown.appendCodePoint(c);
              }
            });
    return shown.toString();
  }
}
