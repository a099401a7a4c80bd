package org.porchlight.app.doctor;

import java.util.ArrayList;
import java.util.List;
import org.porchlight.telegram.TelegramAccount;

/**
 * In webhook mode: {@code telegram.webhookUrl} is an https address, and getWebhookInfo shows
 * Telegram delivering there without failing.
 */
record TelegramWebhookCheck(TelegramAccess telegram) implements Check {
  @Override
  public String name() {
    return "Telegram webhook";
  }

  @Override
  public List<Finding> run() {
    String ours = telegram.settings().webhookUrl();
    if (ours.isEmpty()) {
      return List.of(
          problem(
              "telegram.mode is webhook, but telegram.webhookUrl is empty.",
              "Set it (PORCHLIGHT_TELEGRAM_WEBHOOK_URL) to the https address that reaches"
                  + " server.port."));
    }
    List<Finding> found = new ArrayList<>();
    if (!ours.startsWith("https://")) {
      found.add(
          problem(
              "telegram.webhookUrl "
                  + ours
                  + " is not https: Telegram only delivers to https addresses.",
              "Put Porchlight behind a TLS proxy and give its https address."));
    }
    found.add(delivery(ours));
    return found;
  }

  private Finding delivery(String ours) {
    return telegram.ask(
        this,
        "getWebhookInfo",
        "Check telegram.apiUrl and the network.",
        TelegramAccount::webhook,
        webhook -> delivery(ours, webhook),
        e ->
            problem(
                "getWebhookInfo answered "
                    + e.errorCode()
                    + Finding.described(e.description())
                    + ".",
                "Try again in a while."));
  }

  private Finding delivery(String ours, TelegramAccount.Webhook webhook) {
    String registered = webhook.url();
    if (registered.isEmpty()) {
      return problem(
          "Telegram has no webhook for this bot, so no updates arrive.",
          "Porchlight registers telegram.webhookUrl when it starts in webhook mode: start it,"
              + " then run doctor again.");
    }
    if (!registered.equals(ours)) {
      return problem(
          "Telegram delivers this bot's updates to "
              + registered
              + ", not to telegram.webhookUrl "
              + ours
              + ".",
          "Restart Porchlight so it registers its own, and make sure no other program uses this"
              + " bot.");
    }
    int pending = webhook.pendingUpdates();
    String detail =
        "Telegram delivers to "
            + ours
            + "; "
            + pending
            + (pending == 1 ? " update" : " updates")
            + " waiting"
            + (!telegram.settings().webhookSecret().isSet()
                ? "; no telegram.webhookSecret, so anyone who finds the address can post to it"
                : "");
    String error = webhook.lastErrorMessage();
    if (error.isEmpty()) return ok(detail);
    String when = webhook.lastErrorDate().toString();
    if (pending > 0) {
      return problem(
          detail + ", and its last delivery failed at " + when + ": " + Finding.sentence(error),
          "Check that "
              + ours
              + " reaches server.port through the proxy, and that Porchlight is running.");
    }
    return ok(detail + "; an earlier delivery failed at " + when + ": " + error);
  }
}
