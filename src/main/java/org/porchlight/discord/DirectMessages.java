package org.porchlight.discord;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages to the bot, read and answered (Discord shows a bot the words of its DMs without
 * any privileged intent). Messages in servers are not read.
 */
final class DirectMessages {
  private static final Logger LOG = LoggerFactory.getLogger(DirectMessages.class);

  private final Answering answering;
  private final FloodGate floodGate;

  DirectMessages(Answering answering, FloodGate floodGate) {
    this.answering = answering;
    this.floodGate = floodGate;
  }

  void received(MessageReceivedEvent event) {
    // Only DMs: in servers, Porchlight reads no messages (it has no intent to).
    if (!event.isFromType(ChannelType.PRIVATE) || event.getAuthor().isBot()) return;
    Conversation conversation = answering.conversation;
    try {
      Message message = event.getMessage();
      Optional<Incoming> incoming = incoming(message);
      if (incoming.isEmpty()) return;
      MemberId member = Answering.memberOf(event.getAuthor());
      MessageChannel channel = event.getChannel();
      boolean read =
          floodGate.admits(
              member,
              message.getContentRaw(),
              replies -> sendTo(channel, DiscordRender.messages(replies)));
      if (!read) return;
      answering.comeBackToDms(member);
      List<Reply> replies = conversation.handle(member, incoming.get());
      sendTo(channel, DiscordRender.messages(replies));
    } catch (RejectedExecutionException e) {
      // Discord's connection is closing as Porchlight stops: nothing can be sent any more.
      LOG.debug("a direct message came as Porchlight stopped: {}", e.toString());
    } catch (RuntimeException e) {
      if (StoreUnavailable.isCause(e)) {
        meanwhile(event, conversation);
        return;
      }
      LOG.error("a direct message could not be answered", e);
      String sorry = conversation.texts("en").get(Text.SOMETHING_WENT_WRONG);
      sendTo(event.getChannel(), DiscordRender.messages(Reply.text(sorry)));
    }
  }

  /**
   * The database is away (said once, by whoever watches it): crisis language is answered from the
   * words alone; anything else is told kindly to come back in a little while, since Discord does
   * not send a message twice.
   */
  private static void meanwhile(MessageReceivedEvent event, Conversation conversation) {
    LOG.debug("a direct message came while the database is away");
    MemberId member = Answering.memberOf(event.getAuthor());
    String words = event.getMessage().getContentRaw();
    Optional<Reply> crisis =
        words.isBlank() ? Optional.empty() : conversation.crisisCheckWithoutTheStore(member, words);
    Reply reply = crisis.orElseGet(() -> Reply.text(conversation.texts("en").get(Text.NOTES_AWAY)));
    sendTo(event.getChannel(), DiscordRender.messages(reply));
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
    chain.queue(null, failure -> Answering.failed("a direct message", failure));
  }
}
