package org.porchlight.app.cli;

import org.porchlight.core.MemberId;
import picocli.CommandLine.Option;

/** Which member a command is about. */
final class Who {
  @Option(
      names = "--platform",
      required = true,
      paramLabel = "P",
      description = "telegram, discord or console.")
  String platform;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "ID",
      description = "The member's id on that platform.")
  String user;

  MemberId id() {
    return new MemberId(platform, user);
  }
}
