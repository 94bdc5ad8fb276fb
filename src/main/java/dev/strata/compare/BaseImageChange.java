package dev.strata.compare;

import java.util.List;

/**
 * The images do not share their bottom layer: they were built on different base images (or the
 * base image tag moved between builds).
 *
 * @param sharedLayers how many leading layers both images share (0 here by definition)
 * @param layersA the layers of A that B does not contain (the first is A's bottom layer)
 * @param layersB the layers of B that A does not contain
 */
public record BaseImageChange(int sharedLayers, List<LayerInfo> layersA, List<LayerInfo> layersB) implements Cause {
    public BaseImageChange {
        layersA = List.copyOf(layersA);
        layersB = List.copyOf(layersB);
    }

    @Override
    public String kind() {
        return "base-image-changed";
    }
}
