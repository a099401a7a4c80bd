package org.porchlight.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.porchlight.core.Member;
import org.porchlight.core.Prompt;

/**
 * Messages Porchlight owes members. A row is taken for a lease: if its sender dies before saying
 * what happened, the row comes back when the lease ends, so a message is never lost and is repeated
 * at most once per crash.
 */
public interface Outbox {
  /** One message owed: what to say to whom, for which day. */
  record Letter(
      long id, Member member, boolean reachable, Prompt prompt, LocalDate date, int attempts) {}

  /**
   * Takes up to {@code limit} letters for the given platforms that are due at {@code now}, oldest
   * first, and holds them for {@code lease}.
   */
  List<Letter> take(Set<String> platforms, Instant now, Duration lease, int limit);

  /** These letters went out: they are removed. */
  void sent(Collection<Long> ids);

  /** This letter could not go yet: it is tried again at {@code notBefore}. */
  void retry(long id, Instant notBefore);

  /**
   * This letter will never go (it is no longer timely): it is removed, and when it is a check-in,
   * its reminder is called off too, since the member never saw the question.
   */
  void drop(long id);

  /** How many letters are waiting, and since when the oldest has waited. */
  record Backlog(long count, Optional<Instant> oldest) {}

  Backlog backlog();
}
