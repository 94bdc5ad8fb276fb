package dev.strata.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One build for a {@link Builder}: everything it needs, already decided (paths, variations, flags).
 *
 * @param context the build context directory (a fresh copy made for this build)
 * @param dockerfile the Dockerfile to build (absolute)
 * @param archive where to write the image as an OCI archive
 * @param log where to write the build log (everything the builder printed)
 * @param imageName a unique name for builders that keep images in a local store (removed afterwards)
 * @param buildArgs {@code --build-arg} name → value, in order
 * @param environment extra environment for the builder process (e.g. SOURCE_DATE_EPOCH, TZ)
 * @param target {@code --target} stage, or null
 * @param platform {@code --platform}, or null
 * @param secrets {@code --secret} values, passed through as given ({@code id=…,src=…})
 * @param timestamp epoch seconds for the builder's timestamp option ({@code --timestamp} for
 *     buildah/podman; SOURCE_DATE_EPOCH + rewrite-timestamp for BuildKit), or null
 */
public record BuildRequest(
        Path context,
        Path dockerfile,
        Path archive,
        Path log,
        String imageName,
        Map<String, String> buildArgs,
        Map<String, String> environment,
        String target,
        String platform,
        List<String> secrets,
        Long timestamp) {

    public BuildRequest {
        buildArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buildArgs));
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        secrets = List.copyOf(secrets);
    }
}
