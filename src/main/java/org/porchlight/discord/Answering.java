package org.porchlight.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.porchlight.core.Community;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an interaction is answered: acknowledged at once, then the conversation's replies, ephemeral
 * in a server; a member who can't be sent DMs is told once; what fails gets a kind apology.
 */
final class Answering {
  private static final Logger LOG = LoggerFactory.getLogger(Answering.class);

  final Conversation conversation;
  final MemberStore members;
  // Members told that their DMs are closed, so they are told once (in memory: after a restart, a
  // member may be told once more).
  private final Set<MemberId> toldDmsClosed = ConcurrentHashMap.newKeySet();

  Answering(Conversation conversation, MemberStore members) {
    this.conversation = conversation;
    this.members = members;
  }

  /** The member's turn, in the server where it happened, if any. */
  List<Reply> handle(Interaction event, MemberId member, Incoming incoming) {
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
  void comeBackToDms(MemberId member) {
    if (!members.isReachable(member)) {
      members.setReachable(member, true);
      toldDmsClosed.remove(member);
    }
  }

  <E extends Interaction & IReplyCallback> void answer(E event, Incoming incoming) {
    answerLater(event, () -> handle(event, memberOf(event.getUser()), incoming));
  }

  /**
   * Acknowledges at once (Discord waits 3 seconds at most), then answers with what {@code turn}
   * says: the first reply in place of the acknowledgement, the others after it, in order.
   */
  static void answerLater(IReplyCallback event, Supplier<List<Reply>> turn) {
    boolean ephemeral = event.getGuild() != null;
    event.deferReply(ephemeral).queue(null, failure -> failed("an acknowledgement", failure));
    List<MessageCreateData> messages = DiscordRender.messages(turn.get());
    InteractionHook hook = event.getHook();
    RestAction<?> first = hook.editOriginal(MessageEditData.fromCreateData(messages.get(0)));
    followUp(first, hook, messages.subList(1, messages.size()), ephemeral);
  }

  static void followUp(
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

  /**
   * A select menu or a context-menu command (or a form Porchlight does not know): Porchlight offers
   * none, so one comes only from an older release or a message that is not ours. It is answered
   * kindly, never left to fail.
   */
  void notOurs(IReplyCallback event) {
    answerLater(event, () -> List.of(Reply.text(texts(event).get(Text.STALE_BUTTON))));
  }

  void somethingWentWrong(IReplyCallback event, RuntimeException e) {
    if (e instanceof RejectedExecutionException) {
      // Discord's connection is closing as Porchlight stops: nothing can be answered any more.
      LOG.debug("an interaction came as Porchlight stopped: {}", e.toString());
      return;
    }
    boolean away = StoreUnavailable.isCause(e);
    if (away) {
      // Said once, by whoever watches the database; the member is asked to come back soon.
      LOG.debug("an interaction came while the database is away");
    } else {
      LOG.error("an interaction could not be answered", e);
    }
    String sorry = texts(event).get(away ? Text.NOTES_AWAY : Text.SOMETHING_WENT_WRONG);
    if (event.isAcknowledged()) {
      event.getHook().editOriginal(sorry).queue(null, failure -> failed("an apology", failure));
    } else {
      event.reply(sorry).setEphemeral(true).queue(null, failure -> failed("an apology", failure));
    }
  }

  static void failed(String what, Throwable failure) {
    LOG.warn("Discord refused {}: {}", what, failure.getMessage());
  }

  // ---- Who and where ----

  static boolean inServer(Interaction event) {
    return event.getGuild() != null;
  }

  static MemberId memberOf(User user) {
    return new MemberId(DiscordChat.PLATFORM, user.getId());
  }

  static Community.Id communityOf(Guild guild) {
    return DiscordChat.communityOf(guild.getId());
  }

  static String guildName(Guild guild) {
    try {
      return guild.getName();
    } catch (RuntimeException e) {
      return "this server"; // a server the bot doesn't see in full, for a user-installed app
    }
  }

  /** A text field of a submitted form, or "" when it was left out. */
  static String value(ModalInteractionEvent event, String field) {
    ModalMapping value = event.getValue(field);
    return value == null ? "" : value.getAsString();
  }

  Messages texts(Interaction event) {
    return conversation.texts(locale(event));
  }

  /** Discord's locale, like en-US, as the language Porchlight's texts are kept under. */
  static String locale(Interaction event) {
    String tag = event.getUserLocale().getLocale();
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
