package dev.strata.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Jupyter notebook (nbformat 4, and nbformat 3's worksheets) and decides whether its
 * saved state could come from a clean top-to-bottom run. Never throws.
 *
 * @param file     notebook path
 * @param status   LOCKED (unexecuted, or counts exactly 1..n in order), PARTIAL (hidden state,
 *                 partial run, outputs without counts, unreadable)
 * @param evidence what was found, with the line of the first offending cell
 */
public record NotebookCheck(String file, LayerStatus status, List<Evidence> evidence) {

    public NotebookCheck {
        evidence = List.copyOf(evidence);
    }

    /** A code cell's saved state: 1-based index among all cells, JSON line, count (null if none), outputs. */
    private record CodeCell(int index, int line, Integer count, boolean hasOutputs) {}

    public static NotebookCheck check(String file, String text) {
        Node root;
        try {
            root = LocatedTree.json(file, text);
        } catch (ProjectParseException e) {
            return partial(file, e.line(), "notebook is not valid JSON (" + e.problem().message()
                    + "); its execution state cannot be checked");
        }
        List<CodeCell> cells = new ArrayList<>();
        List<Node> cellNodes = new ArrayList<>(root.at("cells").map(Node::asList).orElse(List.of()));
        String countKey = "execution_count";
        if (root.at("cells").isEmpty() && root.at("worksheets").isPresent()) {
            countKey = "prompt_number"; // nbformat 3
            for (Node sheet : root.at("worksheets").get().asList()) {
                cellNodes.addAll(sheet.at("cells").map(Node::asList).orElse(List.of()));
            }
        } else if (root.at("cells").isEmpty()) {
            return partial(file, root.line(), "not a Jupyter notebook (no cells list); its state cannot be checked");
        }
        for (int i = 0; i < cellNodes.size(); i++) {
            Node cell = cellNodes.get(i);
            if (!"code".equals(cell.at("cell_type").flatMap(Node::text).orElse(""))) {
                continue;
            }
            Integer count = cell.at(countKey).flatMap(Node::text).map(NotebookCheck::parseCount).orElse(null);
            boolean outputs = !cell.at("outputs").map(Node::asList).orElse(List.of()).isEmpty();
            cells.add(new CodeCell(i + 1, cell.line(), count, outputs));
        }
        return judge(file, cells);
    }

    private static Integer parseCount(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static NotebookCheck judge(String file, List<CodeCell> cells) {
        long executed = cells.stream().filter(c -> c.count() != null).count();
        long withOutputs = cells.stream().filter(CodeCell::hasOutputs).count();
        if (cells.isEmpty()) {
            return locked(file, "no code cells");
        }
        if (executed == 0) {
            if (withOutputs > 0) {
                CodeCell first = cells.stream().filter(CodeCell::hasOutputs).findFirst().orElseThrow();
                return partial(file, first.line(), withOutputs + " code cell(s) keep outputs without execution counts "
                        + "(first: cell " + first.index() + "); the outputs cannot be tied to a clean run");
            }
            return locked(file, "unexecuted: " + cells.size() + " code cells, no outputs saved");
        }
        Integer previous = null;
        for (CodeCell cell : cells) {
            if (cell.count() == null) {
                continue;
            }
            if (previous != null && cell.count() <= previous) {
                return partial(file, cell.line(), "cell " + cell.index() + " has execution count " + cell.count()
                        + " after " + previous + ": cells were run out of order (hidden state)");
            }
            previous = cell.count();
        }
        int expected = 1;
        for (CodeCell cell : cells) {
            if (cell.count() == null) {
                return partial(file, cell.line(), "cell " + cell.index() + " was not executed while others were: "
                        + "saved outputs come from a partial run");
            }
            if (cell.count() != expected) {
                return partial(file, cell.line(), "cell " + cell.index() + " has execution count " + cell.count()
                        + " where a clean run gives " + expected + ": cells were re-run or deleted (hidden state)");
            }
            expected++;
        }
        return locked(file, "clean sequential run: execution counts 1.." + cells.size() + " in order");
    }

    private static NotebookCheck locked(String file, String statement) {
        return new NotebookCheck(file, LayerStatus.LOCKED, List.of(new Evidence(file, 0, statement)));
    }

    private static NotebookCheck partial(String file, int line, String statement) {
        return new NotebookCheck(file, LayerStatus.PARTIAL, List.of(new Evidence(file, line, statement)));
    }
}
