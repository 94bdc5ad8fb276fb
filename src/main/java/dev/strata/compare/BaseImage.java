package dev.strata.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.image.Image;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an image itself records about the base image it was built on. Bottom layers that differ
 * are not evidence of a base on their own: a {@code FROM scratch} build's first layer is its own
 * {@code ADD}, and with one layer per instruction every image has "bottom layers". Only records
 * that mark the base count:
 * <ul>
 *   <li>the labels {@code org.opencontainers.image.base.digest} / {@code .base.name}, which some
 *       builders copy into the config;</li>
 *   <li>the history comment {@code FROM <image>} that buildah writes on the first history entry of
 *       the last stage: the non-empty entries before it are the base image's layers. Buildah also
 *       writes {@code FROM <12 hex digits>} on every step of a {@code --layers} build (the
 *       intermediate image of the previous step); those name no base and are skipped, as is
 *       {@code FROM scratch}.</li>
 * </ul>
 *
 * @param layers how many leading layers came from the base, or -1 when only a label says there is
 *     one
 * @param label the base the labels name (digest, else name), or null
 * @param from the base the history's {@code FROM} comment names, or null
 */
record BaseImage(int layers, String label, String from) {
    static final String LABEL_DIGEST = "org.opencontainers.image.base.digest";
    static final String LABEL_NAME = "org.opencontainers.image.base.name";
    private static final Pattern INTERMEDIATE = Pattern.compile("(sha256:)?([0-9a-f]{12}|[0-9a-f]{64})");

    /** The base {@code image} records, if it records one. */
    static Optional<BaseImage> of(Image image) {
        JsonNode config = image.config();
        int fromHistory = -1;
        String fromName = null;
        int nonEmpty = 0;
        for (JsonNode h : config.path("history")) {
            String comment = h.path("comment").asText("").trim();
            if (comment.startsWith("FROM ")) {
                String ref = comment.substring(5).trim();
                if (!ref.isEmpty() && !ref.equals("scratch") && !INTERMEDIATE.matcher(ref).matches()) {
                    fromHistory = nonEmpty;
                    fromName = ref;
                }
            }
            if (!h.path("empty_layer").asBoolean(false)) {
                nonEmpty++;
            }
        }
        // history that does not account for every layer cannot say where the base ends
        if (nonEmpty != image.layers().size()) {
            fromHistory = -1;
            fromName = null;
        }
        JsonNode labels = config.path("config").path("Labels");
        String label = text(labels, LABEL_DIGEST);
        if (label == null) {
            label = text(labels, LABEL_NAME);
        }
        if (label == null && fromName == null) {
            return Optional.empty();
        }
        return Optional.of(new BaseImage(fromHistory, label, fromName));
    }

    private static String text(JsonNode labels, String key) {
        JsonNode v = labels.get(key);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }
}
