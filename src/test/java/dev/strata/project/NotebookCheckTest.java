package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotebookCheckTest {

    private static String notebook(String... cells) {
        return "{\"nbformat\": 4, \"metadata\": {}, \"cells\": [" + String.join(",", cells) + "]}";
    }

    private static String code(String count, boolean output) {
        return "{\"cell_type\": \"code\", \"execution_count\": " + count + ", \"source\": [], \"outputs\": "
                + (output ? "[{\"output_type\": \"stream\", \"text\": [\"x\"]}]" : "[]") + "}";
    }

    @Test
    void partialRunIsHiddenState() {
        NotebookCheck check = NotebookCheck.check("n.ipynb", notebook(code("1", true), code("null", false), code("2", true)));
        assertThat(check.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(check.evidence().get(0).statement()).contains("cell 2 was not executed while others were");
    }

    @Test
    void outputsWithoutCounts() {
        NotebookCheck check = NotebookCheck.check("n.ipynb", notebook(code("null", true)));
        assertThat(check.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(check.evidence().get(0).statement()).contains("outputs without execution counts");
    }

    @Test
    void markdownCellsCountInTheIndexButNotInTheRun() {
        String md = "{\"cell_type\": \"markdown\", \"source\": []}";
        NotebookCheck clean = NotebookCheck.check("n.ipynb", notebook(md, code("1", true), md, code("2", false)));
        assertThat(clean.status()).isEqualTo(LayerStatus.LOCKED);
        NotebookCheck dirty = NotebookCheck.check("n.ipynb", notebook(md, code("2", true), md, code("1", false)));
        assertThat(dirty.evidence().get(0).statement()).startsWith("cell 4 has execution count 1 after 2");
    }

    @Test
    void nbformat3Worksheets() {
        NotebookCheck check = NotebookCheck.check("n.ipynb", "{\"nbformat\": 3, \"worksheets\": [{\"cells\": ["
                + "{\"cell_type\": \"code\", \"prompt_number\": 3, \"outputs\": []}]}]}");
        assertThat(check.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(check.evidence().get(0).statement()).contains("count 3 where a clean run gives 1");
    }

    @Test
    void notANotebook() {
        assertThat(NotebookCheck.check("n.ipynb", "[1, 2]").evidence().get(0).statement()).startsWith("not a Jupyter notebook");
        assertThat(NotebookCheck.check("n.ipynb", "").status()).isEqualTo(LayerStatus.PARTIAL);
    }
}
