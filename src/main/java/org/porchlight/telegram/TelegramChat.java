package org.porchlight.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.porchlight.core.Echo;
import org.porchlight.core.Hosting;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.MessageLimit;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.delivery.Messenger.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * One Telegram update, understood and answered: private messages and button presses go to the
 * conversation; in groups only commands addressed to the bot, and crisis language, get an answer,
 * and nothing personal is said there.
 */
final class TelegramChat {
  static final String PLATFORM = "telegram";
  private static final Logger LOG = LoggerFactory.getLogger(TelegramChat.class);

  private final Conversation conversation;
  private final MemberStore members;
  private final TelegramApi api;
  private final String botUsername;
  private final TelegramGroups groups;
  private final MessageLimit limit;

  TelegramChat(
      Conversation conversation,
      Hosting hosting,
      MemberStore members,
      TelegramApi api,
      String botUsername,
      MessageLimit limit) {
    this.limit = limit;
    this.conversation = conversation;
    this.members = members;
    this.api = api;
    this.botUsername = botUsername;
    this.groups =
        new TelegramGroups(
            conversation,
            hosting,
            members,
            api,
            botUsername,
            (member, replies) ->
                send(Long.parseLong(member.userId()), Optional.of(member), replies));
  }

  void handle(Update update) {
    if (update.hasMessage()) {
      message(update.getMessage());
    } else if (update.hasCallbackQuery()) {
      buttonPress(update.getCallbackQuery());
    } else if (update.hasMyChatMember()) {
      membership(update.getMyChatMember());
    } else {
      // Edits, reactions, and kinds of update newer than this code: nothing to answer.
      LOG.debug("update {} has nothing to answer", update.getUpdateId());
    }
  }

  private void message(Message message) {
    User from = message.getFrom();
    if (from == null || isAnotherBot(message, from)) return;
    String words = message.hasText() ? message.getText() : message.getCaption();
    if (message.isUserMessage()) {
      MemberId member = memberOf(from);
      Optional<Incoming> incoming = incoming(message, words);
      if (incoming.isEmpty()) return;
      if (!admitted(message.getChatId(), member, from, words)) return;
      List<Reply> replies;
      try {
        replies = conversation.handle(member, incoming.get());
      } catch (RuntimeException e) {
        if (!StoreUnavailable.isCause(e)) throw e;
        if (!answeredCrisisMeanwhile(message.getChatId(), member, words)) throw e;
        return;
      }
      send(message.getChatId(), Optional.of(member), replies);
    } else if (message.isGroupMessage() || message.isSuperGroupMessage()) {
      groups.message(message, from, words);
    }
  }

  /**
   * Whether another bot wrote it in a group, for none of which there is anything to answer. Not an
   * anonymous admin (Telegram shows one as a bot), nor the news of a group's upgrade.
   */
  private static boolean isAnotherBot(Message message, User from) {
    return Boolean.TRUE.equals(from.getIsBot())
        && !message.isUserMessage()
        && !TelegramGroups.fromAnAnonymousAdmin(message)
        && message.getMigrateToChatId() == null
        && message.getMigrateFromChatId() == null;
  }

  private Optional<Incoming> incoming(Message message, String words) {
    if (words != null && !words.isBlank()) {
      Optional<Incoming.Command> command = Incoming.Command.parse(words);
      if (command.isPresent() && addressedToUs(words)) return Optional.of(command.get());
      return Optional.of(new Incoming.FreeText(words));
    }
    return wordlessKind(message).map(Incoming.NoText::new);
  }

  /** What a message without words carries, or empty for service messages (pins, joins, ...). */
  private static Optional<String> wordlessKind(Message m) {
    if (m.hasSticker()) return Optional.of("sticker");
    if (m.hasPhoto()) return Optional.of("photo");
    if (m.hasVoice()) return Optional.of("voice");
    if (m.hasVideo()) return Optional.of("video");
    if (m.hasVideoNote()) return Optional.of("video note");
    if (m.hasAnimation()) return Optional.of("animation");
    if (m.hasAudio()) return Optional.of("audio");
    if (m.hasDocument()) return Optional.of("document");
    if (m.hasDice()) return Optional.of("dice");
    if (m.hasLocation()) return Optional.of("location");
    if (m.hasContact()) return Optional.of("contact");
    if (m.hasPoll()) return Optional.of("poll");
    if (m.hasStory()) return Optional.of("story");
    return Optional.empty();
  }

  /** A command with no @name, or with ours; "/start@SomeOtherBot" is for another bot. */
  private boolean addressedToUs(String words) {
    return addressedTo(botUsername, words);
  }

