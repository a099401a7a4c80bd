package org.porchlight.discord;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.components.ComponentInteraction;
import net.dv8tion.jda.api.interactions.modals.ModalInteraction;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.porchlight.core.MemberId;
import org.porchlight.core.MessageLimit;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each member's DMs and interactions held to one {@link MessageLimit}, so that a member who floods
 * holds no one else up. Past the limit, crisis words are still answered with the crisis lines;
 * otherwise the first message or interaction is told that Porchlight will catch up, and the rest
 * are let go unread. Discord still needs every interaction acknowledged within 3 seconds, or it
 * tells the member "This interaction failed": one let go is acknowledged as cheaply as Discord
 * allows, a press (or a form opened from one) with a deferred edit that changes nothing, a command
 * with the same few words again, seen only by the member. None of it touches the store.
 */
final class FloodGate {
  private static final Logger LOG = LoggerFactory.getLogger(FloodGate.class);
  // A DM carries no language; the member's own is in the store, which a flood must not reach.
  private static final String DM_LOCALE = "en";

  private final MessageLimit limit;
  private final Conversation conversation;

  FloodGate(MessageLimit limit, Conversation conversation) {
    this.limit = limit;
    this.conversation = conversation;
  }

  /**
   * Whether a member's DM is read. If not, what is to be said instead (the crisis lines, or that
   * Porchlight will catch up) goes to {@code say}, or nothing at all.
   */
  boolean admits(MemberId member, String words, Consumer<List<Reply>> say) {
    MessageLimit.Verdict verdict = limit.admit(member);
    if (verdict == MessageLimit.Verdict.READ) return true;
    Optional<Reply> crisis = crisisIn(member, words);
    if (crisis.isPresent()) {
      say.accept(List.of(crisis.get()));
    } else if (verdict == MessageLimit.Verdict.CATCH_UP) {
      tooFast();
      say.accept(List.of(Reply.text(conversation.texts(DM_LOCALE).get(Text.CATCH_UP))));
    }
    return false;
  }

  /**
   * Whether a member's interaction is read. If not, it has been acknowledged here: with the crisis
   * lines for crisis words in a form, with "I'll catch up with you" the first time, and after that
   * as cheaply as Discord allows.
   */
  boolean admits(IReplyCallback event) {
    MemberId member = Answering.memberOf(event.getUser());
    MessageLimit.Verdict verdict = limit.admit(member);
    if (verdict == MessageLimit.Verdict.READ) return true;
    Optional<Reply> crisis =
        event instanceof ModalInteraction form ? crisisIn(member, words(form)) : Optional.empty();
    if (crisis.isPresent()) {
      Answering.answerLater(event, () -> List.of(crisis.get()));
    } else if (verdict == MessageLimit.Verdict.CATCH_UP) {
      tooFast();
      tellCatchUp(event);
    } else if (event instanceof ComponentInteraction press) {
      press.deferEdit().queue(null, failure -> Answering.failed("an acknowledgement", failure));
    } else if (event instanceof ModalInteraction form && form.getMessage() != null) {
      form.deferEdit().queue(null, failure -> Answering.failed("an acknowledgement", failure));
    } else {
      // A command must be answered where the member sees it: deferred alone, it would spin, then
      // fail.
      tellCatchUp(event);
    }
    return false;
  }

  private void tellCatchUp(IReplyCallback event) {
    String catchUp = conversation.texts(Answering.locale(event)).get(Text.CATCH_UP);
    event
        .reply(catchUp)
        .setEphemeral(true)
        .queue(null, failure -> Answering.failed("an acknowledgement", failure));
  }

  private Optional<Reply> crisisIn(MemberId member, String words) {
    return words.isBlank() ? Optional.empty() : conversation.crisisCheck(member, words);
  }

  private static String words(ModalInteraction form) {
    return form.getValues().stream()
        .filter(value -> value.getType() == Component.Type.TEXT_INPUT)
        .map(ModalMapping::getAsString)
        .collect(Collectors.joining("\n"));
  }

  private static void tooFast() {
    LOG.info("a member is writing faster than {} messages a minute", MessageLimit.PER_MINUTE);
  }
}
