package org.porchlight.core.reading;

/** What a member's free text was understood to say. */
public enum Reading {
  FINE,
  ROUGH,
  STEP_REQUEST,
  CRISIS,
  UNCLEAR
}
