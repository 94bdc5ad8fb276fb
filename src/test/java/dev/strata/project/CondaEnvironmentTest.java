package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CondaEnvironmentTest {

    @Test
    void environmentYmlSpecsPipListAndLines() {
        CondaEnvironment env = CondaEnvironment.parse("environment.yml", """
                name: paper
                channels:
                  - conda-forge
                  - defaults
                dependencies:
                  - python=3.11
                  - numpy=1.26.4=py311h64a7726_0
                  - scipy==1.13.0
                  - conda-forge::pandas 2.2.2 py311h_0
                  - matplotlib>=3.8
                  - pytorch=2.3.0
                  - pip
                  - pip:
                      - requests==2.32.3
                      - tqdm
                """);
        assertThat(env.problems()).isEmpty();
        assertThat(env.format()).isEqualTo(CondaEnvironment.Format.ENVIRONMENT_YML);
        assertThat(env.name()).isEqualTo("paper");
        assertThat(env.channels()).containsExactly("conda-forge", "defaults");
        assertThat(env.dependencies()).extracting(CondaDependency::name)
                .containsExactly("python", "numpy", "scipy", "pandas", "matplotlib", "pytorch", "pip");
        assertThat(env.dependencies()).extracting(CondaDependency::pinned)
                .containsExactly(false, true, true, true, false, true, false);
        assertThat(env.dependencies()).extracting(CondaDependency::line).containsExactly(6, 7, 8, 9, 10, 11, 12);
        CondaDependency numpy = env.dependencies().get(1);
        assertThat(numpy.version()).isEqualTo("1.26.4");
        assertThat(numpy.build()).isEqualTo("py311h64a7726_0");
        assertThat(env.dependencies().get(3).channel()).isEqualTo("conda-forge");
        assertThat(env.pipRequirements()).extracting(Requirement::name, Requirement::pinned, Requirement::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requests", true, 14),
                        org.assertj.core.groups.Tuple.tuple("tqdm", false, 15));
        assertThat(env.fullyPinned()).isFalse();
    }

    @Test
    void condaLockPackagesWithHashes() {
        CondaEnvironment env = CondaEnvironment.parse("conda-lock.yml", """
                version: 1
                metadata:
                  content_hash:
                    linux-64: 0f1e
                  channels:
                    - url: conda-forge
                      used_env_vars: []
                  platforms:
                    - linux-64
                  sources:
                    - environment.yml
                package:
                  - name: python
                    version: 3.11.9
                    manager: conda
                    platform: linux-64
                    dependencies: {}
                    url: https://conda.anaconda.org/conda-forge/linux-64/python-3.11.9-hb806964_0_cpython.conda
                    hash:
                      md5: 8ba2a4e5a2a4e5a2a4e5a2a4e5a2a4e5
                      sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                    category: main
                    optional: false
                  - name: requests
                    version: 2.32.3
                    manager: pip
                    platform: linux-64
                    url: https://files.pythonhosted.org/packages/requests-2.32.3-py3-none-any.whl
                    hash:
                      sha256: 70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6
                """);
        assertThat(env.problems()).isEmpty();
        assertThat(env.format()).isEqualTo(CondaEnvironment.Format.CONDA_LOCK);
        assertThat(env.channels()).containsExactly("conda-forge");
        assertThat(env.lockedPackages()).extracting(LockedPackage::name, LockedPackage::ecosystem, LockedPackage::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("python", "conda", 13),
                        org.assertj.core.groups.Tuple.tuple("requests", "pypi", 24));
        assertThat(env.lockedPackages().get(0).hashes()).hasSize(2);
        assertThat(env.fullyPinned()).isTrue();
    }

    @Test
    void explicitSpecFile() {
        CondaEnvironment env = CondaEnvironment.parse("spec-file.txt", """
                # This file may be used to create an environment using:
                # $ conda create --name <env> --file <this file>
                # platform: linux-64
                @EXPLICIT
                https://conda.anaconda.org/conda-forge/linux-64/_libgcc_mutex-0.1-conda_forge.tar.bz2#d7c89558ba9fa0495403155b64376d81
                https://conda.anaconda.org/conda-forge/linux-64/ca-certificates-2024.7.4-hbcca054_0.conda#sha256:c1548a3235376f464f9931850b64b02492f379b2f2bb98bc786055329b080446
                https://conda.anaconda.org/conda-forge/noarch/tzdata-2024a-h0c530f3_0.conda
                """);
        assertThat(env.problems()).isEmpty();
        assertThat(env.format()).isEqualTo(CondaEnvironment.Format.EXPLICIT);
        assertThat(env.lockedPackages()).extracting(LockedPackage::name, LockedPackage::version, LockedPackage::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("_libgcc_mutex", "0.1", 5),
                        org.assertj.core.groups.Tuple.tuple("ca-certificates", "2024.7.4", 6),
                        org.assertj.core.groups.Tuple.tuple("tzdata", "2024a", 7));
        assertThat(env.lockedPackages().get(0).hashes()).containsExactly("md5:d7c89558ba9fa0495403155b64376d81");
        assertThat(env.lockedPackages().get(1).hashes().get(0)).startsWith("sha256:");
        assertThat(env.lockedPackages().get(2).hashes()).isEmpty();
        assertThat(env.lockedPackages()).allMatch(p -> p.platform().equals("linux-64"));
    }

    @Test
    void pipIncludesAreReadRelativeToTheEnvironmentFile() {
        IncludeLoader loader = (from, target) -> from.equals("env/environment.yml") && target.equals("requirements.txt")
                ? java.util.Optional.of(new IncludeLoader.Source("env/requirements.txt", "torch==2.3.1\n"))
                : java.util.Optional.empty();
        CondaEnvironment env = CondaEnvironment.parseEnvironmentYml("env/environment.yml",
                "dependencies:\n  - pip\n  - pip:\n      - -r requirements.txt\n", loader);
        assertThat(env.problems()).isEmpty();
        assertThat(env.pipRequirements()).extracting(Requirement::name, Requirement::file, Requirement::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("torch", "env/requirements.txt", 1));
    }

    @Test
    void malformedYamlIsAProblemNotAnException() {
        CondaEnvironment env = CondaEnvironment.parse("environment.yml", "name: [unclosed\ndependencies:\n  - a\n");
        assertThat(env.problems()).hasSize(1);
        assertThat(env.problems().get(0).message()).startsWith("malformed YAML");
        assertThat(env.problems().get(0).line()).isPositive();
    }
}
