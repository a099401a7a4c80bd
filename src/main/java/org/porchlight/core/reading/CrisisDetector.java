package org.porchlight.core.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Recognises crisis language: suicidal thoughts, self-harm, immediate danger. */
final class CrisisDetector {
  private static final String[] CRISIS_SECTIONS = {
    "passive", "active", "self-harm", "danger", "other-languages"
  };

  private final List<Pattern> figures;
  private final List<Pattern> crisis;

  CrisisDetector() {
    PatternFile file = Patterns.CRISIS;
    this.figures = file.section("figures");
    List<Pattern> all = new ArrayList<>();
    for (String section : CRISIS_SECTIONS) {
      all.addAll(file.section(section));
    }
    this.crisis = List.copyOf(all);
  }

  /** Whether {@code text} speaks of suicide, self-harm or immediate danger; false for null. */
  boolean isCrisis(String text) {
    return isCrisisNormalized(Normalizer.normalize(text));
  }

  boolean isCrisisNormalized(String normalized) {
    if (normalized.isEmpty()) {
      return false;
    }
    String text = normalized;
    for (Pattern figure : figures) {
      // A semicolon keeps the words either side of an idiom from joining into a new phrase.
      text = figure.matcher(text).replaceAll(" ; ");
    }
    for (Pattern pattern : crisis) {
      if (pattern.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /** Pattern files are read once per class loader; they never change at run time. */
  private static final class Patterns {
    static final PatternFile CRISIS = PatternFile.load("crisis-patterns.txt");
  }
}
