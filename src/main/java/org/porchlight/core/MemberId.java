package org.porchlight.core;

import static java.util.Objects.requireNonNull;

/** Who a member is: the platform they talk to Porchlight on, and their id there. */
public record MemberId(String platform, String userId) {
  public MemberId {
    requireNonNull(platform, "platform == null");
    requireNonNull(userId, "userId == null");
    if (platform.isBlank()) throw new IllegalArgumentException("platform is blank");
    if (userId.isBlank()) throw new IllegalArgumentException("userId is blank");
  }

  @Override
  public String toString() {
    return platform + ":" + userId;
  }
}
