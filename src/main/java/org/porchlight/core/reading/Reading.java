package org.porchlight.core.reading;

/** What a member's free text was understood to say. */
public enum Reading {
  FINE,
  ROUGH,
  STEP_REQUEST,
  CRISIS,
  /** It might be a crisis, and neither the patterns nor the model can tell: ask. */
  MAYBE_CRISIS,
  UNCLEAR
}
