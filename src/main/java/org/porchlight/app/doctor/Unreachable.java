package org.porchlight.app.doctor;

import java.io.IOException;
import java.net.URI;

/** The finding for a server that could not be reached in time. */
final class Unreachable {
  private Unreachable() {}

  static Finding finding(String check, URI where, IOException e, String whatToDo) {
    if (Thread.currentThread().isInterrupted()) return Finding.problem(check, "interrupted", "");
    // The exception's class says enough (refused, timed out, unknown host); its message could
    // hold the URL, and with it the token.
    return Finding.problem(
        check,
        "could not reach "
            + where.getScheme()
            + "://"
            + where.getAuthority()
            + " ("
            + e.getClass().getSimpleName()
            + ").",
        whatToDo);
  }
}
