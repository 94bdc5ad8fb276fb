package dev.strata.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * docker with BuildKit: {@code docker buildx build --no-cache --progress plain --output
 * type=oci,dest=FILE,compression=uncompressed}; the image is written straight to the archive, nothing stays in the engine.
 * Usable only when the client reaches an engine ({@code docker version} shows a server) and has the
 * buildx plugin. A fixed time is {@code SOURCE_DATE_EPOCH} plus the exporter's
 * {@code rewrite-timestamp=true} (BuildKit 0.13+). BuildKit gives every build the same hostname, so
 * {@link Variation#HOSTNAME} is not supported.
 */
public final class DockerBuilder implements Builder {
    private static final Duration BUILD_LIMIT = Duration.ofHours(2);

    private final CommandRunner runner;
    private final Map<String, String> environment;

    public DockerBuilder(CommandRunner runner) {
        this(runner, Map.of());
    }

    public DockerBuilder(CommandRunner runner, Map<String, String> environment) {
        this.runner = runner;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public boolean supports(Variation v) {
        return v != Variation.HOSTNAME;
    }

    @Override
    public Usability probe() {
        CommandResult client = runner.run(quick(List.of("docker", "version", "--format", "{{.Client.Version}}")));
        if (client.exitCode() == CommandResult.NOT_STARTED) {
            return Usability.unusable(name(), "docker is not installed");
        }
        CommandResult server = runner.run(quick(List.of("docker", "version", "--format", "{{.Server.Version}}")));
        if (!server.succeeded()) {
            return Usability.unusable(name(), "the docker client is installed but no engine is reachable: "
                    + firstErrorLine(server.output()));
        }
        CommandResult buildx = runner.run(quick(List.of("docker", "buildx", "version")));
        if (!buildx.succeeded()) {
            return Usability.unusable(name(), "docker engine " + server.lastLine()
                    + " is reachable but the buildx plugin is missing (install docker-buildx)");
        }
        return Usability.usable(name(), "docker engine " + server.lastLine() + ", " + buildx.lastLine());
    }

    private Command quick(List<String> argv) {
        return new Command(argv, environment, null, line -> { }, Duration.ofSeconds(30));
    }

    private static String firstErrorLine(String output) {
        for (String line : output.split("\n")) {
            if (line.contains("Cannot connect") || line.toLowerCase(java.util.Locale.ROOT).contains("error")) {
                return line.strip();
            }
        }
        return output.strip().isEmpty() ? "no answer" : output.strip().split("\n")[0];
    }

    List<String> buildArgv(BuildRequest r) {
        List<String> a = new ArrayList<>(List.of("docker", "buildx", "build", "--no-cache", "--progress", "plain"));
        String output = "type=oci,dest=" + r.archive() + ",compression=uncompressed";
        Map<String, String> args = new LinkedHashMap<>(r.buildArgs());
        if (r.timestamp() != null) {
            output += ",rewrite-timestamp=true";
            args.put("SOURCE_DATE_EPOCH", Long.toString(r.timestamp()));
        }
        a.addAll(List.of("--output", output));
        a.addAll(BuildFlags.passThrough(new BuildRequest(r.context(), r.dockerfile(), r.archive(), r.log(),
                r.imageName(), args, r.environment(), r.target(), r.platform(), r.secrets(), r.timestamp())));
        a.addAll(List.of("-f", r.dockerfile().toString(), r.context().toString()));
        return a;
    }

    @Override
    public BuildOutcome build(BuildRequest r, Consumer<String> onLine) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(r.environment());
        env.put("DOCKER_BUILDKIT", "1");
        List<String> argv = buildArgv(r);
        StoreBuilder.note(r, "$ " + String.join(" ", argv));
        CommandResult built = runner.run(new Command(argv, env, r.log(), onLine, BUILD_LIMIT));
        if (built.exitCode() == CommandResult.NOT_STARTED) {
            throw new BuilderException("docker: " + built.output().strip());
        }
        boolean ok = built.succeeded() && java.nio.file.Files.isRegularFile(r.archive());
        return new BuildOutcome(ok, built.exitCode(), ok ? r.archive() : null, r.log(), built.elapsed(),
                Duration.ZERO, List.of(argv));
    }
}
