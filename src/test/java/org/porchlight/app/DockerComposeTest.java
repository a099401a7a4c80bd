package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.porchlight.config.Environment;
import org.porchlight.config.Settings;

/**
 * {@code docker/compose.yaml} and {@code docker/.env.example}: Porchlight waits for a healthy
 * PostgreSQL, takes its secrets from {@code .env}, scales out as the README says, and the example
 * lists every variable Porchlight reads and nothing else.
 */
class DockerComposeTest {
  private static final Path COMPOSE = Path.of("docker", "compose.yaml");
  private static final Path ENV_EXAMPLE = Path.of("docker", ".env.example");

  // A variable's line in the example, set or commented out: "NAME=..." or "# NAME=...".
  private static final Pattern VARIABLE_LINE = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=.*");
  // ${NAME}, ${NAME:-default}, ${NAME:?message}: in compose.yaml and in logback.xml alike.
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

  private final JsonNode compose = readYaml(COMPOSE);
  private final JsonNode services = compose.path("services");

  @Test
  void porchlightStartsOnceItsPostgresIsHealthy() {
    JsonNode postgres = services.path("postgres");

    assertThat(postgres.path("image").asText()).matches("postgres:\\d+-alpine");
    assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
    for (String name : List.of("porchlight", "porchlight-2")) {
      assertThat(services.path(name).path("depends_on").path("postgres").path("condition").asText())
          .as(name + " waits for PostgreSQL's healthcheck")
          .isEqualTo("service_healthy");
      assertThat(services.path(name).path("environment").path("PORCHLIGHT_DB_URL").asText())
          .isEqualTo("jdbc:postgresql://postgres:5432/porchlight");
    }
  }

  @Test
  void porchlightIsBuiltFromTheDockerfileWithItsSecretsFromTheEnvFile() {
    JsonNode porchlight = services.path("porchlight");

    assertThat(porchlight.path("build").path("context").asText()).isEqualTo("..");
    assertThat(porchlight.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
    assertThat(porchlight.path("env_file").asText()).isEqualTo(".env");
    assertThat(porchlight.path("environment").path("PORCHLIGHT_DB_PASSWORD").asText())
        .startsWith("${POSTGRES_PASSWORD");
  }

  @Test
  void everyInstanceSealsWithTheOneSecretKeyAndComposeRefusesToStartWithoutIt() {
    for (String name : List.of("porchlight", "porchlight-2")) {
      assertThat(services.path(name).path("environment").path("PORCHLIGHT_SECRET_KEY").asText())
          .as(name)
          .startsWith("${PORCHLIGHT_SECRET_KEY:?");
    }
  }

  @Test
  void everyDatabaseKeepsItsDataInANamedVolume() {
    assertThat(texts(services.path("porchlight").path("volumes")))
        .contains("porchlight-data:/data");
    assertThat(texts(services.path("postgres").path("volumes")))
        .contains("postgres-data:/var/lib/postgresql/data");
    assertThat(compose.path("volumes").has("porchlight-data")).isTrue();
    assertThat(compose.path("volumes").has("postgres-data")).isTrue();
  }

  @Test
  void aStopHasLongerThanPorchlightsOwnDeadlineBeforeItIsKilled() {
    long deadline = Settings.defaults().shutdown().deadline().toSeconds();
    for (String name : List.of("porchlight", "porchlight-2")) {
      String grace = services.path(name).path("stop_grace_period").asText();
      assertThat(grace).matches("\\d+s");
      assertThat(Long.parseLong(grace.replace("s", ""))).as(name).isGreaterThan(deadline);
    }
  }

  @Test
  void theScaleProfileAddsAnInstanceThatOnlySendsOnTelegramAndStaysOffDiscord() {
    JsonNode second = services.path("porchlight-2");

    assertThat(texts(second.path("profiles"))).containsExactly("scale");
    assertThat(services.path("porchlight").has("profiles")).as("the first runs always").isFalse();
    assertThat(second.path("image").asText())
        .isEqualTo(services.path("porchlight").path("image").asText());
    assertThat(second.path("env_file").asText()).isEqualTo(".env");
    assertThat(second.path("environment").path("PORCHLIGHT_TELEGRAM_MODE").asText())
        .isEqualTo(Settings.Telegram.Mode.SEND_ONLY.toString());
    assertThat(second.path("environment").path("DISCORD_BOT_TOKEN").asText()).isEmpty();
  }

  @Test
  void theEnvExampleListsExactlyTheVariablesPorchlightTheImageAndComposeRead() throws IOException {
    Set<String> read = new TreeSet<>(variablesSettingsRead());
    read.addAll(references(logbackXml()));
    read.addAll(references(Files.readString(COMPOSE, StandardCharsets.UTF_8)));
    read.addAll(DockerImage.read().environment().keySet());

    assertThat(documentedVariables()).containsExactlyInAnyOrderElementsOf(read);
  }

  @Test
  void everyVariableInTheEnvExampleHasALineSayingWhatItIs() throws IOException {
    List<String> lines = Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      Matcher variable = VARIABLE_LINE.matcher(lines.get(i));
      if (!variable.matches()) continue;
      String above = i == 0 ? "" : lines.get(i - 1);
      assertThat(above)
          .as(variable.group(1) + " has a comment above it")
          .startsWith("# ")
          .doesNotMatch(VARIABLE_LINE);
    }
  }

  /** The variables the settings read, from their one table. */
  private static Set<String> variablesSettingsRead() {
    Set<String> names = new TreeSet<>();
    Environment.variables().forEach(variable -> names.add(variable.name()));
    return names;
  }

  private static String logbackXml() throws IOException {
    try (InputStream in = DockerComposeTest.class.getResourceAsStream("/logback.xml")) {
      assertThat(in).as("logback.xml on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> references(String text) {
    Set<String> names = new TreeSet<>();
    Matcher reference = REFERENCE.matcher(text);
    while (reference.find()) names.add(reference.group(1));
    return names;
  }

  private static List<String> documentedVariables() throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
      Matcher variable = VARIABLE_LINE.matcher(line);
      if (variable.matches()) names.add(variable.group(1));
    }
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static JsonNode readYaml(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not YAML: " + e.getMessage(), e);
    }
  }
}
