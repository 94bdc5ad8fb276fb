package dev.strata.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An external program to run: no shell, stdout and stderr merged (as a terminal shows them).
 *
 * @param argv the program and its arguments
 * @param environment variables added to (or replacing) the inherited environment
 * @param log a file every output line is appended to, or null
 * @param onLine called with every output line as it arrives (may be a no-op)
 * @param limit the program is killed (with its children) when it runs longer
 */
public record Command(List<String> argv, Map<String, String> environment, Path log, Consumer<String> onLine,
        Duration limit) {

    public Command {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** A short command whose output is only captured. */
    public static Command quick(List<String> argv) {
        return new Command(argv, Map.of(), null, line -> { }, Duration.ofMinutes(1));
    }
}
