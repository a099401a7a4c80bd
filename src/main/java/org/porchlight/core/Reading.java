package org.porchlight.core;

/** STUB — replaced by the text-understanding branch. */
public enum Reading {
  FINE,
  ROUGH,
  STEP_REQUEST,
  CRISIS,
  UNCLEAR
}
