package org.porchlight.core.reading;

import static java.util.Objects.requireNonNull;

/**
 * Where a sentence model's scores become a {@link Sense}, kept beside the examples so a maintainer
 * can move them without Java. A message is judged by the model only when it is near what the
 * examples show: one unlike every example (a question about pest control, a line of a game's chat)
 * is not the model's to call a crisis, however its score falls.
 *
 * @param reply at or inside this band, the crisis reply ({@code YES})
 * @param ask at or inside this band, and not {@code reply}'s, Porchlight asks ({@code ASK})
 * @param moodSure a mood is given when the model is at least this sure of fine, or of rough; 1
 *     turns the model's mood off, leaving mood to the patterns
 */
public record Thresholds(Band reply, Band ask, double moodSure) {
  /**
   * One band of crisis scores.
   *
   * @param score the crisis score (0 to 1) at or above which the band begins
   * @param nearest how alike (cosine, -1 to 1) the message must be to its nearest example
   * @param neighbours how many of the {@link #NEIGHBOURS} nearest examples must be crisis ones
   */
  public record Band(double score, double nearest, int neighbours) {
    public Band {
      if (!(score > 0 && score < 1)) {
        throw new IllegalArgumentException("a crisis score must be between 0 and 1: " + score);
      }
      if (!(nearest >= -1 && nearest <= 1)) {
        throw new IllegalArgumentException("nearest must be from -1 to 1: " + nearest);
      }
      if (neighbours < 0 || neighbours > NEIGHBOURS) {
        throw new IllegalArgumentException(
            "neighbours must be from 0 to " + NEIGHBOURS + ": " + neighbours);
      }
    }

    /** Whether a message with these scores falls in the band. */
    public boolean holds(double crisisScore, double similarity, int crisisNeighbours) {
      return crisisScore >= score && similarity >= nearest && crisisNeighbours >= neighbours;
    }
  }

  /** How many of a message's nearest examples are counted in {@link Band#neighbours}. */
  public static final int NEIGHBOURS = 7;

  public Thresholds {
    requireNonNull(reply, "reply == null");
    requireNonNull(ask, "ask == null");
    if (ask.score() > reply.score()) {
      throw new IllegalArgumentException(
          "the crisis thresholds must be ask <= reply (found ask "
              + ask.score()
              + ", reply "
              + reply.score()
              + ")");
    }
    if (!(moodSure >= 0.5 && moodSure <= 1)) {
      throw new IllegalArgumentException(
          "the mood threshold must be from 0.5 to 1 (found " + moodSure + ")");
    }
  }

  /** Whether the model says anything about moods. */
  public boolean readsMood() {
    return moodSure < 1;
  }
}
