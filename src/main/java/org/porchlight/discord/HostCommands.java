package org.porchlight.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.porchlight.core.Community;
import org.porchlight.core.Hosting;
import org.porchlight.core.Messages;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts' commands in a server: {@code /setup} (a form for the meeting, the check-in channel and
 * the defaults), {@code /post} (a check-in in the channel, each answer private) and {@code
 * /summary} (the week). Manage Server is checked again at run time, and on the form's submit.
 */
final class HostCommands {
  static final String SETUP_FORM = "form:setup:";

  private static final Logger LOG = LoggerFactory.getLogger(HostCommands.class);

  private final Answering answering;
  private final Hosting hosting;
  private final Optional<MeetingEvents> meetingEvents;

  HostCommands(Answering answering, Hosting hosting, Optional<MeetingEvents> meetingEvents) {
    this.answering = answering;
    this.hosting = hosting;
    this.meetingEvents = meetingEvents;
  }

  void command(SlashCommandInteractionEvent event) {
    Messages texts = answering.texts(event);
    String command = "/" + event.getName();
    Guild guild = event.getGuild();
    if (guild == null) {
      Answering.answerLater(
          event, () -> List.of(Reply.text(texts.get(Text.IN_A_SERVER_ONLY, "command", command))));
      return;
    }
    if (!isHost(event.getMember())) {
      // Discord hides host commands from members without Manage Server; asked anyway, we say no.
      Answering.answerLater(
          event, () -> List.of(Reply.text(texts.get(Text.HOSTS_ONLY, "command", command))));
      return;
    }
    Community.Id community = Answering.communityOf(guild);
    switch (event.getName()) {
      case "setup" -> {
        Community now = hosting.community(community, Answering.guildName(guild));
        String channel =
            Optional.ofNullable(event.getOption("channel"))
                .map(option -> option.getAsChannel().getId())
                .or(now::checkInChannel)
                .orElse(event.getChannel().getId());
        event
            .replyModal(setupForm(texts, now, channel))
            .queue(null, failure -> Answering.failed("the setup form", failure));
      }
      case "summary" ->
          Answering.answerLater(
              event,
              () ->
                  List.of(
                      hosting.summary(
                          community, Answering.guildName(guild), Answering.locale(event))));
      case "post" -> post(event, guild, community);
      default ->
          Answering.answerLater(
              event,
              () -> List.of(Reply.text(texts.get(Text.UNKNOWN_COMMAND, "command", command))));
    }
  }

  private static Modal setupForm(Messages texts, Community community, String channel) {
    Hosting.SetupForm form = Hosting.SetupForm.of(community);
    return Modal.create(SETUP_FORM + channel, texts.get(Text.FORM_SETUP_TITLE))
        .addComponents(
            field(
                texts.get(Text.FORM_LINKS), "links", form.links(), TextInputStyle.PARAGRAPH, 1000),
            field(
                texts.get(Text.FORM_SCHEDULE),
                "schedule",
                form.schedule(),
                TextInputStyle.SHORT,
                100),
            field(texts.get(Text.FORM_DEFAULT_TIME), "time", form.time(), TextInputStyle.SHORT, 20),
            field(texts.get(Text.FORM_DEFAULT_ZONE), "zone", form.zone(), TextInputStyle.SHORT, 60),
            field(
                texts.get(Text.FORM_MEETINGS),
                "meetings",
                form.meetings(),
                TextInputStyle.PARAGRAPH,
                2000))
        .build();
  }

  private static Label field(
      String label, String id, String value, TextInputStyle style, int maxLength) {
    return Label.of(
        label,
        TextInput.create(id, style)
            .setRequired(false)
            .setMaxLength(maxLength)
            .setValue(value.isEmpty() ? null : value)
            .build());
  }

