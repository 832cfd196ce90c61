package main

import (
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkProcess times whole processes as a user runs them, parley
// built as the README installs it (without cgo), each iteration one
// process: `parley equilibria` on von Stengel's 6×6 game
// with 75 equilibria (the Gambit suite's vonstengel1999_6x6_75eq.nfg) in
// table and JSON form, `parley --help` (the process starting and
// stopping, nothing solved), and lrsnash (lrslib) on the same game where
// it is installed, the comparison of issue #13's target. Besides wall
// time (sec/op) it reports the child's CPU time, user and system
// (cpu-sec/op in benchstat), which other work on the machine moves less.
//
//	go test ./cmd/parley -run '^$' -bench Process -count 6 | benchstat -
func BenchmarkProcess(b *testing.B) {
	game := vonStengelGame(b)
	dir := b.TempDir()
	parley := filepath.Join(dir, "parley")
	build := exec.Command("go", "build", "-o", parley, "./cmd/parley")
	build.Env = append(os.Environ(), "CGO_ENABLED=0") // as the README installs it
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	runs := []struct {
		name string
		args []string
	}{
		{"parley-equilibria", []string{parley, "equilibria", game}},
		{"parley-equilibria-json", []string{parley, "equilibria", "--format", "json", game}},
		{"parley-help", []string{parley, "--help"}},
	}
	if lrsnash, err := exec.LookPath("lrsnash"); err == nil {
		input := filepath.Join(dir, "game.lrs")
		writeLrsGame(b, game, input)
		runs = append(runs, struct {
			name string
			args []string
		}{"lrsnash", []string{lrsnash, input}})
	} else {
		b.Log("lrsnash not found (Debian: apt install lrslib): timing parley alone")
	}
	for _, r := range runs {
		b.Run(r.name, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				cmd := exec.Command(r.args[0], r.args[1:]...)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%s: %v\n%s", strings.Join(r.args, " "), err, out)
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// writeLrsGame writes the .nfg game at path as lrsnash reads a game: m
// and n, then the m rows of player 1's payoffs, then player 2's.
func writeLrsGame(b *testing.B, path, out string) {
	g, err := readGame(path)
	if err != nil {
		b.Fatal(err)
	}
	m, n := g.Shape()
	var s strings.Builder
	fmt.Fprintf(&s, "%d %d\n", m, n)
	for _, mat := range [][][]*big.Rat{g.A, g.B} {
		s.WriteString("\n")
		for _, row := range mat {
			for j, x := range row {
				if j > 0 {
					s.WriteString(" ")
				}
				s.WriteString(x.RatString())
			}
			s.WriteString("\n")
		}
	}
	if err := os.WriteFile(out, []byte(s.String()), 0o644); err != nil {
		b.Fatal(err)
	}
}
