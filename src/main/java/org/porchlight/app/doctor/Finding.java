package org.porchlight.app.doctor;

import static java.util.Objects.requireNonNull;

/**
 * What a check found: all is well, or a problem, which says what to do about it (empty only when
 * there is nothing the reader can do).
 */
record Finding(String check, boolean ok, String detail, String whatToDo) {
  Finding {
    requireNonNull(check, "check == null");
    requireNonNull(detail, "detail == null");
    requireNonNull(whatToDo, "whatToDo == null");
    if (ok && !whatToDo.isEmpty()) {
      throw new IllegalArgumentException("what to do, but nothing to fix: " + whatToDo);
    }
  }

  static Finding ok(String check, String detail) {
    return new Finding(check, true, detail, "");
  }

  static Finding problem(String check, String detail, String whatToDo) {
    return new Finding(check, false, detail, whatToDo);
  }

  /** The line doctor prints: {@code ok} or {@code problem}, the check, and what it found. */
  String line() {
    String text = whatToDo.isEmpty() ? detail : detail + " " + whatToDo;
    return String.format("%-8s %s: %s", ok ? "ok" : "problem", check, text);
  }

  /** {@code text} as a sentence: ending in a full stop. */
  static String sentence(String text) {
    String stripped = text == null ? "" : text.strip();
    return stripped.endsWith(".") ? stripped : stripped + ".";
  }

  /** A server's description of an error, in brackets after a space; nothing when it gave none. */
  static String described(String description) {
    return description.isEmpty() ? "" : " (" + description + ")";
  }
}
