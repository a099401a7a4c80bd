package org.porchlight.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the settings write them, one notation for all: {@code 3h}, {@code 90m}, {@code 45s}.
 */
final class Durations {
  private static final Pattern NOTATION = Pattern.compile("(\\d+)\\s*(h|m|s)");

  private Durations() {}

  /** {@code text} as a duration, or empty when it is not written like 3h, 90m or 45s. */
  static Optional<Duration> parse(String text) {
    Matcher matcher = NOTATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) return Optional.empty();
    long amount;
    try {
      amount = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    switch (matcher.group(2)) {
      case "h":
        return Optional.of(Duration.ofHours(amount));
      case "m":
        return Optional.of(Duration.ofMinutes(amount));
      default:
        return Optional.of(Duration.ofSeconds(amount));
    }
  }

  /** {@code duration} in the largest unit that writes it whole: 1h, 30m, 45s. */
  static String write(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 3600 == 0) return seconds / 3600 + "h";
    if (seconds != 0 && seconds % 60 == 0) return seconds / 60 + "m";
    return seconds + "s";
  }

  static String problemWith(String text) {
    return "'" + text + "' is not a duration: write it like 3h, 90m or 45s";
  }

  /** Binds a duration key; a bare number is refused too, as it has no unit. */
  static final class Deserializer extends StdScalarDeserializer<Duration> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.currentToken().isScalarValue() || parser.currentToken() == JsonToken.VALUE_NULL) {
        return (Duration) context.handleUnexpectedToken(Duration.class, parser);
      }
      String text = parser.getValueAsString();
      return parse(text).orElseThrow(() -> JsonMappingException.from(parser, problemWith(text)));
    }
  }
}
