package org.porchlight.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Discord's rate-limit headers, so JDA's limiter runs its real code: a bucket per route, counted
 * per major parameter (channel, guild, webhook, interaction) in one-second windows.
 */
final class RateLimits {
  // Discord's per-route limits are a few per seconds; generous here so only tests that ask for a
  // 429 ever wait, yet JDA reads real buckets from every answer.
  static final int LIMIT = 50;
  static final long WINDOW_MILLIS = 1_000;

  private final Map<String, long[]> windows = new HashMap<>();

  /** The headers for one answer on this route; counts the request in its window. */
  synchronized Map<String, String> headers(String method, List<String> segments) {
    if (segments.isEmpty()) {
      return Map.of();
    }
    StringBuilder template = new StringBuilder(method);
    String major = "";
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      String previous = i > 0 ? segments.get(i - 1) : "";
      boolean variable =
          segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()
              || segment.equals("@original")
              || segment.length() >= 32;
      if (!variable) {
        template.append(i == 0 ? " " : "/").append(segment);
      } else if (major.isEmpty()
          && List.of("channels", "guilds", "webhooks", "interactions").contains(previous)) {
        major = segment;
        template.append("/{major}");
      } else {
        template.append("/{id}");
      }
    }
    String bucket = hash(template.toString());
    long now = System.currentTimeMillis();
    long[] window = windows.computeIfAbsent(bucket + ":" + major, key -> new long[] {now, 0});
    if (now - window[0] >= WINDOW_MILLIS) {
      window[0] = now;
      window[1] = 0;
    }
    window[1]++;
    long reset = window[0] + WINDOW_MILLIS;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Bucket", bucket);
    headers.put("X-RateLimit-Limit", Integer.toString(LIMIT));
    headers.put("X-RateLimit-Remaining", Long.toString(Math.max(0, LIMIT - window[1])));
    headers.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", reset / 1000.0));
    headers.put(
        "X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", (reset - now) / 1000.0));
    return headers;
  }

  /** A bucket id, like Discord's: the same for every request on one route. */
  static String hash(String template) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(template.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /**
   * The headers of a user-scoped 429, named as in {@code example} (Discord's docs), valued for this
   * bucket and {@code retryAfter}. Retry-After is whole seconds, as Discord sends it and as JDA
   * parses it. Never X-RateLimit-Global: JDA takes its mere presence, even "false", for a global
   * limit.
   */
  static Map<String, String> tooManyRequests(
      JsonNode example, String template, Duration retryAfter) {
    double seconds = retryAfter.toMillis() / 1000.0;
    long resetMillis = System.currentTimeMillis() + retryAfter.toMillis();
    Map<String, String> headers = new LinkedHashMap<>();
    for (JsonNode line : example) {
      String text = line.asText();
      int colon = text.indexOf(':');
      if (colon < 0 || text.startsWith("HTTP/")) {
        continue;
      }
      String name = text.substring(0, colon).trim();
      String value =
          switch (name) {
            case "Retry-After" -> Long.toString((long) Math.ceil(seconds));
            case "X-RateLimit-Limit" -> Integer.toString(LIMIT);
            case "X-RateLimit-Remaining" -> "0";
            case "X-RateLimit-Reset" -> String.format(Locale.ROOT, "%.3f", resetMillis / 1000.0);
            case "X-RateLimit-Reset-After" -> String.format(Locale.ROOT, "%.3f", seconds);
            case "X-RateLimit-Bucket" -> hash(template);
            default -> text.substring(colon + 1).trim();
          };
      if (!name.equalsIgnoreCase("X-RateLimit-Global")) {
        headers.put(name, value);
      }
    }
    return headers;
  }
}
