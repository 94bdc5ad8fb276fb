package dev.strata.rules;

import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.ShellWord;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The shared check behind apt-unpinned, apk-unpinned, yum-unpinned, dnf-unpinned and zypper-unpinned. */
final class UnpinnedSystemPackages {
    private UnpinnedSystemPackages() {}

    static List<Hit> check(DockerfileModel model, SystemPackages.Manager manager, String archiveNote) {
        List<Hit> hits = new ArrayList<>();
        for (SystemPackages.Install in : SystemPackages.installs(model)) {
            if (in.manager() != manager || in.unpinned().isEmpty()) {
                continue;
            }
            // words of one command have distinct spans, so identity is equality here and skips hashing records
            Map<ShellWord, String> repl = new IdentityHashMap<>();
            for (ShellWord w : in.unpinned()) {
                repl.put(w, w.raw() + manager.versionSeparator + "<version>");
            }
            String fixed = Commands.rewrite(model, in.command(), repl);
            String fix = (fixed == null ? "pin each package: " + manager.example + " "
                    + String.join(" ", in.unpinned().stream().map(w -> w.value() + manager.versionSeparator + "<version>").toList())
                    : fixed) + "  (the versions you built with; `strata lock` records them)" + archiveNote;
            hits.add(Commands.at(model, in.run(), in.unpinned().get(0),
                    "`" + manager.label + "` of " + Commands.names(in.unpinned()) + " without a version installs whatever the"
                            + " repository serves on the day of the build, so a later rebuild gets different binaries, or fails"
                            + " once the repository has moved on.",
                    fix));
        }
        return hits;
    }
}
