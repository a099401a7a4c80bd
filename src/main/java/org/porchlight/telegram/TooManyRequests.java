package org.porchlight.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * How long a 429 asks to wait, read from the HTTP answer by us rather than by the library, which
 * cannot read every body it may get (one cut short, one without {@code ok}, a proxy's HTML page):
 * Telegram's {@code parameters.retry_after}, else the {@code Retry-After} header in seconds (its
 * date form is not read; Telegram does not send it).
 */
final class TooManyRequests {
  // Telegram's 429 is a line of JSON; a larger body is not one of its answers.
  private static final long LARGEST_BODY = 16 * 1024;
  // For a body cut short, which no JSON parser reads.
  private static final Pattern RETRY_AFTER = Pattern.compile("\"retry_after\"\\s*:\\s*(\\d{1,9})");
  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

  private TooManyRequests() {}

  /**
   * What the 429 {@code response} asks, its retry_after absent when it says no wait. Reads a copy
   * of the body: the library still gets all of it.
   */
  static ResponseParameters askedBy(Response response) {
    Optional<Integer> seconds;
    try {
      seconds = inBody(response.peekBody(LARGEST_BODY).string());
    } catch (IOException e) {
      seconds = Optional.empty(); // the library will fail on it too; the header may still say
    }
    if (seconds.isEmpty()) seconds = inHeader(response.header("Retry-After"));
    return new ResponseParameters(null, seconds.orElse(null));
  }

  /** The 429 a call got, as the library would have said it had it read the answer. */
  static TelegramApiRequestException refusal(String method, ResponseParameters asked) {
    return new TelegramApiRequestException(
        method + " was refused", new ApiResponse<>(false, 429, "Too Many Requests", asked, null));
  }

  static Optional<Integer> inBody(String body) {
    try {
      JsonNode retryAfter = UpdateReader.JSON.readTree(body).path("parameters").path("retry_after");
      return retryAfter.canConvertToInt() || retryAfter.isTextual()
          ? positive(retryAfter.asInt(0))
          : Optional.empty();
    } catch (JsonProcessingException e) {
      Matcher found = RETRY_AFTER.matcher(body);
      return found.find() ? positive(Integer.parseInt(found.group(1))) : Optional.empty();
    }
  }

  static Optional<Integer> inHeader(String value) {
    if (value == null || !SECONDS.matcher(value.strip()).matches()) return Optional.empty();
    return positive(Integer.parseInt(value.strip()));
  }

  private static Optional<Integer> positive(int seconds) {
    return seconds > 0 ? Optional.of(seconds) : Optional.empty();
  }
}
