package org.porchlight.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.porchlight.core.Messages;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;

/**
 * Porchlight's slash commands: every command of the conversation, usable in servers and in DMs, the
 * settings form, and the hosts' commands, which only members with Manage Server see.
 */
final class DiscordCommands {
  static final Set<String> HOST_COMMANDS = Set.of("setup", "post", "summary");
  // Without their option, these open the settings form.
  static final Set<String> OPEN_SETTINGS = Set.of("settings", "time", "timezone", "days", "quiet");

  // Each command's option: its name, type and description.
  private record Option(String name, OptionType type, Text description) {}

  private static final Map<String, Option> OPTIONS =
      Map.of(
          "time", new Option("time", OptionType.STRING, Text.OPTION_TIME),
          "timezone", new Option("zone", OptionType.STRING, Text.OPTION_ZONE),
          "days", new Option("days", OptionType.STRING, Text.OPTION_DAYS),
          "quiet", new Option("hours", OptionType.STRING, Text.OPTION_QUIET),
          "country", new Option("country", OptionType.STRING, Text.OPTION_COUNTRY),
          "pause", new Option("days", OptionType.INTEGER, Text.OPTION_PAUSE_DAYS),
          "buddy", new Option("what", OptionType.STRING, Text.OPTION_BUDDY),
          "group", new Option("remind", OptionType.STRING, Text.OPTION_GROUP_REMIND));

  private DiscordCommands() {}

  static List<SlashCommandData> all(Conversation conversation, String locale) {
    Messages texts = conversation.texts(locale);
    List<SlashCommandData> commands = new ArrayList<>();
    for (Conversation.MenuEntry entry : conversation.menu(locale)) {
      SlashCommandData command =
          Commands.slash(entry.command(), entry.description())
              .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
      Option option = OPTIONS.get(entry.command());
      if (option != null) {
        OptionData data =
            new OptionData(option.type(), option.name(), texts.get(option.description()));
        if (option.type() == OptionType.INTEGER) data.setRequiredRange(1, 365);
        command.addOptions(data);
      }
      commands.add(command);
    }
    commands.add(
        Commands.slash("settings", texts.get(Text.MENU_SETTINGS))
            .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM));
    commands.add(
        host("setup", texts.get(Text.MENU_SETUP))
            .addOptions(
                new OptionData(OptionType.CHANNEL, "channel", texts.get(Text.OPTION_CHANNEL))
                    .setChannelTypes(ChannelType.TEXT)));
    commands.add(host("post", texts.get(Text.MENU_POST)));
    commands.add(host("summary", texts.get(Text.MENU_SUMMARY)));
    return commands;
  }

  private static SlashCommandData host(String name, String description) {
    return Commands.slash(name, description)
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
  }
}
