package dev.strata.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The shape buildah and podman share: build into a local image store under a unique name, export
 * that image to an OCI archive, remove it from the store.
 */
abstract sealed class StoreBuilder implements Builder permits BuildahBuilder, PodmanBuilder {
    static final Duration BUILD_LIMIT = Duration.ofHours(2);
    static final Duration EXPORT_LIMIT = Duration.ofMinutes(30);

    final CommandRunner runner;
    final List<String> globalArgs;
    final Map<String, String> environment;

    StoreBuilder(CommandRunner runner, List<String> globalArgs, Map<String, String> environment) {
        this.runner = runner;
        this.globalArgs = List.copyOf(globalArgs);
        this.environment = Map.copyOf(environment);
    }

    /** The program, e.g. "buildah". */
    abstract String program();

    /** The argv of the build command (without program and global args). */
    abstract List<String> buildArgs(BuildRequest r);

    /** The argv that writes the stored image to the request's archive (without program and global args). */
    abstract List<String> exportArgs(BuildRequest r);

    /** Global args actually used (a probe may have added a storage driver). */
    List<String> effectiveGlobalArgs() {
        return globalArgs;
    }

    List<String> argv(List<String> args) {
        List<String> a = new ArrayList<>();
        a.add(program());
        a.addAll(effectiveGlobalArgs());
        a.addAll(args);
        return a;
    }

    @Override
    public boolean supports(Variation v) {
        return true; // every RUN gets a fresh container-id hostname, so even HOSTNAME always differs
    }

    @Override
    public BuildOutcome build(BuildRequest r, Consumer<String> onLine) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(r.environment());
        List<List<String>> commands = new ArrayList<>();
        List<String> build = argv(buildArgs(r));
        commands.add(build);
        note(r, "$ " + String.join(" ", build));
        CommandResult built = runner.run(new Command(build, env, r.log(), onLine, BUILD_LIMIT));
        if (built.exitCode() == CommandResult.NOT_STARTED) {
            throw new BuilderException(program() + ": " + built.output().strip());
        }
        if (!built.succeeded()) {
            return new BuildOutcome(false, built.exitCode(), null, r.log(), built.elapsed(), Duration.ZERO, commands);
        }
        List<String> export = argv(exportArgs(r));
        commands.add(export);
        note(r, "$ " + String.join(" ", export));
        CommandResult exported = runner.run(new Command(export, env, r.log(), line -> { }, EXPORT_LIMIT));
        List<String> remove = argv(List.of("rmi", "--force", r.imageName()));
        commands.add(remove);
        CommandResult removed = runner.run(new Command(remove, env, null, line -> { }, EXPORT_LIMIT));
        Duration exportTime = exported.elapsed().plus(removed.elapsed()); // removal from the store is export's cost
        if (!exported.succeeded()) {
            note(r, "strata: exporting the image failed (exit " + exported.exitCode() + ")");
            return new BuildOutcome(false, exported.exitCode(), null, r.log(), built.elapsed(), exportTime, commands);
        }
        return new BuildOutcome(true, 0, r.archive(), r.log(), built.elapsed(), exportTime, commands);
    }

    /** Writes a line of strata's own into the build log, so the log says what ran. */
    static void note(BuildRequest r, String line) {
        try {
            Files.writeString(r.log(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write build log " + r.log(), e);
        }
    }
}
