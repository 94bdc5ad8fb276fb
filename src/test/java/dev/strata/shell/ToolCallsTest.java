package dev.strata.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ToolCallsTest {
    private static List<ToolCall> calls(String text, Map<String, String> vars) throws ShellSyntaxException {
        return ToolCalls.recognizeAll(ShellParser.parseRun(text, 0, '\\', vars));
    }

    private static List<ToolCall> calls(String text) throws ShellSyntaxException {
        return calls(text, Map.of());
    }

    private static PackageManagerCall pm(String text) throws ShellSyntaxException {
        return (PackageManagerCall) calls(text).get(0);
    }

    @Test
    void aptInstallWithOptionsAndPins() throws Exception {
        String src = "apt-get install -y --no-install-recommends foo=1.2-3 bar";
        PackageManagerCall c = pm(src);
        assertThat(c.ecosystem()).isEqualTo(Ecosystem.APT);
        assertThat(c.action()).isEqualTo("install");
        assertThat(c.hasFlag("no-install-recommends")).isTrue();
        assertThat(c.packages()).extracting(PackageSpec::name).containsExactly("foo", "bar");
        assertThat(c.packages()).extracting(PackageSpec::exact).containsExactly(true, false);
        PackageSpec foo = c.packages().get(0);
        assertThat(foo.version()).isEqualTo("1.2-3");
        assertThat(src.substring(foo.word().start(), foo.word().end())).isEqualTo("foo=1.2-3");
    }

    @Test
    void aptWildcardReleaseDebAndTarget() throws Exception {
        PackageManagerCall c = pm("apt-get install -t bookworm-backports -o Dpkg::Options::=--force-confold "
                + "foo=1.2* bar/bookworm ./local.deb");
        assertThat(c.targetRelease()).isEqualTo("bookworm-backports");
        assertThat(c.packages()).extracting(PackageSpec::exact).containsExactly(false, false, false);
        assertThat(c.packages().get(1).qualifier()).isEqualTo("/bookworm");
        assertThat(c.packages().get(2).kind()).isEqualTo(SpecKind.FILE);
        assertThat(pm("apt-get update").action()).isEqualTo("update");
        assertThat(pm("apt dist-upgrade -y").action()).isEqualTo("dist-upgrade");
    }

    @Test
    void versionFromKnownOrUnknownVariable() throws Exception {
        PackageManagerCall known = (PackageManagerCall) calls("apt-get install foo=${V}", Map.of("V", "1.0-1")).get(0);
        assertThat(known.packages().get(0).exact()).isTrue();
        assertThat(known.packages().get(0).version()).isEqualTo("1.0-1");
        PackageManagerCall unknown = pm("apt-get install foo=${V}");
        assertThat(unknown.packages().get(0).known()).isFalse();
        assertThat(unknown.packages().get(0).exact()).isFalse();
        assertThat(unknown.argumentsUnknown()).isTrue();
    }

    @Test
    void apkSpecs() throws Exception {
        PackageManagerCall c = pm("apk add --no-cache --virtual .deps --repository http://r foo=1.2 bar~1.2 baz>1 q");
        assertThat(c.hasFlag("no-cache")).isTrue();
        assertThat(c.indexes()).extracting(ShellWord::value).containsExactly("http://r");
        assertThat(c.packages()).extracting(PackageSpec::name).containsExactly("foo", "bar", "baz", "q");
        assertThat(c.packages()).extracting(PackageSpec::exact).containsExactly(true, false, false, false);
    }

    @Test
    void rpmFamily() throws Exception {
        PackageManagerCall c = pm("dnf install -y foo-1.2-3.el9 bar-1.2 baz");
        assertThat(c.ecosystem()).isEqualTo(Ecosystem.RPM);
        assertThat(c.packages()).extracting(PackageSpec::name).containsExactly("foo", "bar", "baz");
        assertThat(c.packages()).extracting(PackageSpec::version).containsExactly("1.2-3.el9", "1.2", "");
        assertThat(pm("microdnf module enable nodejs:18").action()).isEqualTo("module enable");
        PackageManagerCall z = pm("zypper --non-interactive install -y foo=1.2 bar");
        assertThat(z.packages()).extracting(PackageSpec::exact).containsExactly(true, false);
    }

    @Test
    void pipRequirements() throws Exception {
        PackageManagerCall c = pm("pip install 'x>=1' y==1.2 \"jax[cuda12]\" z~=2.0 'w==1.*' 'v===3' 'a>=1,<2'");
        assertThat(c.packages()).extracting(PackageSpec::name).containsExactly("x", "y", "jax", "z", "w", "v", "a");
        assertThat(c.packages()).extracting(PackageSpec::exact)
                .containsExactly(false, true, false, false, false, true, false);
        assertThat(c.packages().get(2).qualifier()).isEqualTo("[cuda12]");
        assertThat(c.packages().get(6).constraint()).isEqualTo(">=1,<2");
    }

    @Test
    void pipOptionsFilesAndHashes() throws Exception {
        PackageManagerCall c = pm("pip install x==1.2 --require-hashes -r requirements.txt -c constraints.txt "
                + "-i https://idx --extra-index-url https://extra --no-deps --pre --user --no-cache-dir");
        assertThat(c.hasFlag("require-hashes")).isTrue();
        assertThat(c.files()).extracting(ShellWord::value).containsExactly("requirements.txt");
        assertThat(c.constraintFiles()).extracting(ShellWord::value).containsExactly("constraints.txt");
        assertThat(c.indexes()).extracting(ShellWord::value).containsExactly("https://idx");
        assertThat(c.extraIndexes()).extracting(ShellWord::value).containsExactly("https://extra");
        assertThat(c.flags()).contains("no-deps", "pre", "user", "no-cache");
    }

    @Test
    void pipSpellingsAndSelfUpgrade() throws Exception {
        PackageManagerCall c = pm("python -m pip install -U pip setuptools wheel");
        assertThat(c.tool()).isEqualTo("python -m pip");
        assertThat(c.hasFlag("upgrade")).isTrue();
        assertThat(c.packages()).extracting(PackageSpec::name).containsExactly("pip", "setuptools", "wheel");
        assertThat(pm("pip3.11 install --upgrade \"jax[cuda12]\"").tool()).isEqualTo("pip3.11");
        assertThat(pm("python3 -m pip install x").tool()).isEqualTo("python3 -m pip");
        assertThat(pm("$CONDA_DIR/bin/pip install x").tool()).isEqualTo("pip");
        assertThat(calls("$TOOL install x")).isEmpty();
        assertThat(calls("pip config set global.index-url https://x && pip freeze")).isEmpty();
        assertThat(pm("uv pip install --system x==1").tool()).isEqualTo("uv pip");
        assertThat(pm("uv sync --frozen").hasFlag("frozen-lockfile")).isTrue();
        assertThat(pm("poetry install --no-root").action()).isEqualTo("install");
        assertThat(pm("pipenv install --deploy --system").hasFlag("locked")).isTrue();
    }

    @Test
    void pipUrlsVcsAndEditable() throws Exception {
        PackageManagerCall c = pm("pip install git+https://github.com/u/r.git@v1.0#egg=r "
                + "git+https://github.com/u/s@0123456789abcdef0123456789abcdef01234567 "
                + "https://x/p-1.0.tar.gz#sha256=abc ./local -e .");
        assertThat(c.packages()).extracting(PackageSpec::kind).containsExactly(SpecKind.VCS, SpecKind.VCS,
                SpecKind.URL, SpecKind.FILE, SpecKind.FILE);
        assertThat(c.packages()).extracting(PackageSpec::exact).containsExactly(false, true, true, false, false);
        assertThat(c.packages().get(0).name()).isEqualTo("r");
        assertThat(c.packages().get(0).version()).isEqualTo("v1.0");
        assertThat(c.hasFlag("editable")).isTrue();
    }

    @Test
    void condaSpecs() throws Exception {
        PackageManagerCall c = pm("conda install -y -c conda-forge numpy=1.24 scipy numpy==1.24.3 "
                + "'pandas>=2' numpy=1.24.3=py311h1234 conda-forge::xarray");
        assertThat(c.indexes()).extracting(ShellWord::value).containsExactly("conda-forge");
        assertThat(c.packages()).extracting(PackageSpec::name)
                .containsExactly("numpy", "scipy", "numpy", "pandas", "numpy", "xarray");
        assertThat(c.packages()).extracting(PackageSpec::exact).containsExactly(false, false, true, false, true, false);
        PackageManagerCall env = pm("mamba env create -f environment.yml");
        assertThat(env.action()).isEqualTo("env create");
        assertThat(env.files()).extracting(ShellWord::value).containsExactly("environment.yml");
        assertThat(pm("conda env update -f env.yml --prune").action()).isEqualTo("env update");
        assertThat(calls("conda init bash && conda clean -afy")).isEmpty();
        assertThat(pm("micromamba create -n x --file spec.txt").files()).extracting(ShellWord::value)
                .containsExactly("spec.txt");
    }

    @Test
    void npmYarnPnpm() throws Exception {
        PackageManagerCall c = pm("npm install -g pkg@1.2.3 @scope/pkg@^1 plain");
        assertThat(c.hasFlag("global")).isTrue();
        assertThat(c.packages()).extracting(PackageSpec::name).containsExactly("pkg", "@scope/pkg", "plain");
        assertThat(c.packages()).extracting(PackageSpec::exact).containsExactly(true, false, false);
        assertThat(pm("npm ci").hasFlag("frozen-lockfile")).isTrue();
        assertThat(pm("npm i x").action()).isEqualTo("install");
        assertThat(pm("yarn install --frozen-lockfile").hasFlag("frozen-lockfile")).isTrue();
        assertThat(pm("yarn add left-pad@1.3.0").packages().get(0).exact()).isTrue();
        assertThat(pm("pnpm add x").action()).isEqualTo("add");
    }

    @Test
    void gemGoCargo() throws Exception {
        assertThat(pm("gem install bundler -v 2.4.22").packages().get(0).exact()).isTrue();
        assertThat(pm("gem install rails:7.1.2").packages().get(0).version()).isEqualTo("7.1.2");
        assertThat(pm("gem install rails -v '~> 7'").packages().get(0).exact()).isFalse();
        assertThat(pm("go install golang.org/x/tools/gopls@v0.14.2").packages().get(0).exact()).isTrue();
        assertThat(pm("go install example.com/cmd@latest").packages().get(0).exact()).isFalse();
        assertThat(pm("cargo install ripgrep --version 14.1.0 --locked").packages().get(0).exact()).isTrue();
        assertThat(pm("cargo install ripgrep@14.1.0").packages().get(0).exact()).isTrue();
        PackageManagerCall git = pm("cargo install --git https://github.com/u/r --rev 0123456789abc");
        assertThat(git.packages().get(0).kind()).isEqualTo(SpecKind.VCS);
        assertThat(git.packages().get(0).exact()).isTrue();
    }

    @Test
    void rInstallers() throws Exception {
        List<ToolCall> calls = calls("Rscript -e 'install.packages(c(\"a\",\"b\"), "
                + "repos=\"https://packagemanager.posit.co/cran/2024-01-02\")' -e 'remotes::install_version(\"x\", \"1.2\")'"
                + " && R -e \"install.packages('c')\" && Rscript -e 'remotes::install_github(\"u/r@abcdef1\")'"
                + " && Rscript -e 'BiocManager::install(\"DESeq2\")' && Rscript -e 'renv::restore()'");
        assertThat(calls).hasSize(6);
        PackageManagerCall snap = (PackageManagerCall) calls.get(0);
        assertThat(snap.packages()).extracting(PackageSpec::name).containsExactly("a", "b");
        assertThat(snap.hasFlag("dated-snapshot")).isTrue();
        PackageManagerCall version = (PackageManagerCall) calls.get(1);
        assertThat(version.packages().get(0).exact()).isTrue();
        assertThat(((PackageManagerCall) calls.get(2)).hasFlag("default-repos")).isTrue();
        PackageManagerCall github = (PackageManagerCall) calls.get(3);
        assertThat(github.packages().get(0).name()).isEqualTo("r");
        assertThat(github.packages().get(0).exact()).isTrue();
        assertThat(((PackageManagerCall) calls.get(4)).action()).isEqualTo("BiocManager::install");
        assertThat(((PackageManagerCall) calls.get(5)).files()).extracting(ShellWord::value).containsExactly("renv.lock");
    }

    @Test
    void downloadsAndPipeToShell() throws Exception {
        List<ToolCall> calls = calls("wget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh "
                + "&& bash Miniconda3-latest-Linux-x86_64.sh -b");
        Download wget = (Download) calls.get(0);
        assertThat(wget.urls()).extracting(ShellWord::value)
                .containsExactly("https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh");
        assertThat(wget.remoteName()).isTrue();
        assertThat(wget.pipedToInterpreter()).isFalse();
        Download piped = (Download) calls("curl -fsSL https://x/install.sh | bash").get(0);
        assertThat(piped.interpreter()).isEqualTo("bash");
        Download substituted = (Download) calls("sh -c \"$(curl -fsSL https://x/i.sh)\"").get(0);
        assertThat(substituted.interpreter()).isEqualTo("sh");
        Download saved = (Download) calls("curl -fsSLo /tmp/x.tgz https://x/x.tgz").get(0);
        assertThat(saved.output().value()).isEqualTo("/tmp/x.tgz");
        assertThat(saved.toStdout()).isFalse();
        Download redirected = (Download) calls("curl -fsSL https://x/s > /tmp/s.sh").get(0);
        assertThat(redirected.toStdout()).isFalse();
        assertThat(redirected.output().value()).isEqualTo("/tmp/s.sh");
        Download procSub = (Download) calls("bash <(curl -s https://x/s)").get(0);
        assertThat(procSub.interpreter()).isEqualTo("bash");
        Download wq = (Download) calls("wget -qO- https://x/s | sh").get(0);
        assertThat(wq.interpreter()).isEqualTo("sh");
    }

    @Test
    void gitCloneAndCheckout() throws Exception {
        List<ToolCall> calls = calls("git clone --depth 1 -b v1.2 https://github.com/u/r.git /src && "
                + "git -C /src checkout 0123456789abcdef");
        GitCall clone = (GitCall) calls.get(0);
        assertThat(clone.url().value()).isEqualTo("https://github.com/u/r.git");
        assertThat(clone.ref().value()).isEqualTo("v1.2");
        assertThat(clone.destination().value()).isEqualTo("/src");
        assertThat(clone.depth().value()).isEqualTo("1");
        assertThat(clone.refIsCommit()).isFalse();
        GitCall checkout = (GitCall) calls.get(1);
        assertThat(checkout.directory().value()).isEqualTo("/src");
        assertThat(checkout.refIsCommit()).isTrue();
    }

    @Test
    void checksumChecks() throws Exception {
        String hash = "a".repeat(64);
        ChecksumCheck inline = (ChecksumCheck) calls("echo \"" + hash + "  x.tgz\" | sha256sum -c -").get(0);
        assertThat(inline.algorithm()).isEqualTo("sha256");
        assertThat(inline.checkedFiles()).containsExactly("x.tgz");
        assertThat(inline.expectedHashes()).containsExactly(hash);
        ChecksumCheck file = (ChecksumCheck) calls("sha512sum -c SHA512SUMS").get(0);
        assertThat(file.checksumFiles()).extracting(ShellWord::value).containsExactly("SHA512SUMS");
        assertThat(((ChecksumCheck) calls("shasum -a 256 -c sums").get(0)).algorithm()).isEqualTo("sha256");
        assertThat(((ChecksumCheck) calls("md5sum -c sums").get(0)).algorithm()).isEqualTo("md5");
        assertThat(((ChecksumCheck) calls("gpg --verify x.asc x").get(0)).algorithm()).isEqualTo("gpg");
        assertThat(calls("sha256sum x.tgz")).isEmpty();
    }

    private static List<PackageManagerCall> installing(String text) throws ShellSyntaxException {
        return calls(text).stream().filter(c -> c instanceof PackageManagerCall).map(c -> (PackageManagerCall) c)
                .filter(PackageManagerCall::installs).toList();
    }

    @Test
    void housekeepingSubcommandsAreNotInstalls() throws Exception {
        for (String src : List.of("conda init bash", "conda activate base", "conda config --add channels conda-forge",
                "conda clean -afy", "conda info --envs", "conda run -n base python -c 'print(1)'",
                "mamba shell init -s bash -r /opt/conda", "micromamba shell init --shell bash --root-prefix=/opt/conda",
                "mamba init bash", "conda env list", "conda remove -y numpy", "conda uninstall numpy",
                "pip config set global.index-url https://example.org/simple", "pip download -d /tmp/wheels numpy==1.26.4",
                "pip wheel -w /tmp/wheels numpy", "pip freeze", "pip list", "pip uninstall -y numpy",
                "python3 -m pip download numpy",
                "npm run build", "npm test", "npm config set registry https://example.org", "yarn run build",
                "npm uninstall left-pad",
                "apt-get clean", "apt-get autoremove -y", "apt-get autoclean", "apt-get remove -y curl",
                "apt-get purge -y curl", "apt-get update", "apt-get source curl", "apt-get download curl",
                "apk del curl", "apk update", "yum clean all", "dnf makecache", "yum remove -y curl",
                "zypper clean", "zypper ref")) {
            assertThat(installing(src)).as(src).isEmpty();
        }
    }

    @Test
    void installingSubcommandsStillInstall() throws Exception {
        for (String src : List.of("conda install -y numpy", "conda create -n x python=3.11", "conda env create -f e.yml",
                "conda update -y numpy", "mamba install -y numpy", "micromamba install -y -f env.yml",
                "conda run -n base pip install numpy==1.26.4", "pip install numpy", "python3 -m pip install -r r.txt",
                "uv pip sync requirements.txt", "npm install left-pad", "npm ci", "yarn", "yarn add left-pad",
                "pnpm add left-pad", "apt-get install -y curl", "apt-get upgrade -y", "apt-get dist-upgrade -y",
                "apt-get reinstall curl", "apk add curl", "apk upgrade", "yum install -y curl", "yum update -y",
                "dnf upgrade -y", "dnf group install -y Tools", "dnf module install -y nodejs:18", "zypper in -y curl",
                "zypper up", "gem install rails", "go install example.org/x@v1.0.0", "cargo install ripgrep",
                "poetry install", "uv sync", "Rscript -e 'install.packages(\"x\")'", "install2.r x")) {
            assertThat(installing(src)).as(src).hasSize(1);
        }
    }

    @Test
    void rpmNamesWithDigitsAndDashesAreNotVersions() throws Exception {
        PackageManagerCall c = pm("dnf install -y java-17-openjdk python3-devel gcc-c++ perl-Digest-SHA libstdc++-devel "
                + "compat-libstdc++-33 java-1.8.0-openjdk-headless foo-17");
        assertThat(c.packages()).extracting(PackageSpec::name).containsExactly("java-17-openjdk", "python3-devel",
                "gcc-c++", "perl-Digest-SHA", "libstdc++-devel", "compat-libstdc++-33", "java-1.8.0-openjdk-headless",
                "foo-17");
        assertThat(c.packages()).extracting(PackageSpec::exact).containsOnly(false);
        assertThat(c.packages()).extracting(PackageSpec::version).containsOnly("");
    }

    @Test
    void rpmVersionedSpecs() throws Exception {
        PackageManagerCall c = pm("yum install -y foo-1.2-3.el9 foo-1.2 foo-0:1.2-3.el9.x86_64 "
                + "java-17-openjdk-17.0.9.0.9-1.el9 python3.11-3.11.5-1.el9 perl-Digest-SHA-5.97-1.el9 bar-1.2.* baz-2-1");
        assertThat(c.packages()).extracting(PackageSpec::name).containsExactly("foo", "foo", "foo", "java-17-openjdk",
                "python3.11", "perl-Digest-SHA", "bar", "baz");
        assertThat(c.packages()).extracting(PackageSpec::version).containsExactly("1.2-3.el9", "1.2",
                "0:1.2-3.el9.x86_64", "17.0.9.0.9-1.el9", "3.11.5-1.el9", "5.97-1.el9", "1.2.*", "2-1");
        assertThat(c.packages()).extracting(PackageSpec::exact)
                .containsExactly(true, true, true, true, true, true, false, true);
    }

    @Test
    void busyboxAppletsAreTheirTools() throws Exception {
        List<ToolCall> saved = calls("busybox wget -O /tmp/t.tgz https://example.org/t.tgz");
        assertThat(saved).hasSize(1);
        Download d = (Download) saved.get(0);
        assertThat(d.tool()).isEqualTo("wget");
        assertThat(d.urls()).extracting(ShellWord::value).containsExactly("https://example.org/t.tgz");
        assertThat(d.output().value()).isEqualTo("/tmp/t.tgz");
        assertThat(d.pipedToInterpreter()).isFalse();
        Download piped = (Download) calls("busybox wget -qO- https://example.org/i.sh | sh").get(0);
        assertThat(piped.toStdout()).isTrue();
        assertThat(piped.interpreter()).isEqualTo("sh");
        assertThat(calls("echo \"$SUM  f\" | busybox sha256sum -c -")).singleElement().isInstanceOf(ChecksumCheck.class);
        assertThat(calls("busybox tar -xzf t.tgz")).isEmpty();
    }

    @Test
    void signatureToolsAndComparedSumsAreChecks() throws Exception {
        assertThat(calls("cosign verify-blob --key k.pub --signature s.sig f")).singleElement()
                .satisfies(c -> assertThat(((ChecksumCheck) c).algorithm()).isEqualTo("cosign"));
        assertThat(calls("minisign -Vm f -P KEY")).singleElement().isInstanceOf(ChecksumCheck.class);
        assertThat(calls("minisign -Sm f")).isEmpty();
        assertThat(calls("minisign -V -m f -P KEY")).singleElement().isInstanceOf(ChecksumCheck.class);
        assertThat(calls("cosign sign f")).isEmpty();
        assertThat(calls("test \"$(sha256sum f | cut -d' ' -f1)\" = \"$SHA\"")).filteredOn(ChecksumCheck.class::isInstance)
                .singleElement().satisfies(c -> assertThat(((ChecksumCheck) c).algorithm()).isEqualTo("sha256"));
        assertThat(calls("sha256sum f > f.sha256")).isEmpty();
        assertThat(calls("cksum -a sha256 -c f.sum")).singleElement()
                .satisfies(c -> assertThat(((ChecksumCheck) c).algorithm()).isEqualTo("sha256"));
    }

    @Test
    void gitCallsThatSelectACommit() throws Exception {
        assertThat(((GitCall) calls("git checkout -q 0123456789abcdef0123456789abcdef01234567").get(0)).selectsCommit()).isTrue();
        assertThat(((GitCall) calls("git -C r reset --hard $COMMIT").get(0)).selectsCommit()).isTrue();
        assertThat(((GitCall) calls("git fetch --depth 1 origin abc1234").get(0)).selectsCommit()).isTrue();
        assertThat(((GitCall) calls("git checkout main").get(0)).selectsCommit()).isFalse();
        assertThat(((GitCall) calls("git fetch origin").get(0)).selectsCommit()).isFalse();
        assertThat(((GitCall) calls("git clone -b abc1234 https://example.org/r.git").get(0)).selectsCommit()).isFalse();
    }
}