  void setupSubmitted(ModalInteractionEvent event) {
    Messages texts = answering.texts(event);
    Guild guild = event.getGuild();
    if (guild == null || !isHost(event.getMember())) {
      Answering.answerLater(
          event, () -> List.of(Reply.text(texts.get(Text.HOSTS_ONLY, "command", "/setup"))));
      return;
    }
    // The form's id carries the channel we put there: a snowflake, or nothing if forged.
    String given = event.getModalId().substring(SETUP_FORM.length());
    String channel = isSnowflake(given) ? given : "";
    Hosting.SetupForm form =
        new Hosting.SetupForm(
            Answering.value(event, "links"),
            Answering.value(event, "schedule"),
            Answering.value(event, "time"),
            Answering.value(event, "zone"),
            channel.isEmpty() ? Optional.empty() : Optional.of(channel),
            Answering.value(event, "meetings"));
    Answering.answerLater(
        event,
        () -> {
          List<Reply> replies = new ArrayList<>();
          Hosting.Answer setUp =
              hosting.setup(
                  Answering.communityOf(guild),
                  Answering.guildName(guild),
                  form,
                  Answering.locale(event));
          replies.add(setUp.reply());
          if (!channel.isEmpty() && !canPostIn(guild, channel)) {
            replies.add(Reply.text(texts.get(Text.POST_FAILED, "channel", channel)));
          }
          // A form that could not be read saved nothing, and leaves the events as they were.
          if (setUp.saved()) {
            meetingEvents
                .flatMap(events -> eventsKept(events, guild, texts))
                .ifPresent(replies::add);
          }
          return replies;
        });
  }

  /**
   * The server's events brought in line with its meetings as just saved, and what a host should
   * know of it.
   */
  private Optional<Reply> eventsKept(MeetingEvents events, Guild guild, Messages texts) {
    Community community =
        hosting.community(Answering.communityOf(guild), Answering.guildName(guild));
    MeetingEvents.Outcome outcome;
    try {
      outcome = events.keep(guild, community, true);
    } catch (RuntimeException e) {
      // The setup is saved: the hourly pass tries the events again.
      LOG.warn("a server's meeting events could not be kept: {}", e.toString());
      outcome = MeetingEvents.Outcome.FAILED;
    }
    if (community.meetings().isEmpty()) return Optional.empty();
    return switch (outcome) {
      case KEPT -> Optional.of(Reply.text(texts.get(Text.EVENTS_KEPT)));
      case NOT_ALLOWED -> Optional.of(Reply.text(texts.get(Text.EVENTS_NOT_ALLOWED)));
      case FAILED -> Optional.of(Reply.text(texts.get(Text.EVENTS_FAILED)));
      case NONE -> Optional.empty();
    };
  }

  /** Whether {@code id} is a Discord id: digits that fit an unsigned 64-bit number. */
  static boolean isSnowflake(String id) {
    if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
    try {
      Long.parseUnsignedLong(id);
      return true;
    } catch (NumberFormatException e) {
      return false; // more than 64 bits: forged
    }
  }

  private static boolean canPostIn(Guild guild, String channelId) {
    GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, channelId);
    return channel != null && channel.canTalk();
  }

  /** Puts the check-in in the community's channel; each member's answer is private to them. */
  private void post(SlashCommandInteractionEvent event, Guild guild, Community.Id community) {
    event.deferReply(true).queue(null, failure -> Answering.failed("an acknowledgement", failure));
    Messages texts = answering.texts(event);
    String channelId =
        hosting
            .community(community, Answering.guildName(guild))
            .checkInChannel()
            .orElse(event.getChannel().getId());
    InteractionHook hook = event.getHook();
    if (!canPostIn(guild, channelId)) {
      hook.editOriginal(texts.get(Text.POST_FAILED, "channel", channelId))
          .queue(null, failure -> Answering.failed("a reply", failure));
      return;
    }
    MessageCreateData question =
        DiscordRender.messages(hosting.post(Answering.locale(event))).get(0);
    guild
        .getChannelById(GuildMessageChannel.class, channelId)
        .sendMessage(question)
        .queue(
            sent ->
                hook.editOriginal(texts.get(Text.POST_DONE, "channel", channelId))
                    .queue(null, failure -> Answering.failed("a reply", failure)),
            failure ->
                hook.editOriginal(texts.get(Text.POST_FAILED, "channel", channelId))
                    .queue(null, again -> Answering.failed("a reply", again)));
  }

  private static boolean isHost(Member member) {
    return member != null && member.hasPermission(Permission.MANAGE_SERVER);
  }
}
