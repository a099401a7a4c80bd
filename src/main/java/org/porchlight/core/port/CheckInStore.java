package org.porchlight.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.porchlight.core.CheckIn;
import org.porchlight.core.MemberId;

/** Where check-ins are kept: one per member per local day. */
public interface CheckInStore {
  Optional<CheckIn> find(MemberId member, LocalDate date);

  /** Inserts the check-in, or replaces the one for the same member and day. */
  void save(CheckIn checkIn);

  /** The member's check-ins from {@code from} to {@code to}, both included, oldest first. */
  List<CheckIn> between(MemberId member, LocalDate from, LocalDate to);

  /** All of the member's check-ins, oldest first. */
  List<CheckIn> allFor(MemberId member);
}
