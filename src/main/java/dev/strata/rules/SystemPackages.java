package dev.strata.rules;

import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import dev.strata.shell.SpecKind;
import dev.strata.shell.ToolCalls;
import java.util.ArrayList;
import java.util.List;

/** System package installs (apt, apk, yum, dnf, zypper) and which packages are pinned to one version. */
public final class SystemPackages {
    /** The system package managers the audit understands. */
    public enum Manager {
        APT("apt-get install", "=", "apt-get install -y"),
        APK("apk add", "=", "apk add"),
        YUM("yum install", "-", "yum install -y"),
        DNF("dnf install", "-", "dnf install -y"),
        ZYPPER("zypper install", "=", "zypper install -y");

        final String label;
        final String versionSeparator;
        final String example;

        Manager(String label, String versionSeparator, String example) {
            this.label = label;
            this.versionSeparator = versionSeparator;
            this.example = example;
        }
    }

    /**
     * One install command.
     *
     * @param unpinned package words without an exact version (words with unknown values are in neither list)
     * @param pinned package words that select exactly one version
     * @param unpinnedSpecs the parsed specs of {@code unpinned}, in the same order
     */
    public record Install(Manager manager, RunScript run, SimpleCommand command, List<ShellWord> unpinned, List<ShellWord> pinned,
                          List<PackageSpec> unpinnedSpecs) {}

    private SystemPackages() {}

    /** Every system package install in the Dockerfile, in source order. */
    public static List<Install> installs(DockerfileModel model) {
        return model.memo().get("system", () -> installsUncached(model));
    }

    /**
     * Reads the installs from the shell package's {@link ToolCalls} (the recognizer lock and pin use),
     * so audit and lock agree on what is an install, which words are packages and which are pinned:
     * a package is pinned when its spec selects exactly one version ({@link PackageSpec#exact()}).
     */
    private static List<Install> installsUncached(DockerfileModel model) {
        List<Install> out = new ArrayList<>();
        for (Commands.Call call : Commands.toolCalls(model)) {
            if (!(call.call() instanceof PackageManagerCall p)) {
                continue;
            }
            Manager m = manager(p);
            if (m == null) {
                continue;
            }
            List<ShellWord> unpinned = new ArrayList<>();
            List<ShellWord> pinned = new ArrayList<>();
            List<PackageSpec> unpinnedSpecs = new ArrayList<>();
            for (PackageSpec spec : p.packages()) {
                ShellWord w = spec.word();
                if (!w.known() || spec.kind() != SpecKind.NAME || w.value().isEmpty() || local(w.value())) {
                    continue;
                }
                if (spec.exact()) {
                    pinned.add(w);
                } else {
                    unpinned.add(w);
                    unpinnedSpecs.add(spec);
                }
            }
            if (!unpinned.isEmpty() || !pinned.isEmpty()) {
                out.add(new Install(m, call.run(), p.command(), unpinned, pinned, unpinnedSpecs));
            }
        }
        return out;
    }

    /** The manager of an install call, or null when the call installs no named system packages. */
    private static Manager manager(PackageManagerCall p) {
        return switch (p.ecosystem()) {
            case APT -> p.action().equals("install") ? Manager.APT : null;
            case APK -> p.action().equals("add") ? Manager.APK : null;
            case RPM -> p.action().equals("install") ? (p.tool().equals("yum") ? Manager.YUM : Manager.DNF) : null;
            case ZYPPER -> p.action().equals("install") ? Manager.ZYPPER : null;
            default -> null;
        };
    }

    /** Virtual-package names ({@code @group}) and globs select no single package to pin. */
    private static boolean local(String v) {
        return v.startsWith("@") || v.contains("*");
    }
}
