package org.porchlight.app.doctor;

import java.util.List;
import org.porchlight.telegram.TelegramAccount;

/** The Bot API at {@code telegram.apiUrl} accepts the token: getMe names the bot. */
record TelegramTokenCheck(TelegramAccess telegram) implements Check {
  private static final String UNREACHABLE =
      "Check telegram.apiUrl (PORCHLIGHT_TELEGRAM_API_URL) and the network.";

  @Override
  public String name() {
    return "Telegram";
  }

  @Override
  public List<Finding> run() {
    String base = telegram.base();
    return List.of(
        telegram.ask(
            this,
            "getMe",
            UNREACHABLE,
            TelegramAccount::whoAmI,
            me ->
                ok(
                    "the token works: this is @"
                        + me.username()
                        + " (id "
                        + me.id()
                        + "), at "
                        + base),
            this::refused));
  }

  private Finding refused(TelegramAccount.ErrorAnswer e) {
    if (e.tokenRefused()) {
      return problem(
          "Telegram did not accept the token ("
              + e.errorCode()
              + "): it is mistyped or was revoked (or "
              + telegram.base()
              + " is not a Bot API server).",
          "Copy it from @BotFather (/mybots, API Token) into TELEGRAM_BOT_TOKEN.");
    }
    return problem(
        "getMe answered " + e.errorCode() + Finding.described(e.description()) + ".",
        "Try again in a while; if it goes on, " + UNREACHABLE);
  }
}
