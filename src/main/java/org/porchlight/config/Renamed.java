package org.porchlight.config;

/**
 * A key or variable that has a new name and is written in the duration notation now. One still in a
 * file or an environment stops the start with its new name, never silently ignored.
 */
record Renamed(String old, String now, String unit) {
  /** What {@code old} is called now, written with the value it had when that was a number. */
  String message(String oldValue, String example) {
    String value = oldValue.strip();
    String written = value.matches("\\d+") ? value + unit : example;
    return old + " is now " + now + ", written like " + written;
  }
}
