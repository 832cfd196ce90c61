package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// clusterDir holds the scripts docs/cluster.md shows.
const clusterDir = "docs/cluster"

// TestClusterDocShowsScripts checks that docs/cluster.md shows every
// file of docs/cluster as it is, and no script or manifest that is not
// one of them.
func TestClusterDocShowsScripts(t *testing.T) {
	doc, err := os.ReadFile("docs/cluster.md")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(clusterDir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(clusterDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[string(data)] = e.Name()
		lang := "sh"
		if strings.HasSuffix(e.Name(), ".yaml") {
			lang = "yaml"
		}
		if !bytes.Contains(doc, []byte("```"+lang+"\n"+string(data)+"```\n")) {
			t.Errorf("docs/cluster.md does not show %s as it is, in a ```%s block", e.Name(), lang)
		}
	}
	if len(files) < 5 {
		t.Fatalf("%d files in %s; want the shard scripts, merge.sh and the two manifests", len(files), clusterDir)
	}
	for _, m := range regexp.MustCompile("(?s)```(?:sh|yaml)\n(.*?)```\n").FindAllSubmatch(doc, -1) {
		if _, ok := files[string(m[1])]; !ok {
			t.Errorf("docs/cluster.md shows a script that is no file of %s:\n%s", clusterDir, m[1])
		}
	}
}

// TestClusterManifests checks that the Indexed Job's SHARDS is its
// completions and that both Jobs run scripts that exist.
func TestClusterManifests(t *testing.T) {
	shards, err := os.ReadFile(filepath.Join(clusterDir, "k8s-shards.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	completions := regexp.MustCompile(`(?m)^  completions: (\d+)$`).FindSubmatch(shards)
	env := regexp.MustCompile(`name: SHARDS\n\s+value: "(\d+)"`).FindSubmatch(shards)
	if completions == nil || env == nil || string(completions[1]) != string(env[1]) || !bytes.Contains(shards, []byte("completionMode: Indexed")) {
		t.Errorf("k8s-shards.yaml: want an Indexed Job whose SHARDS is its completions")
	}
	for _, name := range []string{"k8s-shards.yaml", "k8s-merge.yaml"} {
		data, err := os.ReadFile(filepath.Join(clusterDir, name))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`command: \["/bin/sh", "/cluster/([^"]+)"\]`).FindSubmatch(data)
		if m == nil {
			t.Errorf("%s: no command running a script of /cluster", name)
			continue
		}
		if _, err := os.Stat(filepath.Join(clusterDir, string(m[1]))); err != nil {
			t.Errorf("%s runs %s: %v", name, m[1], err)
		}
	}
}

// TestClusterScripts runs docs/cluster's scripts on this machine as
// Slurm and Kubernetes would, with the variables they set and the test
// binary as parley, and checks that merge.sh prints what one process
// prints, byte for byte.
func TestClusterScripts(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on this machine")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	parley := filepath.Join(dir, "parley")
	wrapper := "#!/bin/sh\nexport " + childArgs + "=\"$(printf '%s\\n' \"$@\")\"\nexec '" + exe + "'\n"
	if err := os.WriteFile(parley, []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		script string
		args   []string
		tasks  [][]string // each task's environment
	}{
		{"slurm run", "slurm-shard.sh", []string{"run", "muscat", "--episodes", "1300", "--seed", "7"}, slurmTasks(1, 4)},
		{"slurm sweep from 0", "slurm-shard.sh", sweepGrid, slurmTasks(0, 2)},
		{"kubernetes game", "k8s-shard.sh", gameSmall, indexedTasks(4)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shards := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			base := append(os.Environ(), "PARLEY="+parley, "SHARD_DIR="+shards)
			for _, env := range tc.tasks {
				cmd := exec.Command(sh, append([]string{filepath.Join(clusterDir, tc.script)}, tc.args...)...)
				cmd.Env = append(base, env...)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%s %v: %v\n%s", tc.script, env, err, out)
				}
			}
			cmd := exec.Command(sh, filepath.Join(clusterDir, "merge.sh"), "--format", "json")
			cmd.Env = base
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			got, err := cmd.Output()
			if err != nil {
				t.Fatalf("merge.sh: %v\n%s", err, stderr.String())
			}
			want, errOut, code := invoke(append(tc.args, "--format", "json")...)
			if code != exitOK {
				t.Fatalf("one process: exit %d\n%s", code, errOut)
			}
			if string(got) != want {
				t.Errorf("merged shards differ from one process:\n%s", lineDiff(want, string(got)))
			}
		})
	}
}

// slurmTasks returns the environments of the tasks of a Slurm array
// --array=lo-hi.
func slurmTasks(lo, hi int) [][]string {
	var tasks [][]string
	for id := lo; id <= hi; id++ {
		tasks = append(tasks, []string{"SLURM_ARRAY_TASK_ID=" + strconv.Itoa(id), "SLURM_ARRAY_TASK_MIN=" + strconv.Itoa(lo),
			"SLURM_ARRAY_TASK_MAX=" + strconv.Itoa(hi), "SLURM_CPUS_PER_TASK=1"})
	}
	return tasks
}

// indexedTasks returns the environments of the pods of a Kubernetes
// Indexed Job of n completions, SHARDS set as k8s-shards.yaml sets it.
func indexedTasks(n int) [][]string {
	var tasks [][]string
	for k := range n {
		tasks = append(tasks, []string{"JOB_COMPLETION_INDEX=" + strconv.Itoa(k), "SHARDS=" + strconv.Itoa(n)})
	}
	return tasks
}
