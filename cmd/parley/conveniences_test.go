package main

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestVersion checks that --version and the version command print the same
// line, and that every JSON object result carries the same version.
func TestVersion(t *testing.T) {
	want := readVersion()
	line, _, code := invoke("--version")
	if code != exitOK || line != want.String()+"\n" || !strings.HasPrefix(line, "parley "+want.Version) {
		t.Errorf("--version: exit %d, %q; want %q", code, line, want.String())
	}
	if again, _, _ := invoke("version"); again != line {
		t.Errorf("version prints %q, --version %q", again, line)
	}
	var v buildVersion
	decode(t, []string{"version", "--format", "json"}, &v)
	if v != want {
		t.Errorf("version --format json = %+v, want %+v", v, want)
	}
	for _, args := range [][]string{
		{"run", "rubinstein", "--episodes", "10", "--format", "json"},
		{"compare", "rubinstein", "--episodes", "10", "--versus", "first=comprehensive-only/linear", "--format", "json"},
		{"game", "rubinstein", "--episodes", "10", "--bootstrap", "0", "--format", "json"},
		{"trace", "rubinstein", "--format", "json"},
		{"explain", "rubinstein", "--format", "json"},
	} {
		var got struct{ Version *string }
		decode(t, args, &got)
		if got.Version == nil || *got.Version != want.Version {
			t.Errorf("parley %s: version %v, want %q", strings.Join(args, " "), got.Version, want.Version)
		}
	}
}

// TestCompletion checks that each shell's script names every command and
// every flag, that bash parses its script, and that it completes a
// command, a flag, a --format value and a scenario.
func TestCompletion(t *testing.T) {
	scripts := map[string]string{}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		script, stderr, code := invoke("completion", shell)
		if code != exitOK {
			t.Fatalf("completion %s: exit %d: %s", shell, code, stderr)
		}
		scripts[shell] = script
		for _, c := range completionModel() {
			if !strings.Contains(script, c.name) {
				t.Errorf("%s script lacks command %s", shell, c.name)
			}
			for _, f := range c.flags {
				if !strings.Contains(script, f.name) {
					t.Errorf("%s script lacks %s --%s", shell, c.name, f.name)
				}
			}
		}
	}
	if _, _, code := invoke("completion", "powershell"); code != exitUsage {
		t.Errorf("completion powershell: exit %d, want %d", code, exitUsage)
	}
	for shell, check := range map[string][]string{"zsh": {"-n"}, "fish": {"-n"}} {
		path, err := exec.LookPath(shell)
		if err != nil {
			t.Logf("no %s to parse its script", shell)
			continue
		}
		cmd := exec.Command(path, check...)
		cmd.Stdin = strings.NewReader(scripts[shell])
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s -n rejects its script: %v\n%s", shell, err, out)
		}
	}
	if fish, err := exec.LookPath("fish"); err == nil {
		// complete -C asks fish what it would offer; the script's own
		// completions need no parley binary.
		prog := scripts["fish"] + "\ncomplete -C 'parley ru'; complete -C 'parley run --format '; complete -C 'parley trace musc'\n"
		out, err := exec.Command(fish, "--no-config", "-c", prog).CombinedOutput()
		for _, want := range []string{"run\tsimulate", "markdown\t", "muscat"} {
			if err != nil || !strings.Contains(string(out), want) {
				t.Errorf("fish completes to %q (%v); want %q among them", out, err, want)
			}
		}
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the script")
	}
	for line, want := range map[string]string{
		"parley ru":              "run",
		"parley run --epi":       "--episodes",
		"parley trace --format ": "table csv json markdown",
		"parley explain musc":    "muscat muscat-hindsight",
		"parley completion fi":   "fish",
	} {
		words := strings.Fields(line)
		if strings.HasSuffix(line, " ") {
			words = append(words, "")
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + w + "'"
		}
		prog := scripts["bash"] + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + "); COMP_CWORD=" +
			strconv.Itoa(len(words)-1) + "; _parley; echo \"${COMPREPLY[*]}\"\n"
		out, err := exec.Command(bash, "--norc", "-c", prog).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("bash completes %q to %q (%v); want %q", line, out, err, want)
		}
	}
}

// TestStdin checks that - reads the scenario from standard input: the
// same result as the file, errors located in <stdin>.
func TestStdin(t *testing.T) {
	src, err := os.ReadFile("scenarios/rubinstein.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := invoke("run", "rubinstein", "--episodes", "10")
	var out, errOut bytes.Buffer
	if code := runStdin([]string{"run", "-", "--episodes", "10"}, bytes.NewReader(src), &out, &errOut); code != exitOK || out.String() != want {
		t.Errorf("run -: exit %d, stderr %q; output differs from run rubinstein:\n%s", code, errOut.String(), lineDiff(want, out.String()))
	}
	broken, err := os.ReadFile("testdata/invalid/misspelled-field.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	code := runStdin([]string{"validate", "-"}, bytes.NewReader(broken), &out, &errOut)
	if code != exitFail || !strings.HasPrefix(errOut.String(), "parley: <stdin>:8:5: actors.a.discount: missing") {
		t.Errorf("validate - of a broken file: exit %d, stderr %q; want errors located in <stdin>", code, errOut.String())
	}
}