  static boolean addressedTo(String botUsername, String words) {
    String first = words.strip().split("\\s+", 2)[0];
    int at = first.indexOf('@');
    return at < 0 || first.substring(at + 1).equalsIgnoreCase(botUsername);
  }

  private void buttonPress(CallbackQuery press) {
    if (press.getData() == null) {
      api.call(new AnswerCallbackQuery(press.getId()), Optional.empty());
      return;
    }
    MaybeInaccessibleMessage pressedOn = press.getMessage();
    // Where the press was is read off the chat, not the message: a message too old or deleted
    // comes as an inaccessible one, whose type says nothing of the chat it was in.
    Chat where = pressedOn == null ? null : pressedOn.getChat();
    if (where != null && (where.isGroupChat() || where.isSuperGroupChat())) {
      groups.press(press, where);
      return;
    }
    // Answer at once, so the member's spinner stops; then show what was chosen.
    api.call(new AnswerCallbackQuery(press.getId()), Optional.empty());
    if (where != null && !where.isUserChat()) return; // a channel: no member to answer
    MemberId member = memberOf(press.getFrom());
    if (!admitted(press.getFrom().getId(), member, press.getFrom(), null)) return;
    if (pressedOn instanceof Message shown) showChoice(shown, press.getData(), press.getFrom());
    // Whatever the message, the answer goes to the private chat of whoever pressed.
    send(
        press.getFrom().getId(),
        Optional.of(member),
        conversation.handle(member, new Incoming.ButtonPress(press.getData())));
  }

  /**
   * Whether a member's message is within {@link MessageLimit}. Past it, crisis language is still
   * answered; otherwise the first message is told that Porchlight will catch up, and the rest are
   * let go unread. Neither touches the store, so a member who floods holds no one else up.
   */
  private boolean admitted(long chatId, MemberId member, User from, String words) {
    MessageLimit.Verdict verdict = limit.admit(member);
    if (verdict == MessageLimit.Verdict.READ) return true;
    Optional<Reply> crisis =
        words == null || words.isBlank()
            ? Optional.empty()
            : conversation.crisisCheck(member, words);
    if (crisis.isPresent()) {
      send(chatId, Optional.of(member), List.of(crisis.get()));
    } else if (verdict == MessageLimit.Verdict.CATCH_UP) {
      LOG.info("a member is writing faster than {} messages a minute", MessageLimit.PER_MINUTE);
      String text = conversation.texts(locale(from)).get(Text.CATCH_UP);
      send(chatId, Optional.empty(), List.of(Reply.text(text)));
    }
    return false;
  }

  /**
   * For an update that waits because the database is away: when it is a private message in crisis
   * language, answers it now with the crisis lines, from the words alone, and says so; it then
   * counts as answered. Nothing else is done, and nothing is asked of the store. Never throws: a
   * failure is logged and the update waits with the rest.
   */
  boolean answeredCrisisWhileTheDatabaseIsAway(Update update) {
    if (!update.hasMessage()) return false;
    Message message = update.getMessage();
    if (!message.isUserMessage() || message.getFrom() == null) return false;
    String words = message.hasText() ? message.getText() : message.getCaption();
    try {
      return answeredCrisisMeanwhile(message.getChatId(), memberOf(message.getFrom()), words);
    } catch (RuntimeException e) {
      LOG.warn("update {}: crisis lines could not be sent: {}", update.getUpdateId(), e.toString());
      return false;
    }
  }

  /**
   * While the database is away, crisis language is answered at once, from the words alone, and
   * counts as answered; anything else waits to be answered once the database is back.
   */
  private boolean answeredCrisisMeanwhile(long chatId, MemberId member, String words) {
    if (words == null || words.isBlank()) return false;
    Optional<Reply> crisis = conversation.crisisCheckWithoutTheStore(member, words);
    if (crisis.isEmpty()) return false;
    // Optional.empty(): whether the member can be reached is in the database, which is away.
    send(chatId, Optional.empty(), List.of(crisis.get()));
    return true;
  }

