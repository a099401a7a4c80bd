package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.config.Settings;

/**
 * What {@code docker/Dockerfile} promises the README: no Docker engine runs here, so its syntax is
 * linted by {@code .ci/run} and its meaning checked here; {@code ContainerJarIT} starts the jar
 * with its environment and entrypoint.
 */
class DockerfileTest {
  private final DockerImage image = DockerImage.read();

  @Test
  void buildsOnAPinnedTemurin17JdkAndRunsOnThePinnedJreOfTheSameRelease() {
    List<String> bases = image.baseImages();

    assertThat(bases).hasSize(2);
    assertThat(bases.get(0)).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jdk-[a-z]+");
    assertThat(bases.get(1)).isEqualTo(bases.get(0).replace("-jdk-", "-jre-"));
  }

  @Test
  void runsAsAFixedUserThatIsNotRoot() {
    String user = image.only("USER");

    assertThat(user).matches("\\d+:\\d+");
    assertThat(user).doesNotStartWith("0:");
  }

  @Test
  void keepsTheEmbeddedDatabaseInTheDataVolume() {
    assertThat(image.environment()).containsEntry("PORCHLIGHT_DATA_DIR", "/data");
    assertThat(image.only("VOLUME")).isEqualTo("[\"/data\"]");
  }

  @Test
  void startsJavaItselfFromTheFolderHoldingConfigSoSigtermReachesIt() {
    assertThat(image.entrypoint()).containsExactly("java", "-jar", "porchlight.jar");
    assertThat(image.only("WORKDIR")).isEqualTo("/app");
    assertThat(image.finalStage("COPY")).contains("config/ config/");
  }

  @Test
  void asksWhetherPorchlightIsReadyOnThePortItExposes() {
    int port = Settings.defaults().server().port();

    assertThat(image.only("EXPOSE")).isEqualTo(String.valueOf(port));
    assertThat(image.only("HEALTHCHECK"))
        .contains("http://127.0.0.1:${PORCHLIGHT_SERVER_PORT:-" + port + "}/health/ready");
  }

  @Test
  void keepsTheHeapSmallWithFlagsAUserCanReplace() {
    assertThat(image.environment())
        .containsEntry("JDK_JAVA_OPTIONS", "-XX:+UseSerialGC -Xmx96m -XX:TieredStopAtLevel=1");
  }
}
