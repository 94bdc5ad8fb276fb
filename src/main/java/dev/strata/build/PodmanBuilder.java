package dev.strata.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * podman: {@code podman build --no-cache --layers=false}, then {@code podman save --format
 * oci-archive --uncompressed -o FILE NAME}, then {@code podman rmi NAME}. Usable when {@code podman info} reaches
 * its engine (on macOS and Windows, a running podman machine).
 */
public final class PodmanBuilder extends StoreBuilder {
    public PodmanBuilder(CommandRunner runner) {
        this(runner, List.of(), Map.of());
    }

    public PodmanBuilder(CommandRunner runner, List<String> globalArgs, Map<String, String> environment) {
        super(runner, globalArgs, environment);
    }

    @Override
    public String name() {
        return "podman";
    }

    @Override
    String program() {
        return "podman";
    }

    @Override
    public Usability probe() {
        CommandResult version = runner.run(Command.quick(List.of("podman", "--version")));
        if (!version.succeeded()) {
            return Usability.unusable(name(), "podman is not installed");
        }
        CommandResult info = runner.run(new Command(argv(List.of("info", "--format", "{{.Host.OS}}")), environment,
                null, line -> { }, java.time.Duration.ofMinutes(1)));
        if (!info.succeeded()) {
            return Usability.unusable(name(), "podman is installed but cannot reach its engine: " + info.lastLine());
        }
        return Usability.usable(name(), version.lastLine());
    }

    @Override
    List<String> buildArgs(BuildRequest r) {
        List<String> a = new ArrayList<>(List.of("build", "--no-cache", "--layers=false", "--format", "oci"));
        if (r.timestamp() != null) {
            a.addAll(List.of("--timestamp", Long.toString(r.timestamp())));
        }
        a.addAll(BuildFlags.passThrough(r));
        a.addAll(List.of("-f", r.dockerfile().toString(), "-t", r.imageName(), r.context().toString()));
        return a;
    }

    @Override
    List<String> exportArgs(BuildRequest r) {
        return List.of("save", "--format", "oci-archive", "--uncompressed", "-o", r.archive().toString(), r.imageName());
    }
}
