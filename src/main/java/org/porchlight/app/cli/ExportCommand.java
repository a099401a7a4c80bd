package org.porchlight.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.porchlight.app.Porchlight;
import org.porchlight.core.MemberData;
import org.porchlight.core.MemberId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Prints members' data as JSON. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Print a member's data (or everyone's, with --all) as JSON on standard output.")
final class ExportCommand implements Callable<Integer> {
  @ParentCommand Main main;

  static final class Which {
    @ArgGroup(exclusive = false)
    Who member;

    @Option(names = "--all", description = "Every member, as one document for backups and moves.")
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Override
  public Integer call() {
    try (Porchlight porchlight = main.open()) {
      if (which.all) {
        List<MemberData> all = new ArrayList<>();
        for (MemberId id : porchlight.database().members().all()) {
          all.add(porchlight.conversation().dataOf(id).orElseThrow());
        }
        main.stdout.println(porchlight.export().writeAll(all, main.clock.instant()));
        return Main.OK;
      }
      MemberId id = which.member.id();
      Optional<MemberData> data = porchlight.conversation().dataOf(id);
      if (data.isEmpty()) {
        main.stderr.println("Nothing is stored for " + id + ".");
        return Main.NOT_FOUND;
      }
      main.stdout.println(porchlight.export().write(data.get()));
      return Main.OK;
    }
  }
}
