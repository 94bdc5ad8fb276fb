package dev.strata.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a builder: the one asked for, or the first usable of buildah, podman, docker (in that
 * order: daemonless first, and a docker client without a reachable engine does not count).
 */
public final class Builders {
    /** The names {@code --builder} accepts, in detection order. */
    public static final List<String> NAMES = List.of("buildah", "podman", "docker");

    private final List<Builder> candidates;

    /** Chooses among {@code candidates}, in the given order. */
    public Builders(List<Builder> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** buildah, podman and docker with the user's configuration, run as real processes. */
    public static Builders standard() {
        CommandRunner runner = new ProcessCommandRunner();
        return new Builders(List.of(new BuildahBuilder(runner), new PodmanBuilder(runner), new DockerBuilder(runner)));
    }

    /**
     * The builder named {@code requested}, or the first usable one when {@code requested} is null or
     * "auto".
     *
     * @throws IllegalArgumentException when {@code requested} names no known builder (a usage error)
     * @throws BuilderException when the requested builder, or every candidate, is unusable; the
     *     message says what each probe found and what to install
     */
    public BuilderChoice choose(String requested) {
        List<Usability> probes = new ArrayList<>();
        if (requested != null && !requested.equalsIgnoreCase("auto")) {
            String wanted = requested.toLowerCase(Locale.ROOT);
            Builder b = candidates.stream().filter(c -> c.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown builder '" + requested
                            + "' (choose one of " + String.join(", ", names()) + ", or auto)"));
            Usability u = b.probe();
            probes.add(u);
            if (!u.usable()) {
                throw new BuilderException(b.name() + " is not usable: " + u.detail() + hint(b.name()));
            }
            return new BuilderChoice(b, probes);
        }
        for (Builder b : candidates) {
            Usability u = b.probe();
            probes.add(u);
            if (u.usable()) {
                return new BuilderChoice(b, probes);
            }
        }
        StringBuilder why = new StringBuilder("no usable container builder: ");
        for (int i = 0; i < probes.size(); i++) {
            why.append(i == 0 ? "" : "; ").append(probes.get(i).detail());
        }
        why.append(". Install buildah (Debian/Ubuntu: apt-get install buildah; Fedora: dnf install buildah)"
                + " or podman, or start a Docker engine with the buildx plugin");
        throw new BuilderException(why.toString());
    }

    private List<String> names() {
        return candidates.stream().map(Builder::name).toList();
    }

    private static String hint(String name) {
        return switch (name) {
            case "buildah" -> " (install it: apt-get install buildah / dnf install buildah)";
            case "podman" -> " (install it: apt-get install podman / dnf install podman)";
            case "docker" -> " (start the Docker engine, or choose --builder buildah)";
            default -> "";
        };
    }
}
