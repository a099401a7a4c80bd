package org.porchlight.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericSelectMenuInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.porchlight.core.Action;
import org.porchlight.core.Community;
import org.porchlight.core.DaysInput;
import org.porchlight.core.Hosting;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MemberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's interactions, understood and answered. Slash commands, buttons and forms go to the
 * conversation; in a server every answer is ephemeral, seen only by the member it is for. Direct
 * messages are read too (Discord shows a bot the words of its DMs without any privileged intent);
 * messages in servers are not.
 */
final class DiscordChat extends ListenerAdapter {
  static final String PLATFORM = "discord";
  private static final Logger LOG = LoggerFactory.getLogger(DiscordChat.class);

  static final String SETTINGS_FORM = "form:settings";
  static final String SETUP_FORM = "form:setup:";
  // The settings form's fields, in the order they are applied: the zone before the time, so the
  // next check-in is worked out in the new zone.
  private static final Map<String, Text> SETTINGS_FIELDS = settingsFields();

  private final Conversation conversation;
  private final Hosting hosting;
  private final MemberStore members;
  // Members told that their DMs are closed, so they are told once (in memory: after a restart, a
  // member may be told once more).
  private final Set<MemberId> toldDmsClosed = ConcurrentHashMap.newKeySet();

  DiscordChat(Conversation conversation, Hosting hosting, MemberStore members) {
    this.conversation = conversation;
    this.hosting = hosting;
    this.members = members;
  }

