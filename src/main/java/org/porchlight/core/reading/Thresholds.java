package org.porchlight.core.reading;

/**
 * Where a sentence model's scores become a {@link Sense}: chosen by cross-validation on the
 * examples and kept beside them, so a maintainer can move them without Java.
 *
 * @param crisisYes a crisis score at or above this is a crisis ({@code YES})
 * @param crisisAsk a crisis score at or above this, and below {@code crisisYes}, is worth asking
 *     about ({@code ASK})
 * @param moodSure a mood is given when the model is at least this sure of fine, or of rough
 */
public record Thresholds(double crisisYes, double crisisAsk, double moodSure) {
  public Thresholds {
    if (!(crisisAsk > 0 && crisisAsk <= crisisYes && crisisYes < 1)) {
      throw new IllegalArgumentException(
          "the crisis thresholds must be 0 < ask <= reply < 1 (found ask "
              + crisisAsk
              + ", reply "
              + crisisYes
              + ")");
    }
    if (!(moodSure >= 0.5 && moodSure < 1)) {
      throw new IllegalArgumentException(
          "the mood threshold must be at least 0.5 and below 1 (found " + moodSure + ")");
    }
  }
}
