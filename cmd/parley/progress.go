package main

import (
	"io"
	"os"
	"time"

	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// progressDelay is how long a command plays before its progress bar
// appears, so that a short run never flashes one; progressRefresh is how
// often a shown bar is redrawn. Tests shorten both.
var (
	progressDelay   = time.Second
	progressRefresh = 120 * time.Millisecond
)

// quietFlag declares --quiet.
func quietFlag(fs *pflag.FlagSet, quiet *bool) {
	fs.BoolVarP(quiet, "quiet", "q", false, "show no progress bar (one is shown on standard error when it is a terminal and the run lasts over a second)")
}

// showsProgress reports whether a progress bar goes to w: a terminal,
// unless --quiet.
func (e *env) showsProgress(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && !e.quiet && term.IsTerminal(int(f.Fd()))
}

// showProgress sets cfg.Progress to draw a bar of the episodes played,
// counted in units ("episodes", "episodes per cell"), their rate and the
// time left, on standard error when showsProgress, from progressDelay
// after the call; otherwise it leaves cfg alone. It returns the function
// that erases the bar, to call before the result is written, whether
// the run ended, failed or was interrupted.
func (e *env) showProgress(cfg *sim.Config, units string) (hide func()) {
	if !e.showsProgress(e.stderr) {
		return func() {}
	}
	b := newProgressBar(e.stderr, units, progressDelay)
	cfg.Progress = b.set
	return b.hide
}

// A progressBar draws how far a run has got on a terminal. Its bar is
// made at the first count, when the total is known. The simulation
// calls set on the goroutine that called it, so set and hide never run
// at once.
type progressBar struct {
	w     io.Writer
	units string
	start time.Time
	shown chan any // closed when the bar may appear
	timer *time.Timer
	p     *mpb.Progress
	bar   *mpb.Bar
}

// newProgressBar returns a progressBar on w counting units that appears
// after delay.
func newProgressBar(w io.Writer, units string, delay time.Duration) *progressBar {
	b := &progressBar{w: w, units: units, start: time.Now(), shown: make(chan any)}
	b.timer = time.AfterFunc(delay, func() { close(b.shown) })
	return b
}

// set shows done of total; it is a sim.Config.Progress.
func (b *progressBar) set(done, total int64) {
	if b.p == nil {
		b.p = mpb.New(mpb.WithOutput(b.w), mpb.WithRenderDelay(b.shown), mpb.WithRefreshRate(progressRefresh))
		b.bar = b.p.AddBar(total, mpb.BarRemoveOnComplete(),
			// A carriage return first: when the terminal's echo of ^C has
			// moved the cursor off the first column, the line is still
			// drawn from it, and does not wrap.
			mpb.PrependDecorators(decor.Name("\r"), decor.CountersNoUnit("%d/%d "+b.units)),
			mpb.AppendDecorators(
				decor.NewPercentage("%d", decor.WC{W: 4}),
				decor.NewAverageSpeed(0, "  %.0f/s", b.start),
				decor.Name("  ETA "),
				decor.NewAverageETA(decor.ET_STYLE_GO, b.start, nil),
			))
	}
	b.bar.SetCurrent(done)
}

// hide erases the bar, finished or not, and waits until it is gone.
func (b *progressBar) hide() {
	b.timer.Stop()
	if b.p == nil {
		return
	}
	b.bar.Abort(true) // no effect on a completed bar, which removes itself
	b.p.Wait()
}
