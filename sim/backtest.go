package sim

import (
	"context"
	"fmt"
	"math"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/history"
	"github.com/parley-sim/parley/sim/stats"
)

// DefaultWindow is the half-width, in rounds, of the window around an
// observed milestone within which Backtest asks the model for it.
const DefaultWindow = 3

// BacktestConfig sets up a back-test: the run, the window around each
// observed round, and the reference forecast it is scored against.
type BacktestConfig struct {
	Config
	Window    int           // rounds either side of an observed milestone, 0 … model.MaxHorizon
	Reference history.Rates // the naive forecast, usually pooled from the shipped histories
}

// Backtest plays the episodes of a run of s under cfg, as Run would, and
// scores them against what history h records: for each milestone kind,
// the model's probability of what happened (the first occurrence within
// cfg.Window rounds of the round it came, or none by the last round
// observed), the same for the reference forecast, log and Brier scores,
// and whether the observed round lies in the model's 90% range. The
// result is the same, bit for bit, whatever cfg.Workers is.
func Backtest(ctx context.Context, s *model.Scenario, h *history.History, cfg BacktestConfig) (*BacktestReport, error) {
	p, err := resolve(s, cfg.Config)
	if err != nil {
		return nil, err
	}
	if cfg.Window < 0 || cfg.Window > model.MaxHorizon {
		return nil, fmt.Errorf("window: %d; want 0 … %d rounds", cfg.Window, model.MaxHorizon)
	}
	if err := h.Check(s, p.horizon, outcomeNames[:]); err != nil {
		return nil, err
	}
	fresh := func() *milestoneTally { return newMilestoneTally(p.horizon) }
	worker := func() func(int, *milestoneTally) {
		w := newPlayer(p)
		return func(i int, t *milestoneTally) { t.add(w.play(i)) }
	}
	t, err := playBlocks(ctx, p.episodes, p.workers, fresh, worker, p.progress)
	if err != nil {
		return nil, err
	}
	return score(p, h, cfg, t), nil
}

// milestone returns the round of e's first milestone of kind k, 0 for
// none: for a strike the round of the first one, for a resumption the
// round talks first resumed after one.
func milestone(e *Episode, k history.Kind) int {
	switch k {
	case history.Interim:
		return e.InterimAgreement
	case history.Comprehensive:
		return e.ComprehensiveAgreement
	case history.Collapse:
		return e.FirstCollapse
	case history.WalkAway:
		return e.WalkedAway
	case history.Strike:
		return e.FirstStrike
	case history.Resumption:
		return e.Resumed
	}
	return 0
}

// A milestoneTally counts episodes by the round of each milestone's first
// occurrence and by outcome class. Counts merge exactly, in any order.
type milestoneTally struct {
	episodes int64
	first    [history.NumKinds][]int64 // per kind, index = round of the first occurrence, 0 for none
	outcomes [numOutcomes]int64
}

func newMilestoneTally(horizon int) *milestoneTally {
	t := &milestoneTally{}
	for k := range t.first {
		t.first[k] = make([]int64, horizon+1)
	}
	return t
}

func (t *milestoneTally) reset() {
	t.episodes, t.outcomes = 0, [numOutcomes]int64{}
	for _, c := range t.first {
		clear(c)
	}
}

func (t *milestoneTally) add(e *Episode) {
	t.episodes++
	t.outcomes[e.Outcome]++
	for k := range t.first {
		t.first[k][milestone(e, history.Kind(k))]++
	}
}

func (t *milestoneTally) merge(o *milestoneTally) {
	t.episodes += o.episodes
	for k := range t.outcomes {
		t.outcomes[k] += o.outcomes[k]
	}
	for k, c := range t.first {
		for r := range c {
			c[r] += o.first[k][r]
		}
	}
}

// within returns the episodes whose first k falls in rounds lo … hi,
// clipped to 1 … the horizon.
func (t *milestoneTally) within(k history.Kind, lo, hi int) int64 {
	c := t.first[k]
	var n int64
	for r := max(lo, 1); r <= min(hi, len(c)-1); r++ {
		n += c[r]
	}
	return n
}