  /** Replaces the buttons of the pressed message with the choice, so it can't be pressed twice. */
  private void showChoice(Message shown, String data, User from) {
    String label =
        shown.getReplyMarkup() == null
            ? null
            : shown.getReplyMarkup().getKeyboard().stream()
                .flatMap(List::stream)
                .filter(button -> data.equals(button.getCallbackData()))
                .map(InlineKeyboardButton::getText)
                .findFirst()
                .orElse(null);
    if (label == null || shown.getText() == null) return;
    // The message and its button as Telegram relays them, which is outside input like any other:
    // shown back without control characters, as the rest of what a member sees.
    String chosen =
        conversation.texts(locale(from)).get(Text.CHOSEN, "choice", Echo.keepable(label));
    String text = Echo.keepable(shown.getText()) + "\n\n" + chosen;
    if (text.length() > TelegramRender.MAX_TEXT) return;
    EditMessageText edit =
        EditMessageText.builder()
            .chatId(shown.getChatId())
            .messageId(shown.getMessageId())
            .text(text)
            .build();
    api.call(edit, Optional.empty());
  }

  private void membership(ChatMemberUpdated change) {
    if (change.getChat() == null) return;
    String status = change.getNewChatMember() == null ? "" : change.getNewChatMember().getStatus();
    String before = change.getOldChatMember() == null ? "" : change.getOldChatMember().getStatus();
    if (!"private".equals(change.getChat().getType())) {
      boolean in = status.equals("member") || status.equals("administrator");
      boolean wasOut = before.equals("left") || before.equals("kicked") || before.isEmpty();
      if (in && wasOut && change.getFrom() != null) groups.added(change);
      return;
    }
    MemberId member = memberOf(change.getFrom());
    if ("kicked".equals(status)) {
      members.setReachable(member, false);
      LOG.info("a member blocked the bot; nothing more will be sent to them");
    } else if ("member".equals(status)) {
      members.setReachable(member, true);
    }
  }

  /**
   * Sends replies to a chat, in order; nothing to a member who blocked the bot. Returns whether all
   * were sent.
   */
  boolean send(long chatId, Optional<MemberId> member, List<Reply> replies) {
    for (Reply reply : replies) {
      if (member.isPresent() && !reachable(member.get())) {
        LOG.debug("not sending to a member who can't be reached");
        return false;
      }
      boolean sent =
          reply.document().isPresent()
              ? sendDocument(chatId, member, reply, reply.document().get())
              : sendText(chatId, member, reply.text(), reply.buttons());
      if (!sent) return false;
    }
    return true;
  }

  /**
   * Whether {@code member} can be reached, as stored. While the database is away, yes: they have
   * just written, and their turn is done; asking again would answer it twice.
   */
  private boolean reachable(MemberId member) {
    try {
      return members.isReachable(member);
    } catch (StoreUnavailable e) {
      return true;
    }
  }

  /** A check-in or reminder from the outbox, to a member's private chat: one try. */
  Delivery prompt(MemberId member, Reply reply) {
    long chatId = Long.parseLong(member.userId()); // a private chat's id is the member's
    Delivery delivery = Delivery.sent();
    for (SendMessage message : TelegramRender.messages(chatId, reply.text(), reply.buttons())) {
      delivery = api.attempt(message);
      if (delivery.status() != Delivery.Status.SENT) return delivery;
    }
    return delivery;
  }

  private boolean sendText(
      long chatId, Optional<MemberId> member, String text, List<Reply.Button> buttons) {
    for (SendMessage message : TelegramRender.messages(chatId, text, buttons)) {
      if (api.call(message, member) != TelegramApi.Failure.NONE) return false;
    }
    return true;
  }

  private boolean sendDocument(
      long chatId, Optional<MemberId> member, Reply reply, Reply.Document document) {
    TelegramApi.Failure failure =
        api.call(TelegramRender.document(chatId, reply, document), member);
    if (failure == TelegramApi.Failure.MISSING || failure == TelegramApi.Failure.FAILED) {
      // No documents here: the data goes as text instead, so the member still gets it.
      return sendText(chatId, member, reply.text() + "\n\n" + document.content(), reply.buttons());
    }
    return failure == TelegramApi.Failure.NONE;
  }

  static MemberId memberOf(User user) {
    return new MemberId(PLATFORM, String.valueOf(user.getId()));
  }

  static String locale(User user) {
    return user.getLanguageCode() == null ? "en" : user.getLanguageCode().toLowerCase(Locale.ROOT);
  }

  /** The chat an update belongs to, for keeping each chat's updates in order; 0 for none. */
  static long chatKey(Update update) {
    if (update.hasMessage()) return update.getMessage().getChatId();
    if (update.hasCallbackQuery()) return update.getCallbackQuery().getFrom().getId();
    if (update.hasMyChatMember()) return update.getMyChatMember().getChat().getId();
    if (update.hasEditedMessage()) return update.getEditedMessage().getChatId();
    return 0;
  }
}
