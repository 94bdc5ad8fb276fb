package dev.strata.rules;

import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import dev.strata.shell.ToolCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recognises system package installs (apt, apk, yum, dnf, zypper) and which packages carry a version. */
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
     * @param unpinned package words without a version (words with unknown values are in neither list)
     * @param pinned package words with a version
     */
    public record Install(Manager manager, RunScript run, SimpleCommand command, List<ShellWord> unpinned, List<ShellWord> pinned) {}

    private static final Set<String> APT_VALUED = Invocation.set("-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release");
    private static final Set<String> APK_VALUED = Invocation.set("-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--repositories-file", "--keys-dir");
    private static final Set<String> RPM_VALUED = Invocation.set("-c", "--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "-x", "--exclude", "--repo", "--repofrompath", "--setopt", "--forcearch", "--nogpgcheck-x");
    private static final Set<String> ZYPPER_VALUED = Invocation.set("-t", "--type", "-r", "--repo", "--from", "-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir");

    private SystemPackages() {}

    /** Every system package install in the Dockerfile, in source order. */
    public static List<Install> installs(DockerfileModel model) {
        return model.memo().get("system", () -> installsUncached(model));
    }

    private static List<Install> installsUncached(DockerfileModel model) {
        List<Install> out = new ArrayList<>();
        for (Commands.Located l : Commands.all(model)) {
            SimpleCommand c = l.command();
            Manager m;
            Invocation inv;
            if (l.is("apt-get", "apt", "aptitude")) {
                int sub = Invocation.subcommand(c.args(), Set.of("install"), APT_VALUED);
                if (sub < 0) {
                    continue;
                }
                m = Manager.APT;
                inv = Invocation.parse(c, c.args(), sub + 1, APT_VALUED);
            } else if (l.is("apk")) {
                int sub = Invocation.subcommand(c.args(), Set.of("add"), APK_VALUED);
                if (sub < 0) {
                    continue;
                }
                m = Manager.APK;
                inv = Invocation.parse(c, c.args(), sub + 1, APK_VALUED);
            } else if (l.is("yum", "dnf", "microdnf", "dnf5", "tdnf")) {
                int sub = Invocation.subcommand(c.args(), Set.of("install"), RPM_VALUED);
                if (sub < 0) {
                    continue;
                }
                m = l.is("yum") ? Manager.YUM : Manager.DNF;
                inv = Invocation.parse(c, c.args(), sub + 1, RPM_VALUED);
            } else if (l.is("zypper")) {
                int sub = Invocation.subcommand(c.args(), Set.of("install", "in"), ZYPPER_VALUED);
                if (sub < 0) {
                    continue;
                }
                m = Manager.ZYPPER;
                inv = Invocation.parse(c, c.args(), sub + 1, ZYPPER_VALUED);
            } else {
                continue;
            }
            List<ShellWord> unpinned = new ArrayList<>();
            List<ShellWord> pinned = new ArrayList<>();
            for (ShellWord w : inv.operands()) {
                if (!w.known()) {
                    continue;
                }
                String v = w.value();
                if (v.isEmpty() || local(v)) {
                    continue;
                }
                (versioned(m, v) ? pinned : unpinned).add(w);
            }
            if (!unpinned.isEmpty() || !pinned.isEmpty()) {
                out.add(new Install(m, l.run(), c, unpinned, pinned));
            }
        }
        return out;
    }

    private static boolean local(String v) {
        return v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.endsWith(".deb") || v.endsWith(".rpm")
                || v.endsWith(".apk") || v.startsWith("@") || v.contains("://") || v.contains("*");
    }

    static boolean versioned(Manager m, String v) {
        return switch (m) {
            case APT -> v.indexOf('=') > 0 && v.indexOf('=') < v.length() - 1;
            case APK -> (v.indexOf('=') > 0 || v.indexOf('~') > 0) && !v.endsWith("=");
            case ZYPPER -> {
                int eq = v.indexOf('=');
                yield eq > 0 && v.charAt(eq - 1) != '>' && v.charAt(eq - 1) != '<' && eq < v.length() - 1;
            }
            case YUM, DNF -> ToolCalls.isRpmVersioned(v);
        };
    }
}
