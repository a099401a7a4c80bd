package org.porchlight.discord;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * An interaction as Discord's gateway sends it, read by JDA and answered by the bot: a slash
 * command, a press of a button with any custom id, a form sent back with any id and values, in a DM
 * or in the server, and now and then one Discord would never send. Whatever it is, one Discord
 * would send is answered exactly once, in words a member can read, and nothing of ours fails.
 */
class DiscordInteractionFuzzTest {
  @FuzzTest
  void anyInteractionIsAnsweredOnceOrPassedOver(FuzzedDataProvider data) {
    FuzzedDiscord discord = FuzzedDiscord.shared();
    discord.assertAnswered(discord.send(data));
  }
}
