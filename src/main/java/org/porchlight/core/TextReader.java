package org.porchlight.core;

/** STUB — replaced by the text-understanding branch. */
public final class TextReader {
  public Reading read(String text) {
    String t = text.toLowerCase();
    if (t.contains("alive") || t.contains("kill myself")) return Reading.CRISIS;
    if (t.contains("what could i do")) return Reading.STEP_REQUEST;
    if (t.contains("rough") || t.contains("sad")) return Reading.ROUGH;
    if (t.contains("fine") || t.contains("good")) return Reading.FINE;
    return Reading.UNCLEAR;
  }
}
