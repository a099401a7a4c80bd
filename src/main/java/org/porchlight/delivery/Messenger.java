package org.porchlight.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;

/** Sends a message Porchlight starts (a check-in, a reminder) to a member on one platform. */
public interface Messenger {
  /** The platform of the members this messenger reaches, as in {@link MemberId#platform()}. */
  String platform();

  /** Sends once, without retrying: the outbox decides what happens next. */
  Delivery send(MemberId to, Reply reply);

  /** What became of one message. */
  record Delivery(Status status, Duration retryAfter) {
    public enum Status {
      SENT,
      /** The platform asked to slow down: nothing more until {@code retryAfter} has passed. */
      SLOW_DOWN,
      /** The member blocked Porchlight or closed their messages. */
      UNREACHABLE,
      /** A server error, a timeout, or a refusal: try again later. */
      FAILED
    }

    public Delivery {
      requireNonNull(status, "status == null");
      requireNonNull(retryAfter, "retryAfter == null");
    }

    public static Delivery sent() {
      return new Delivery(Status.SENT, Duration.ZERO);
    }

    public static Delivery slowDown(Duration retryAfter) {
      return new Delivery(Status.SLOW_DOWN, retryAfter);
    }

    public static Delivery unreachable() {
      return new Delivery(Status.UNREACHABLE, Duration.ZERO);
    }

    public static Delivery failed() {
      return new Delivery(Status.FAILED, Duration.ZERO);
    }
  }
}