// range90 returns the 5th and 95th percentiles of the round of k's first
// occurrence over every episode, counting "none by the horizon" as later
// than any round and writing it 0.
func (t *milestoneTally) range90(k history.Kind) [2]int {
	c := t.first[k]
	var out [2]int
	for j, q := range [2]float64{0.05, 0.95} {
		var cum int64
		for r := 1; r < len(c); r++ {
			cum += c[r]
			if float64(cum) >= q*float64(t.episodes) {
				out[j] = r
				break
			}
		}
	}
	return out
}

// BacktestReport is how a model fares against one history. Its JSON
// field names are stable.
type BacktestReport struct {
	Scenario   string          `json:"scenario"`
	History    string          `json:"history"` // the history file
	Seed       uint64          `json:"seed"`
	Episodes   int64           `json:"episodes"`
	Horizon    int             `json:"horizon"`
	Observed   int             `json:"observed"` // rounds the history observes
	Window     int             `json:"window"`   // rounds either side of an observed milestone
	Strategies []ActorStrategy `json:"strategies"`

	// Milestones has one entry per kind, in history.Kinds order.
	Milestones []MilestoneFit `json:"milestones"`
	// State is the outcome class at the horizon, when history observes it.
	State *StateFit `json:"state,omitempty"`

	// Model and Reference score the whole history, every milestone and
	// the state, under the model and under the reference forecast.
	Model     Score `json:"model"`
	Reference Score `json:"reference"`
}

// MilestoneFit is what the model and the reference forecast say of one
// milestone kind. A probability of what happened is of the first
// occurrence within the window around its round when history records
// one, and of none by the last round observed when it does not.
type MilestoneFit struct {
	Milestone string `json:"milestone"`
	Scored    bool   `json:"scored"`         // false for resumption when history records no strike: the question does not arise
	Happened  bool   `json:"happened"`       // history records it by the last round observed
	Round     int    `json:"round"`          // its first round, 0 when it did not happen
	Date      string `json:"date,omitempty"` // the first occurrence's month
	Note      string `json:"note,omitempty"` // what happened, with its source
	Later     []int  `json:"later,omitempty"`

	// ByRound is the model's probability of a first occurrence by Round
	// (by the last round observed when it did not happen); Window its
	// probability within Round ± the window, when it happened.
	ByRound stats.Estimate  `json:"by_round"`
	Window  *stats.Estimate `json:"window,omitempty"`

	// Range90 is the model's 90% range of the first round: its 5th and
	// 95th percentiles over every episode, 0 standing for none by the
	// horizon. InRange says whether what history shows lies in it.
	Range90 [2]int `json:"range90"`
	InRange bool   `json:"in_range"`

	// P and ReferenceP are the probabilities of what happened; the scores
	// are those of P and ReferenceP.
	P          float64 `json:"p"`
	ReferenceP float64 `json:"reference_p"`
	Model      Score   `json:"model_score"`
	Reference  Score   `json:"reference_score"`
}

// StateFit is what the model and the reference forecast say of the
// outcome class at the horizon.
type StateFit struct {
	Observed   string         `json:"observed"` // the class history records
	Note       string         `json:"note,omitempty"`
	P          stats.Estimate `json:"p"`           // the model's probability of it
	Likeliest  string         `json:"likeliest"`   // the model's most probable class
	ReferenceP float64        `json:"reference_p"` // the reference forecast's
	Model      Score          `json:"model_score"`
	Reference  Score          `json:"reference_score"`
}

// Score scores probabilistic forecasts of what happened: LogScore is
// Σ ln p (0 is perfect; the model's p smoothed to (k + ½)/(n + 1) so that
// an event no episode produced costs a finite amount), Brier the mean of
// (1 − p)² over the Questions scored (0 is perfect, 1 the worst).
type Score struct {
	LogScore  float64 `json:"log_score"`
	Brier     float64 `json:"brier"`
	Questions int     `json:"questions"`
}

