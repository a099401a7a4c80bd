package org.porchlight.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.porchlight.core.MemberId;
import org.porchlight.core.StepGiven;

/** Which small steps each member was given, so the next one is the one seen least recently. */
public interface StepStore {
  void record(StepGiven given);

  /** For each step id the member was given, when they last saw it. */
  Map<String, Instant> lastSeen(MemberId member);

  /** All steps given to the member, oldest first. */
  List<StepGiven> givenTo(MemberId member);
}
