package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.porchlight.testing.Corpus;

/** Proves the fake answers like the real Bot API, driven by a plain HTTP client. */
class FakeBotApiTest {
  private static final String TOKEN = "123456:TEST-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MEMBER = 42_001L;

  private final FakeBotApi api = FakeBotApi.start(TOKEN);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stop() {
    api.close();
  }

  // ---- updates -------------------------------------------------------------------------------

  @Test
  void longPollReturnsAsSoonAsAnUpdateIsPushed() {
    CompletableFuture<HttpResponse<String>> poll = postAsync("getUpdates", "{\"timeout\":50}");
    await()
        .during(Duration.ofMillis(150))
        .atMost(Duration.ofMillis(600))
        .until(() -> !poll.isDone());

    Instant pushed = Instant.now();
    long id = api.push(api.textMessage(MEMBER, MEMBER, "fine today"));

    JsonNode answer =
        await().atMost(Duration.ofMillis(600)).until(() -> body(poll), r -> r != null);
    assertThat(Duration.between(pushed, Instant.now())).isLessThan(Duration.ofMillis(600));
    assertThat(answer.path("result")).hasSize(1);
    assertThat(answer.path("result").get(0).path("update_id").asLong()).isEqualTo(id);
  }

  @Test
  void emptyLongPollGivesUpAfterAtMostASecond() {
    Instant asked = Instant.now();

    JsonNode answer = ok(post("getUpdates", "{\"timeout\":50}"));

    assertThat(answer.path("result")).isEmpty();
    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void updatesStayQueuedUntilAnOffsetPassesThem() {
    api.push(api.textMessage(MEMBER, MEMBER, "one"));

    ok(post("getUpdates", "{}"));
    JsonNode again = ok(post("getUpdates", "{}"));

    assertThat(again.path("result")).hasSize(1);
    assertThat(api.confirmedUpdateIds()).isEmpty();
  }

  @Test
  void anOffsetConfirmsEveryUpdateBelowIt() {
    long first = api.push(api.textMessage(MEMBER, MEMBER, "one"));
    long second = api.push(api.textMessage(MEMBER, MEMBER, "two"));
    long third = api.push(api.textMessage(MEMBER, MEMBER, "three"));

    JsonNode answer = ok(post("getUpdates", "{\"offset\":" + second + "}"));

    assertThat(answer.path("result").findValues("update_id"))
        .extracting(JsonNode::asLong)
        .containsExactly(second, third);
    assertThat(api.confirmedUpdateIds()).containsExactly(first);
    assertThat(api.lastOffset()).isEqualTo(second);
  }

  @Test
  void limitCapsHowManyUpdatesOneCallReturns() {
    api.push(api.textMessage(MEMBER, MEMBER, "one"));
    api.push(api.textMessage(MEMBER, MEMBER, "two"));

    JsonNode answer = ok(post("getUpdates", "{\"limit\":1}"));

    assertThat(answer.path("result")).hasSize(1);
  }

  @Test
  void anUpdateWithoutAnIdGetsTheNextOneAndAnOldIdIsRenumbered() {
    long first = api.push("{\"update_id\": 900000000, \"message\": {}}");
    long second = api.push("{\"message\": {}}");
    long third = api.push("{\"update_id\": 10000, \"message\": {}}");

    assertThat(first).isEqualTo(900_000_000L);
    assertThat(second).isEqualTo(900_000_001L);
    assertThat(third).isEqualTo(900_000_002L);
  }

  @Test
  void aCommandInAPrivateChatCarriesItsBotCommandEntity() throws IOException {
    JsonNode update = JSON.readTree(api.textMessage(MEMBER, MEMBER, "/checkin now"));

    JsonNode message = update.path("message");
    assertThat(message.path("chat").path("type").asText()).isEqualTo("private");
    assertThat(message.path("date").asLong()).isPositive();
    assertThat(message.path("from").path("language_code").asText()).isEqualTo("en");
    assertThat(message.path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
    assertThat(message.path("entities").get(0).path("length").asInt()).isEqualTo(8);
  }

  @Test
  void aCallbackCarriesTheMessageTheBotSentWithARealDate() throws IOException {
    String keyboard = "{\"inline_keyboard\":[[{\"text\":\"Fine\",\"callback_data\":\"fine\"}]]}";
    JsonNode sent =
        ok(
            post(
                "sendMessage",
                "{\"chat_id\":"
                    + MEMBER
                    + ",\"text\":\"How are you?\",\"reply_markup\":"
                    + keyboard
                    + "}"));
    long messageId = sent.path("result").path("message_id").asLong();

    JsonNode update = JSON.readTree(api.callback(MEMBER, MEMBER, messageId, "fine"));

    JsonNode message = update.path("callback_query").path("message");
    assertThat(message.path("message_id").asLong()).isEqualTo(messageId);
    assertThat(message.path("date").asLong()).isPositive();
    assertThat(message.path("from").path("is_bot").asBoolean()).isTrue();
    assertThat(message.path("text").asText()).isEqualTo("How are you?");
    assertThat(update.path("callback_query").path("data").asText()).isEqualTo("fine");
  }

  // ---- methods -------------------------------------------------------------------------------

  @Test
  void methodNamesMatchInAnyCase() {
    ok(post("getupdates", "{}"));
    ok(post("SENDMESSAGE", "{\"chat_id\":" + MEMBER + ",\"text\":\"hi\"}"));
    ok(post("deleteWebhook", "{}"));

    assertThat(api.calls())
        .extracting(FakeBotApi.Call::method)
        .containsExactly("getUpdates", "sendMessage", "deleteWebhook");
  }

  @Test
  void getMeAnswersWithTheTestBot() {
    JsonNode me = ok(post("getMe", "")).path("result");

    assertThat(me.path("username").asText()).isEqualTo("PorchlightTestBot");
    assertThat(me.path("is_bot").asBoolean()).isTrue();
    assertThat(me.path("id").asLong()).isEqualTo(123456L);
  }

  @Test
  void sendMessageAnswersWithAFreshMessageEchoingChatTextAndKeyboard() {
    String keyboard = "{\"inline_keyboard\":[[{\"text\":\"Rough\",\"callback_data\":\"rough\"}]]}";

    JsonNode first =
        ok(post(
                "sendMessage",
                "{\"chat_id\":\""
                    + MEMBER
                    + "\",\"text\":\"Hi\",\"reply_markup\":"
                    + keyboard
                    + "}"))
            .path("result");
    JsonNode second =
        ok(post("sendMessage", "{\"chat_id\":" + MEMBER + ",\"text\":\"Again\"}")).path("result");

    assertThat(first.path("chat").path("id").asLong()).isEqualTo(MEMBER);
    assertThat(first.path("date").asLong()).isPositive();
    assertThat(first.path("text").asText()).isEqualTo("Hi");
    assertThat(first.path("reply_markup").toString()).isEqualTo(keyboard);
    assertThat(second.path("message_id").asLong()).isNotEqualTo(first.path("message_id").asLong());
    assertThat(api.sent()).extracting(call -> call.param("text")).containsExactly("Hi", "Again");
  }

  @Test
  void editingAnInlineMessageAnswersTrue() {
    JsonNode answer =
        ok(post("editMessageText", "{\"inline_message_id\":\"abc\",\"text\":\"Thanks\"}"));

    assertThat(answer.path("result").asBoolean()).isTrue();
  }

  @Test
  void aWrongTokenGets401() {
    HttpResponse<String> response = post("bot999:WRONG", "sendMessage", "{}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response.body()))
        .isEqualTo(json("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
  }

  @Test
  void anUnknownMethodGets404() {
    HttpResponse<String> response = post("sendPoll", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response.body()))
        .isEqualTo(json("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
  }

  @Test
  void withoutMethodsMakesThoseMethodsAnswer404() {
    api.withoutMethods("setMyCommands", "getMe");

    assertThat(post("setmycommands", "{\"commands\":[]}").statusCode()).isEqualTo(404);
    assertThat(post("getMe", "{}").statusCode()).isEqualTo(404);
    assertThat(post("sendMessage", "{\"chat_id\":1,\"text\":\"x\"}").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#errorCases")
  void failNextServesTheStatusAndBodyThenRecovers(TelegramPayloads.ErrorCase error) {
    servedThenRecovered(error);
  }

  @Tag(Corpus.TAG)
  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#corpusErrorCases")
  void failNextServesEveryCorpusErrorBodyThenRecovers(TelegramPayloads.ErrorCase error) {
    servedThenRecovered(error);
  }

  private void servedThenRecovered(TelegramPayloads.ErrorCase error) {
    api.failNext("sendMessage", 1, error.httpStatus(), error.body());
    String params = "{\"chat_id\":" + MEMBER + ",\"text\":\"Hi\"}";

    HttpResponse<String> failed = post("sendMessage", params);
    HttpResponse<String> recovered = post("sendMessage", params);

    assertThat(failed.statusCode()).isEqualTo(error.httpStatus());
    assertThat(json(failed.body())).isEqualTo(json(error.body()));
    assertThat(recovered.statusCode()).isEqualTo(200);
  }

  @Test
  void aScriptedFailureIsRecordedButNotExecuted() {
    api.failNext("sendMessage", 2, 429, TelegramPayloads.errorCases().get(0).body());
    String params = "{\"chat_id\":" + MEMBER + ",\"text\":\"Hi\"}";

    post("sendMessage", params);
    post("sendMessage", params);

    assertThat(api.calls("sendMessage")).hasSize(2).allMatch(FakeBotApi.Call::failed);
    assertThat(api.sent()).isEmpty();
  }

  @Test
  void aDelayedAnswerArrivesAfterTheClientGaveUpButTheCallWasHeard() {
    api.delayNext("sendMessage", Duration.ofMillis(800));
    HttpRequest request =
        request("bot" + TOKEN, "sendMessage", "{\"chat_id\":1,\"text\":\"slow\"}")
            .timeout(Duration.ofMillis(200))
            .build();

    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(api.awaitCall("sendMessage", call -> true, Duration.ofSeconds(1)).failed())
        .isFalse();
  }

  @Test
  void awaitCallFindsACallMadeFromAnotherThread() {
    postAsync("sendMessage", "{\"chat_id\":" + MEMBER + ",\"text\":\"later\"}");

    FakeBotApi.Call call =
        api.awaitCall("sendmessage", c -> c.param("text").equals("later"), Duration.ofSeconds(2));

    assertThat(call.param("chat_id")).isEqualTo(String.valueOf(MEMBER));
  }

  @Test
  void multipartSendDocumentRecordsFileNameContentAndCaption() {
    String boundary = "porchlight-boundary";
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"chat_id\"\r\n\r\n"
            + MEMBER
            + "\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"caption\"\r\n\r\n"
            + "Your check-ins ✓\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"document\"; filename=\"checkins.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + "date,mood\n2025-01-01,fine\n\r\n"
            + "--"
            + boundary
            + "--\r\n";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + TOKEN + "/sendDocument"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();

    JsonNode answer = ok(send(request));

    FakeBotApi.Call call = api.calls("sendDocument").get(0);
    assertThat(call.param("caption")).isEqualTo("Your check-ins ✓");
    assertThat(call.params().path("document").path("file_name").asText()).isEqualTo("checkins.csv");
    assertThat(call.params().path("document").path("content").asText())
        .isEqualTo("date,mood\n2025-01-01,fine\n");
    assertThat(answer.path("result").path("document").path("file_name").asText())
        .isEqualTo("checkins.csv");
    assertThat(answer.path("result").path("caption").asText()).isEqualTo("Your check-ins ✓");
  }

  // ---- fixtures and the corpus ----------------------------------------------------------------

  @Test
  void ourFixturesCoverEveryKindOfUpdateAndError() {
    assertThat(TelegramPayloads.updateNames()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(TelegramPayloads.errorCases())
        .extracting(TelegramPayloads.ErrorCase::httpStatus)
        .contains(400, 401, 403, 429, 500, 502);
  }

  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#updateNames")
  void everyFixtureIsACompleteUpdate(String fileName) {
    JsonNode update = json(TelegramPayloads.update(fileName));

    assertThat(update.path("update_id").canConvertToLong()).isTrue();
    assertThat(update.size()).as("update_id and one kind of update").isEqualTo(2);
  }

  @Tag(Corpus.TAG)
  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#corpusUpdateNames")
  void everyCorpusUpdateIsMadeAnUpdateWithAnId(String fileName) {
    JsonNode update = json(TelegramPayloads.corpusUpdate(fileName));

    assertThat(update.isObject()).isTrue();
    assertThat(update.path("update_id").canConvertToLong()).isTrue();
    assertThat(update.findValues("date")).noneMatch(date -> date.asLong() == 0);
  }

  @Tag(Corpus.TAG)
  @Test
  void aBareMessageOfTheCorpusIsWrappedAsAMessageUpdate() {
    JsonNode update =
        json(TelegramPayloads.corpusUpdate("teloxide__message_private_text_cyrillic_emoji.json"));

    assertThat(update.path("message").path("text").asText()).isEqualTo("Лол кек 😂");
  }

  @Test
  void aPushedFixtureComesBackFromGetUpdates() {
    api.push(TelegramPayloads.update("private_my_chat_member_blocked.json"));

    JsonNode result = ok(post("getUpdates", "{}")).path("result");

    assertThat(result.get(0).path("my_chat_member").path("new_chat_member").path("status").asText())
        .isEqualTo("kicked");
  }

  // ---- webhook -------------------------------------------------------------------------------

  private static final String HOOK = "https://bot.example.org/telegram/webhook";

  @Test
  void setWebhookIsReadBackByGetWebhookInfo() {
    ok(
        post(
            "setWebhook",
            "{\"url\":\""
                + HOOK
                + "\",\"secret_token\":\"Abc_123-x\",\"allowed_updates\":[\"message\"]}"));

    JsonNode info = ok(post("getWebhookInfo", "{}")).path("result");

    assertThat(info.path("url").asText()).isEqualTo(HOOK);
    assertThat(info.path("allowed_updates").get(0).asText()).isEqualTo("message");
    assertThat(api.webhook().orElseThrow().secret()).isEqualTo("Abc_123-x");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://bot.example.org/hook | Abc | An HTTPS URL must be provided",
        "https://bot.example.org:8080/hook | Abc | only on ports 80, 88, 443 or 8443",
        "https://bot.example.org/hook | a b | secret token contains unallowed characters",
        "https://bot.example.org/hook | pässword | secret token contains unallowed characters",
      })
  void setWebhookRefusesWhatTelegramRefuses(String url, String secret, String description) {
    HttpResponse<String> answer =
        post("setWebhook", "{\"url\":\"" + url + "\",\"secret_token\":\"" + secret + "\"}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(json(answer.body()).path("description").asText()).contains(description);
    assertThat(api.webhook()).isEmpty();
  }

  @Test
  void aSecretOver256CharactersIsRefused() {
    HttpResponse<String> answer =
        post(
            "setWebhook",
            "{\"url\":\"" + HOOK + "\",\"secret_token\":\"" + "a".repeat(257) + "\"}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(api.webhook()).isEmpty();
  }

  @Test
  void getUpdatesIsRefusedWhileAWebhookIsSetAndWorksAgainOnceItIsDeleted() {
    ok(post("setWebhook", "{\"url\":\"" + HOOK + "\"}"));

    HttpResponse<String> refused = post("getUpdates", "{}");
    ok(post("deleteWebhook", "{}"));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(json(refused.body()).path("description").asText()).contains("webhook is active");
    ok(post("getUpdates", "{}"));
    assertThat(ok(post("getWebhookInfo", "{}")).path("result").path("url").asText()).isEmpty();
  }

  @Test
  void anUpdateIsPostedWithTheSecretAndRetriedOnTheNextInstanceUntilOneSays200()
      throws IOException {
    List<String> received = Collections.synchronizedList(new ArrayList<>());
    HttpServer failing = receiver(500, received);
    HttpServer working = receiver(200, received);
    try {
      ok(post("setWebhook", "{\"url\":\"" + HOOK + "\",\"secret_token\":\"Abc\"}"));
      api.webhookReaches(base(failing), base(working));

      List<FakeBotApi.Post> posts = api.deliver(api.textMessage(MEMBER, MEMBER, "hello"));

      assertThat(posts).extracting(FakeBotApi.Post::status).containsExactly(500, 200);
      assertThat(posts).extracting(FakeBotApi.Post::instance).containsExactly(0, 1);
      assertThat(received).hasSize(2).allMatch(line -> line.startsWith("/telegram/webhook Abc {"));
      assertThat(received.get(0)).contains("\"text\":\"hello\"");
      assertThat(api.redeliver(posts.get(0).updateId(), 1).status()).isEqualTo(200);
      assertThat(received.get(2)).isEqualTo(received.get(0));
    } finally {
      failing.stop(0);
      working.stop(0);
    }
  }

  // An instance that answers every post with status, noting path, secret header and body.
  private static HttpServer receiver(int status, List<String> received) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(
                exchange.getRequestURI().getPath()
                    + " "
                    + exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token")
                    + " "
                    + body);
            exchange.sendResponseHeaders(status, -1);
          }
        });
    server.start();
    return server;
  }

  private static String base(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // ---- HTTP helpers --------------------------------------------------------------------------

  private HttpResponse<String> post(String method, String json) {
    return post("bot" + TOKEN, method, json);
  }

  private HttpResponse<String> post(String botPath, String method, String json) {
    return send(request(botPath, method, json).build());
  }

  private CompletableFuture<HttpResponse<String>> postAsync(String method, String json) {
    return http.sendAsync(
        request("bot" + TOKEN, method, json).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String botPath, String method, String json) {
    return HttpRequest.newBuilder(URI.create(api.baseUrl() + "/" + botPath + "/" + method))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode ok(HttpResponse<String> response) {
    JsonNode body = json(response.body());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body.path("ok").asBoolean()).as(response.body()).isTrue();
    return body;
  }

  private static JsonNode body(CompletableFuture<HttpResponse<String>> poll) {
    return poll.isDone() ? ok(poll.join()) : null;
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
