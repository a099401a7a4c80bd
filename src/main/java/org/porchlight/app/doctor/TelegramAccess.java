package org.porchlight.app.doctor;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.porchlight.config.Settings;
import org.porchlight.telegram.TelegramAccount;

/** How doctor reaches the Bot API: the settings, the token, and how long a call may take. */
record TelegramAccess(Settings.Telegram settings, String token, Duration timeout) {
  TelegramAccess {
    requireNonNull(settings, "settings == null");
    requireNonNull(token, "token == null");
    requireNonNull(timeout, "timeout == null");
  }

  /** {@code telegram.apiUrl} without a trailing slash, as doctor names it. */
  String base() {
    String url = settings.apiUrl();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The bot's account at the Bot API, to ask and close.
   *
   * @throws IllegalArgumentException when {@code telegram.apiUrl} is not a URL
   */
  private TelegramAccount open() {
    return new TelegramAccount(token, settings.apiUrl(), timeout);
  }

  /** One call on the bot's account; it may find the Bot API unreachable. */
  interface Call<T> {
    T on(TelegramAccount account) throws IOException;
  }

  /**
   * Makes one call to the Bot API for {@code check} and says what came of it: {@code answered}
   * makes the finding from the answer, {@code refused} from an error the Bot API gave; when the
   * call could not be made, or reached nothing, the finding says so with {@code whatToDo}.
   */
  <T> Finding ask(
      Check check,
      String method,
      String whatToDo,
      Call<T> call,
      Function<T, Finding> answered,
      Function<TelegramAccount.ErrorAnswer, Finding> refused) {
    URI where;
    TelegramAccount account;
    try {
      where = URI.create(base());
      account = open();
    } catch (IllegalArgumentException e) {
      return check.problem(base() + "/bot***/" + method + " is not a URL.", whatToDo);
    }
    try (account) {
      return answered.apply(call.on(account));
    } catch (TelegramAccount.ErrorAnswer e) {
      return refused.apply(e);
    } catch (IOException e) {
      return Unreachable.finding(check.name(), where, e, whatToDo);
    }
  }
}
