package org.porchlight.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.porchlight.app.Porchlight;
import org.porchlight.core.MemberData;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.store.JsonExport;
import org.porchlight.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Reads members' data back from an export. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Load an export (one member's, or --all's) into the database; members in it are replaced.")
final class ImportCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "FILE", description = "A file written by porchlight export.")
  Path file;

  @Override
  public Integer call() {
    String document;
    try {
      document = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      main.stderr.println("There is no file at " + file + ".");
      return Main.NOT_FOUND;
    } catch (IOException e) {
      main.stderr.println("Porchlight could not read " + file + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    try (Porchlight porchlight = main.open()) {
      List<JsonExport.Entry> entries;
      try {
        entries = porchlight.export().readEach(document);
      } catch (IllegalArgumentException e) {
        main.stderr.println(file + " is not a Porchlight export: " + e.getMessage());
        return Main.BAD_INPUT;
      }
      // Each member in a transaction of its own: one that can't be read or stored is left as
      // it was, and the others are imported all the same.
      int imported = 0;
      List<String> leftAsTheyWere = new ArrayList<>();
      for (JsonExport.Entry entry : entries) {
        if (entry instanceof JsonExport.Entry.Unreadable bad) {
          leftAsTheyWere.add(bad.where() + ": " + bad.problem());
          continue;
        }
        MemberData data = ((JsonExport.Entry.Read) entry).data();
        try {
          porchlight.replace(data);
          imported++;
        } catch (StoreException | StoreUnavailable e) {
          leftAsTheyWere.add(
              entry.where() + " (" + data.member().id() + "): not stored, " + e.getMessage());
        }
      }
      main.stderr.println("Imported " + imported + (imported == 1 ? " member." : " members."));
      if (leftAsTheyWere.isEmpty()) return Main.OK;
      main.stderr.println(
          "Left as they were, since they could not be imported (" + leftAsTheyWere.size() + "):");
      leftAsTheyWere.forEach(line -> main.stderr.println("  " + line));
      return Main.BAD_INPUT;
    }
  }
}
