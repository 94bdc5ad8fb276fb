package dev.strata.build;

import java.util.ArrayList;
import java.util.List;

/** The flags every builder spells the same way: build args, target, platform, secrets. */
final class BuildFlags {
    private BuildFlags() {}

    static List<String> passThrough(BuildRequest r) {
        List<String> a = new ArrayList<>();
        r.buildArgs().forEach((k, v) -> {
            a.add("--build-arg");
            a.add(k + "=" + v);
        });
        if (r.target() != null) {
            a.add("--target");
            a.add(r.target());
        }
        if (r.platform() != null) {
            a.add("--platform");
            a.add(r.platform());
        }
        for (String s : r.secrets()) {
            a.add("--secret");
            a.add(s);
        }
        return a;
    }
}