  // ---- Slash commands ----

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    try {
      slashCommand(event);
    } catch (RuntimeException e) {
      somethingWentWrong(event, e);
    }
  }

  private void slashCommand(SlashCommandInteractionEvent event) {
    String name = event.getName();
    if (DiscordCommands.HOST_COMMANDS.contains(name)) {
      hostCommand(event);
      return;
    }
    String args =
        String.join(" ", event.getOptions().stream().map(OptionMapping::getAsString).toList());
    if (args.isBlank() && DiscordCommands.OPEN_SETTINGS.contains(name)) {
      event.replyModal(settingsForm(event)).queue(null, failure -> failed("a form", failure));
      return;
    }
    answer(event, new Incoming.Command(name, args));
  }

  // ---- Buttons ----

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    try {
      button(event);
    } catch (RuntimeException e) {
      somethingWentWrong(event, e);
    }
  }

  private void button(ButtonInteractionEvent event) {
    String data = event.getComponentId();
    boolean posted = Action.decode(data).orElse(null) instanceof Action.PostedAnswer;
    if (posted || !event.getMessage().isEphemeral() && inServer(event)) {
      // A check-in a host posted is everyone's: it stays as it is, and the answer is private.
      answer(event, new Incoming.ButtonPress(data));
      return;
    }
    // A message of the member's own: it will show what they chose in place of the buttons.
    event.deferEdit().queue(null, failure -> failed("an acknowledgement", failure));
    List<Reply> replies = handle(event, memberOf(event.getUser()), new Incoming.ButtonPress(data));
    Message shown = event.getMessage();
    String chosen = texts(event).get(Text.CHOSEN, "choice", event.getButton().getLabel());
    String content = shown.getContentRaw() + "\n\n" + chosen;
    InteractionHook hook = event.getHook();
    RestAction<?> edit =
        hook.editOriginal(
            new MessageEditBuilder()
                .setContent(content.length() <= Render.MAX_TEXT ? content : shown.getContentRaw())
                .setComponents()
                .build());
    followUp(edit, hook, Render.messages(replies), inServer(event));
  }

  // ---- Forms ----

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    try {
      if (event.getModalId().equals(SETTINGS_FORM)) {
        settingsSubmitted(event);
      } else if (event.getModalId().startsWith(SETUP_FORM)) {
        setupSubmitted(event);
      } else {
        notOurs(event);
      }
    } catch (RuntimeException e) {
      somethingWentWrong(event, e);
    }
  }

  private Modal settingsForm(Interaction event) {
    Messages texts = texts(event);
    Optional<org.porchlight.core.Member> member = members.find(memberOf(event.getUser()));
    Map<String, String> now = currentSettings(member);
    List<Label> fields = new ArrayList<>();
    for (Map.Entry<String, Text> field : SETTINGS_FIELDS.entrySet()) {
      fields.add(
          Label.of(
              texts.get(field.getValue()),
              TextInput.create(field.getKey(), TextInputStyle.SHORT)
                  .setRequired(false)
                  .setMaxLength(60)
                  .setValue(now.get(field.getKey()))
                  .build()));
    }
    return Modal.create(SETTINGS_FORM, texts.get(Text.FORM_SETTINGS_TITLE))
        .addComponents(fields)
        .build();
  }

  /** The changed fields go to the conversation together, each checked as its command. */
  private void settingsSubmitted(ModalInteractionEvent event) {
    MemberId member = memberOf(event.getUser());
    answerLater(
        event,
        () -> {
          Map<String, String> before = currentSettings(members.find(member));
          Map<String, String> changed = new LinkedHashMap<>();
          for (String field : SETTINGS_FIELDS.keySet()) {
            String typed = value(event, field).strip();
            if (typed.isEmpty() || typed.equalsIgnoreCase(before.getOrDefault(field, ""))) continue;
            changed.put(field.equals("zone") ? "timezone" : field, typed);
          }
          if (changed.isEmpty()) {
            return List.of(Reply.text(texts(event).get(Text.FORM_SETTINGS_UNCHANGED)));
          }
          return handle(event, member, new Incoming.Form(changed));
        });
  }

  private static Map<String, String> currentSettings(Optional<org.porchlight.core.Member> member) {
    Map<String, String> now = new LinkedHashMap<>();
    member.ifPresent(
        m -> {
          m.zone().ifPresent(zone -> now.put("zone", zone.getId()));
          m.checkInTime().ifPresent(time -> now.put("time", time.toString()));
          now.put("days", DaysInput.format(m.days()));
          now.put("quiet", m.quietHours().toString());
        });
    return now;
  }

  private static Map<String, Text> settingsFields() {
    Map<String, Text> fields = new LinkedHashMap<>();
    fields.put("zone", Text.FORM_ZONE);
    fields.put("time", Text.FORM_TIME);
    fields.put("days", Text.FORM_DAYS);
    fields.put("quiet", Text.FORM_QUIET);
    return fields;
  }

  // ---- Menus Porchlight never offers ----

  /**
   * A select menu or a context-menu command (or a form Porchlight does not know): Porchlight offers
   * none, so one comes only from an older release or a message that is not ours. It is answered
   * kindly, never left to fail.
   */
  @Override
  public void onGenericSelectMenuInteraction(GenericSelectMenuInteractionEvent<?, ?> event) {
    notOurs(event);
  }

  @Override
  public void onGenericContextInteraction(GenericContextInteractionEvent<?> event) {
    notOurs(event);
  }

  private void notOurs(IReplyCallback event) {
    try {
      answerLater(event, () -> List.of(Reply.text(texts(event).get(Text.STALE_BUTTON))));
    } catch (RuntimeException e) {
      somethingWentWrong(event, e);
    }
  }

  // ---- Hosts ----

  private void hostCommand(SlashCommandInteractionEvent event) {
    Messages texts = texts(event);
    String command = "/" + event.getName();
    Guild guild = event.getGuild();
    if (guild == null) {
      answerLater(
          event, () -> List.of(Reply.text(texts.get(Text.IN_A_SERVER_ONLY, "command", command))));
      return;
    }
    if (!isHost(event.getMember())) {
      // Discord hides host commands from members without Manage Server; asked anyway, we say no.
      answerLater(event, () -> List.of(Reply.text(texts.get(Text.HOSTS_ONLY, "command", command))));
      return;
    }
    Community.Id community = communityOf(guild);
    switch (event.getName()) {
      case "setup" -> {
        Community now = hosting.community(community, guildName(guild));
        String channel =
            Optional.ofNullable(event.getOption("channel"))
                .map(option -> option.getAsChannel().getId())
                .or(now::checkInChannel)
                .orElse(event.getChannel().getId());
        event
            .replyModal(setupForm(texts, now, channel))
            .queue(null, failure -> failed("the setup form", failure));
      }
      case "summary" ->
          answerLater(
              event, () -> List.of(hosting.summary(community, guildName(guild), locale(event))));
      case "post" -> post(event, guild, community);
      default ->
          answerLater(
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
            field(texts.get(Text.FORM_DEFAULT_ZONE), "zone", form.zone(), TextInputStyle.SHORT, 60))
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

  private void setupSubmitted(ModalInteractionEvent event) {
    Messages texts = texts(event);
    Guild guild = event.getGuild();
    if (guild == null || !isHost(event.getMember())) {
      answerLater(
          event, () -> List.of(Reply.text(texts.get(Text.HOSTS_ONLY, "command", "/setup"))));
      return;
    }
    String channel = event.getModalId().substring(SETUP_FORM.length());
    Hosting.SetupForm form =
        new Hosting.SetupForm(
            value(event, "links"),
            value(event, "schedule"),
            value(event, "time"),
            value(event, "zone"),
            channel.isEmpty() ? Optional.empty() : Optional.of(channel));
    answerLater(
        event,
        () -> {
          List<Reply> replies = new ArrayList<>();
          replies.add(hosting.setup(communityOf(guild), guildName(guild), form, locale(event)));
          if (!channel.isEmpty() && !canPostIn(guild, channel)) {
            replies.add(Reply.text(texts.get(Text.POST_FAILED, "channel", channel)));
          }
          return replies;
        });
  }

  private static boolean canPostIn(Guild guild, String channelId) {
    GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, channelId);
    return channel != null && channel.canTalk();
  }

  private static String value(ModalInteractionEvent event, String field) {
    ModalMapping value = event.getValue(field);
    return value == null ? "" : value.getAsString();
  }

  /** Puts the check-in in the community's channel; each member's answer is private to them. */
  private void post(SlashCommandInteractionEvent event, Guild guild, Community.Id community) {
    event.deferReply(true).queue(null, failure -> failed("an acknowledgement", failure));
    Messages texts = texts(event);
    String channelId =
        hosting
            .community(community, guildName(guild))
            .checkInChannel()
            .orElse(event.getChannel().getId());
    InteractionHook hook = event.getHook();
    if (!canPostIn(guild, channelId)) {
      hook.editOriginal(texts.get(Text.POST_FAILED, "channel", channelId))
          .queue(null, failure -> failed("a reply", failure));
      return;
    }
    MessageCreateData question = Render.messages(hosting.post(locale(event))).get(0);
    guild
        .getChannelById(GuildMessageChannel.class, channelId)
        .sendMessage(question)
        .queue(
            sent ->
                hook.editOriginal(texts.get(Text.POST_DONE, "channel", channelId))
                    .queue(null, failure -> failed("a reply", failure)),
            failure ->
                hook.editOriginal(texts.get(Text.POST_FAILED, "channel", channelId))
                    .queue(null, again -> failed("a reply", again)));
  }

  private static boolean isHost(Member member) {
    return member != null && member.hasPermission(Permission.MANAGE_SERVER);
  }

  // ---- Direct messages ----

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    // Only DMs: in servers, Porchlight reads no messages (it has no intent to).
    if (!event.isFromType(ChannelType.PRIVATE) || event.getAuthor().isBot()) return;
    try {
      Message message = event.getMessage();
      Optional<Incoming> incoming = incoming(message);
      if (incoming.isEmpty()) return;
      MemberId member = memberOf(event.getAuthor());
      comeBackToDms(member);
      List<Reply> replies = conversation.handle(member, incoming.get());
      sendTo(event.getChannel(), Render.messages(replies));
    } catch (RuntimeException e) {
      LOG.error("a direct message could not be answered", e);
      String sorry = conversation.texts("en").get(Text.SOMETHING_WENT_WRONG);
      sendTo(event.getChannel(), Render.messages(Reply.text(sorry)));
    }
  }

  private static Optional<Incoming> incoming(Message message) {
    String words = message.getContentRaw();
    if (!words.isBlank()) {
      return Optional.of(
          Incoming.Command.parse(words)
              .<Incoming>map(command -> command)
              .orElseGet(() -> new Incoming.FreeText(words)));
    }
    if (!message.getStickers().isEmpty()) return Optional.of(new Incoming.NoText("sticker"));
    if (!message.getAttachments().isEmpty()) return Optional.of(new Incoming.NoText("attachment"));
    if (message.getPoll() != null) return Optional.of(new Incoming.NoText("poll"));
    return Optional.empty(); // pins, calls and other service messages
  }

  private static void sendTo(MessageChannel channel, List<MessageCreateData> messages) {
    if (messages.isEmpty()) return;
    RestAction<Message> chain = channel.sendMessage(messages.get(0));
    for (MessageCreateData next : messages.subList(1, messages.size())) {
      chain = chain.flatMap(sent -> channel.sendMessage(next));
    }
    chain.queue(null, failure -> failed("a direct message", failure));
  }

  // ---- Answering ----

  /** The member's turn, in the server where it happened, if any. */
  private List<Reply> handle(Interaction event, MemberId member, Incoming incoming) {
    Guild guild = event.getGuild();
    if (guild == null) return conversation.handle(member, incoming);
    List<Reply> replies = new ArrayList<>();
    if (!members.isReachable(member) && toldDmsClosed.add(member)) {
      replies.add(Reply.text(texts(event).get(Text.DMS_CLOSED)));
    }
    replies.addAll(
        conversation.handle(
            member, incoming, new Community.Place(communityOf(guild), guildName(guild))));
    return replies;
  }

  /**
   * A member who writes in a DM can be written to again. (Answering their commands there proves
   * nothing: interactions are answered however their DMs are set.)
   */
  private void comeBackToDms(MemberId member) {
    if (!members.isReachable(member)) {
      members.setReachable(member, true);
      toldDmsClosed.remove(member);
    }
  }

  private <E extends Interaction & IReplyCallback> void answer(E event, Incoming incoming) {
    answerLater(event, () -> handle(event, memberOf(event.getUser()), incoming));
  }

  /**
   * Acknowledges at once (Discord waits 3 seconds at most), then answers with what {@code turn}
   * says: the first reply in place of the acknowledgement, the others after it, in order.
   */
  private static void answerLater(IReplyCallback event, Supplier<List<Reply>> turn) {
    boolean ephemeral = event.getGuild() != null;
    event.deferReply(ephemeral).queue(null, failure -> failed("an acknowledgement", failure));
    List<MessageCreateData> messages = Render.messages(turn.get());
    InteractionHook hook = event.getHook();
    RestAction<?> first = hook.editOriginal(MessageEditData.fromCreateData(messages.get(0)));
    followUp(first, hook, messages.subList(1, messages.size()), ephemeral);
  }

  private static void followUp(
      RestAction<?> first,
      InteractionHook hook,
      List<MessageCreateData> followUps,
      boolean ephemeral) {
    RestAction<?> chain = first;
    for (MessageCreateData next : followUps) {
      chain = chain.flatMap(done -> hook.sendMessage(next).setEphemeral(ephemeral));
    }
    chain.queue(null, failure -> failed("a reply", failure));
  }

  private void somethingWentWrong(IReplyCallback event, RuntimeException e) {
    LOG.error("an interaction could not be answered", e);
    String sorry = texts(event).get(Text.SOMETHING_WENT_WRONG);
    if (event.isAcknowledged()) {
      event.getHook().editOriginal(sorry).queue(null, failure -> failed("an apology", failure));
    } else {
      event.reply(sorry).setEphemeral(true).queue(null, failure -> failed("an apology", failure));
    }
  }

  private static void failed(String what, Throwable failure) {
    LOG.warn("Discord refused {}: {}", what, failure.getMessage());
  }

  // ---- Who and where ----

  private static boolean inServer(Interaction event) {
    return event.getGuild() != null;
  }

  static MemberId memberOf(User user) {
    return new MemberId(PLATFORM, user.getId());
  }

  static Community.Id communityOf(Guild guild) {
    return communityOf(guild.getId());
  }

  static Community.Id communityOf(String guildId) {
    return new Community.Id(PLATFORM, guildId);
  }

  private static String guildName(Guild guild) {
    try {
      return guild.getName();
    } catch (RuntimeException e) {
      return "this server"; // a server the bot doesn't see in full, for a user-installed app
    }
  }

  private Messages texts(Interaction event) {
    return conversation.texts(locale(event));
  }

  /** Discord's locale, like en-US, as the language Porchlight's texts are kept under. */
  private static String locale(Interaction event) {
    String tag = event.getUserLocale().getLocale();
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
