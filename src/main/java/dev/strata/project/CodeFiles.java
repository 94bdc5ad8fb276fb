package dev.strata.project;

import java.util.List;
import java.util.Locale;

/** Which project files hold code the scanner reads for seeds, downloads and imports. */
final class CodeFiles {

    private CodeFiles() {}

    static boolean isCode(String file) {
        String lower = ProjectFiles.fileName(file).toLowerCase(Locale.ROOT);
        return lower.endsWith(".py") || lower.endsWith(".r") || lower.endsWith(".jl") || lower.endsWith(".sh")
                || lower.endsWith(".bash") || lower.endsWith(".rmd") || lower.endsWith(".qmd")
                || lower.endsWith(".ipynb") || lower.equals("makefile") || lower.equals("snakefile");
    }

    static List<String> all(ProjectFiles files) {
        return files.files().stream().filter(CodeFiles::isCode).toList();
    }

    /** Dependency declarations read to find tracking libraries (mlflow, wandb, …). */
    static boolean isDependencyDeclaration(String file) {
        String name = ProjectFiles.fileName(file);
        return name.equals("pyproject.toml") || name.equals("setup.py") || name.equals("setup.cfg")
                || name.equals("Pipfile") || name.equals("environment.yml") || name.equals("environment.yaml")
                || name.equals("DESCRIPTION") || name.equals("Project.toml")
                || (name.endsWith(".txt") && name.contains("requirements")) || name.equals("requirements.in");
    }
}
