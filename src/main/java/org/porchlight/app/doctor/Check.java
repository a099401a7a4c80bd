package org.porchlight.app.doctor;

import java.util.List;

/** One thing {@code porchlight doctor} looks at. */
interface Check {
  /** What its lines are about, such as {@code Telegram webhook}. */
  String name();

  /** Looks, and says what it found: one finding, or one more for each further thing to fix. */
  List<Finding> run();

  default Finding ok(String detail) {
    return Finding.ok(name(), detail);
  }

  default Finding problem(String detail, String whatToDo) {
    return Finding.problem(name(), detail, whatToDo);
  }
}
