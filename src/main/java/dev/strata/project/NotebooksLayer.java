package dev.strata.project;

import java.util.ArrayList;
import java.util.List;

/** Notebooks layer: every {@code *.ipynb} checked by {@link NotebookCheck}. */
final class NotebooksLayer {

    private NotebooksLayer() {}

    static LayerResult analyze(ProjectFiles files) {
        List<String> notebooks = files.named(n -> n.endsWith(".ipynb"));
        if (notebooks.isEmpty()) {
            return new LayerResult(Layer.NOTEBOOKS, LayerStatus.NOT_APPLICABLE,
                    List.of(new Evidence("", 0, "no Jupyter notebooks")));
        }
        List<Evidence> evidence = new ArrayList<>();
        LayerStatus status = LayerStatus.LOCKED;
        for (String notebook : notebooks) {
            var text = files.read(notebook);
            if (text.isEmpty()) {
                evidence.add(new Evidence(notebook, 0, "not read (too large or unreadable); execution state unchecked"));
                status = LayerStatus.PARTIAL;
                continue;
            }
            NotebookCheck check = NotebookCheck.check(notebook, text.get());
            evidence.addAll(check.evidence());
            if (check.status() != LayerStatus.LOCKED) {
                status = LayerStatus.PARTIAL;
            }
        }
        return new LayerResult(Layer.NOTEBOOKS, status, evidence);
    }
}
