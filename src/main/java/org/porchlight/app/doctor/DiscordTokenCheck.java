package org.porchlight.app.doctor;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.porchlight.config.Settings;
import org.porchlight.discord.DiscordAccount;

/** Discord's REST API at {@code discord.apiUrl} accepts the token: users/@me names the bot. */
record DiscordTokenCheck(Settings.Discord discord, String token, Duration timeout)
    implements Check {
  private static final String UNREACHABLE =
      "Check discord.apiUrl (PORCHLIGHT_DISCORD_API_URL) and the network.";

  @Override
  public String name() {
    return "Discord";
  }

  @Override
  public List<Finding> run() {
    URI where;
    DiscordAccount account;
    try {
      where = URI.create(discord.apiUrl() + "users/@me");
      account = new DiscordAccount(discord.apiUrl(), token, timeout);
    } catch (IllegalArgumentException e) {
      return List.of(problem(discord.apiUrl() + "users/@me is not a URL.", UNREACHABLE));
    }
    try {
      DiscordAccount.User me = account.whoAmI();
      return List.of(
          ok(
              "the token works: this is "
                  + me.username()
                  + " (id "
                  + me.id()
                  + "), at "
                  + discord.apiUrl()));
    } catch (DiscordAccount.ErrorAnswer e) {
      if (e.tokenRefused()) {
        return List.of(
            problem(
                "Discord refused the token (" + e.status() + ").",
                "Copy it again from the developer portal (Bot, Reset Token) into"
                    + " DISCORD_BOT_TOKEN."));
      }
      return List.of(
          problem(
              "users/@me answered " + e.status() + Finding.described(e.discordMessage()) + ".",
              "Try again in a while; if it goes on, check discord.apiUrl."));
    } catch (IOException e) {
      return List.of(Unreachable.finding(name(), where, e, UNREACHABLE));
    }
  }
}
