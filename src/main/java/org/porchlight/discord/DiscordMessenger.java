package org.porchlight.discord;

import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.delivery.Messenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check-ins and reminders by direct message. JDA keeps to Discord's rate limits itself, waiting out
 * a 429 and sending again. A message still waiting for its turn when its deadline passes is not
 * sent at all, and the outbox tries it again later, so it goes once; one Discord took but never
 * answered within the deadline is tried again too, as any call with no answer is.
 */
final class DiscordMessenger implements Messenger {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordMessenger.class);
  // Longer than a usual rate-limit wait, shorter than a sender's lease on its letters (30 s).
  static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final Duration AFTER_DEADLINE = Duration.ofSeconds(30);

  private final JDA jda;

  DiscordMessenger(JDA jda) {
    this.jda = jda;
  }

  @Override
  public String platform() {
    return DiscordChat.PLATFORM;
  }

  @Override
  public Delivery send(MemberId to, Reply reply) {
    List<MessageCreateData> messages = DiscordRender.messages(reply);
    RestAction<Message> sending =
        jda.openPrivateChannelById(to.userId())
            .flatMap(
                channel -> {
                  RestAction<Message> chain = channel.sendMessage(messages.get(0));
                  for (MessageCreateData next : messages.subList(1, messages.size())) {
                    chain = chain.flatMap(sent -> channel.sendMessage(next));
                  }
                  return chain;
                });
    try {
      DiscordCalls.complete(sending, DEADLINE, "openPrivateChannel, sendMessage");
      return Delivery.sent();
    } catch (ErrorResponseException e) {
      return delivery(e);
    } catch (DiscordCalls.NoAnswerInTime e) {
      // Mostly a wait behind Discord's rate limits in a wave of check-ins.
      LOG.info("a direct message was handed back to the outbox: {}", e.getMessage());
      return Delivery.slowDown(AFTER_DEADLINE);
    } catch (RuntimeException e) {
      LOG.warn("a direct message could not be sent: {}", e.getClass().getSimpleName());
      return Delivery.failed();
    }
  }

  /** 50007: the member's DMs are closed to the bot; an unknown user can't be reached either. */
  static Delivery delivery(ErrorResponseException e) {
    ErrorResponse error = e.getErrorResponse();
    if (error == ErrorResponse.CANNOT_SEND_TO_USER
        || error == ErrorResponse.UNKNOWN_USER
        || error == ErrorResponse.UNKNOWN_CHANNEL) {
      return Delivery.unreachable();
    }
    LOG.warn(
        "Discord refused a direct message: HTTP {}, code {}",
        e.getResponse() == null ? "?" : e.getResponse().code,
        e.getErrorCode());
    return Delivery.failed();
  }
}