// add scores one more question whose outcome was given probability p,
// smoothed to ps for the log score.
func (s *Score) add(p, ps float64) {
	s.LogScore += math.Log(ps)
	s.Brier = (s.Brier*float64(s.Questions) + (1-p)*(1-p)) / float64(s.Questions+1)
	s.Questions++
}

// merge adds the questions of o.
func (s *Score) merge(o Score) {
	n := s.Questions + o.Questions
	if n > 0 {
		s.Brier = (s.Brier*float64(s.Questions) + o.Brier*float64(o.Questions)) / float64(n)
	}
	s.LogScore += o.LogScore
	s.Questions = n
}

// smooth returns (k + ½)/(n + 1), the probability the log score uses.
func smooth(k, n int64) float64 { return (float64(k) + 0.5) / (float64(n) + 1) }

// score compares the tally with the history.
func score(p plan, h *history.History, cfg BacktestConfig, t *milestoneTally) *BacktestReport {
	rep := &BacktestReport{Scenario: p.scn.Name, History: h.File, Seed: p.seed, Episodes: t.episodes,
		Horizon: p.horizon, Observed: h.Observed, Window: cfg.Window, Strategies: p.named()}
	n, ref := t.episodes, cfg.Reference
	for _, k := range history.Kinds() {
		f := MilestoneFit{Milestone: k.String(), Range90: t.range90(k)}
		var hit int64
		if e, ok := h.First(k); ok {
			f.Happened, f.Round, f.Date, f.Note = true, e.Round, e.Date, e.Note
			f.ByRound = stats.Proportion{N: n, K: t.within(k, 1, e.Round)}.Estimate()
			hit = t.within(k, e.Round-cfg.Window, e.Round+cfg.Window)
			w := stats.Proportion{N: n, K: hit}.Estimate()
			f.Window = &w
			f.ReferenceP = ref.Within(k, max(1, e.Round-cfg.Window), min(p.horizon, e.Round+cfg.Window))
			f.InRange = f.Range90[0] != 0 && f.Range90[0] <= e.Round && (f.Range90[1] == 0 || e.Round <= f.Range90[1])
			for _, later := range h.Events {
				if later.Kind == k && later.At != e.At {
					f.Later = append(f.Later, later.Round)
				}
			}
		} else {
			f.ByRound = stats.Proportion{N: n, K: t.within(k, 1, h.Observed)}.Estimate()
			hit = n - f.ByRound.K
			f.ReferenceP = ref.None(k, h.Observed)
			f.InRange = f.Range90[1] == 0 || f.Range90[1] > h.Observed
		}
		f.P = float64(hit) / float64(n)
		_, struck := h.First(history.Strike)
		if f.Scored = k != history.Resumption || struck; f.Scored {
			f.Model.add(f.P, smooth(hit, n))
			f.Reference.add(f.ReferenceP, f.ReferenceP)
			rep.Model.merge(f.Model)
			rep.Reference.merge(f.Reference)
		}
		rep.Milestones = append(rep.Milestones, f)
	}
	if h.State != "" {
		o := outcomeIndex(h.State)
		st := &StateFit{Observed: h.State, Note: h.StateNote, P: stats.Proportion{N: n, K: t.outcomes[o]}.Estimate(),
			ReferenceP: ref.State(h.State, int(numOutcomes))}
		likeliest := Outcome(0)
		for c := range t.outcomes {
			if t.outcomes[c] > t.outcomes[likeliest] {
				likeliest = Outcome(c)
			}
		}
		st.Likeliest = likeliest.String()
		st.Model.add(st.P.P, smooth(t.outcomes[o], n))
		st.Reference.add(st.ReferenceP, st.ReferenceP)
		rep.Model.merge(st.Model)
		rep.Reference.merge(st.Reference)
		rep.State = st
	}
	return rep
}

// outcomeIndex returns the outcome class of that name, which Check has
// made sure is one.
func outcomeIndex(name string) Outcome {
	for o, n := range outcomeNames {
		if n == name {
			return Outcome(o)
		}
	}
	panic("sim: unknown outcome " + name)
}
