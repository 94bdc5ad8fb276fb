package dev.strata.rules;

import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.PackageSpec;
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
            List<String> pins = new ArrayList<>();
            boolean ranged = false;
            for (PackageSpec spec : in.unpinnedSpecs()) {
                ShellWord w = spec.word();
                // a bare name keeps its spelling; a range or wildcard version is replaced by the exact one
                boolean constrained = !spec.constraint().isEmpty() && w.value().endsWith(spec.constraint());
                ranged |= constrained;
                String head = constrained ? w.value().substring(0, w.value().length() - spec.constraint().length()) : null;
                repl.put(w, (constrained ? head : w.raw()) + manager.versionSeparator + "<version>");
                pins.add((constrained ? head : w.value()) + manager.versionSeparator + "<version>");
            }
            String fixed = Commands.rewrite(model, in.command(), repl);
            String fix = (fixed == null ? "pin each package: " + manager.example + " " + String.join(" ", pins)
                    : fixed) + "  (the versions you built with; `strata lock` records them)" + archiveNote;
            hits.add(Commands.at(model, in.run(), in.unpinned().get(0),
                    "`" + manager.label + "` of " + Commands.names(in.unpinned()) + (ranged ? " without an exact version" : " without a version")
                            + " installs whatever the"
                            + " repository serves on the day of the build, so a later rebuild gets different binaries, or fails"
                            + " once the repository has moved on.",
                    fix));
        }
        return hits;
    }
}
