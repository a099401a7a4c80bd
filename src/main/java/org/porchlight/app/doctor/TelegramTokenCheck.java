package org.porchlight.app.doctor;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.porchlight.config.Settings;
import org.porchlight.telegram.TelegramAccount;

/** The Bot API at {@code telegram.apiUrl} accepts the token: getMe names the bot. */
final class TelegramTokenCheck implements Check {
  private static final String UNREACHABLE =
      "Check telegram.apiUrl (PORCHLIGHT_TELEGRAM_API_URL) and the network.";

  private final Settings.Telegram telegram;
  private final String token;
  private final Duration timeout;

  TelegramTokenCheck(Settings.Telegram telegram, String token, Duration timeout) {
    this.telegram = telegram;
    this.token = token;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "Telegram";
  }

  @Override
  public List<Finding> run() {
    String base = base(telegram);
    URI where;
    TelegramAccount account;
    try {
      where = URI.create(base);
      account = new TelegramAccount(token, telegram.apiUrl(), timeout);
    } catch (IllegalArgumentException e) {
      return List.of(problem(base + "/bot***/getMe is not a URL.", UNREACHABLE));
    }
    try (account) {
      TelegramAccount.Bot me = account.whoAmI();
      return List.of(
          ok("the token works: this is @" + me.username() + " (id " + me.id() + "), at " + base));
    } catch (TelegramAccount.ErrorAnswer e) {
      if (e.tokenRefused()) {
        return List.of(
            problem(
                "Telegram did not accept the token ("
                    + e.status()
                    + "): it is mistyped or was revoked (or "
                    + base
                    + " is not a Bot API server).",
                "Copy it from @BotFather (/mybots, API Token) into TELEGRAM_BOT_TOKEN."));
      }
      return List.of(
          problem(
              "getMe answered " + e.status() + Finding.described(e.description()) + ".",
              "Try again in a while; if it goes on, " + UNREACHABLE));
    } catch (IOException e) {
      return List.of(Unreachable.finding(name(), where, e, UNREACHABLE));
    }
  }

  /** {@code telegram.apiUrl} without a trailing slash, as doctor names it. */
  static String base(Settings.Telegram telegram) {
    String url = telegram.apiUrl();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
