package org.porchlight.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.porchlight.app.Porchlight;
import org.porchlight.app.SecretKeys;
import org.porchlight.config.ConfigException;
import org.porchlight.store.Sealer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Seals the names and plans again with a new secret key. */
@Command(
    name = "rotate-key",
    mixinStandardHelpOptions = true,
    description = {
      "Seal every pod name and safety plan again with a new secret key, in one transaction.",
      "Stop every running Porchlight first. The current key is found as a start finds it; the new"
          + " one is read from FILE (make it with: openssl rand -base64 32). Then start Porchlight"
          + " with the new key."
    })
final class RotateKeyCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--new-key-file",
      required = true,
      paramLabel = "FILE",
      description = "A file holding the new key: 32 bytes in Base64.")
  Path newKeyFile;

  @Override
  public Integer call() {
    Sealer newKey;
    try {
      newKey = SecretKeys.inFile(newKeyFile);
    } catch (ConfigException e) {
      main.stderr.println("The key was not changed: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    try (Porchlight porchlight = main.open()) {
      int sealed = porchlight.reseal(newKey);
      main.stderr.println(
          "Sealed "
              + sealed
              + (sealed == 1 ? " name or answer" : " names and answers")
              + " again with the key in "
              + newKeyFile
              + ". Porchlight now starts with that key alone: put it where the old one was"
              + " (PORCHLIGHT_SECRET_KEY, the file store.secretKeyFile names, or secret.key in"
              + " store.dataDir) on every instance, then start them. Keep the old key as long as"
              + " the backups taken before now.");
      return Main.OK;
    }
  }
}
