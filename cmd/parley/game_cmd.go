package main

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

// defaultGameEpisodes is game's default episodes per cell: on muscat the
// widest 95% interval of a cell's utility is then about ±0.004, and the
// 25 cells and 200 bootstrap replicates take a few seconds on two cores.
const defaultGameEpisodes = 20000

var gameCmd = &command{
	name:  "game",
	args:  "[SCENARIO|FILE]",
	short: "which strategies are equilibria: the estimated strategy game",
	long: `Treat the choice of strategy as a game between the two principals. For
every pair of their strategies, play the same episodes (common random
numbers) and estimate each side's expected utility with its 95% interval:
the payoff matrix. Then report dominated strategies, best responses and
every Nash equilibrium, pure and mixed, with each side's expected utility,
the outcomes it leads to and its robustness: the fraction of bootstrap
resamples of the episodes in which an equilibrium with the same strategies
persists. The answer at the top says which deal structure each side plays
in equilibrium.

The strategies default to those the scenario lists for each principal;
--strategies ACTOR=A,B,C replaces an actor's list. --dynamics adds
replicator dynamics: starting from an even mix, how the share of each
strategy in a population of each side evolves when strategies that do better
than the population's average grow. --nfg writes the estimated game for
Gambit. The same --seed gives the same figures whatever --workers is.`,
	examples: []string{
		"parley game muscat",
		"parley game --strategies us=interim-first/conceder,comprehensive-only/fixed",
		"parley game muscat --dynamics --format markdown",
		"parley game muscat --format json --out game.json --nfg muscat.nfg",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &gameOptions{}
		o.declareEpisodes(fs, defaultGameEpisodes, "episodes per strategy pair")
		o.declareSeed(fs, "random seed; fixes every result")
		o.declareWorkers(fs)
		fs.StringArrayVar(&o.lists, "strategies", nil, "an actor's strategies, ACTOR=POLICY/TACTIC,… (repeatable; default the scenario's); "+strategyVocabulary)
		o.declareHorizon(fs)
		fs.IntVar(&o.bootstrap, "bootstrap", sim.DefaultReplicates, "bootstrap replicates for robustness; 0 for none")
		fs.BoolVar(&o.dynamics, "dynamics", false, "add replicator dynamics from an even mix of strategies")
		o.format = formatFlag(fs, "table", "csv", "json", "markdown")
		fs.StringVar(&o.nfg, "nfg", "", "also write the estimated game to this `FILE` in Gambit's .nfg format; - for standard output, with --out FILE")
		plotFlag(fs, &o.plot)
		o.shard.declare(fs, "game's blocks of 256 episodes, in every cell,")
		return o
	},
	run:    runGame,
	writes: true,
	plays:  true,
	fits:   true,
}

type gameOptions struct {
	simFlags
	lists     []string // --strategies
	bootstrap int
	dynamics  bool
	format    *outputFormat
	nfg       string
	plot      string
	shard     shardFlag
}

// gameOutput is what game prints as JSON.
type gameOutput struct {
	Answer   string            `json:"answer"`
	Game     *sim.MetaGame     `json:"game"`
	Analysis *sim.GameAnalysis `json:"analysis"`
	Dynamics *sim.Dynamics     `json:"dynamics,omitempty"`
}

func runGame(e *env, opts any, args []string) error {
	o := opts.(*gameOptions)
	cfg := sim.DefaultGameConfig()
	cfg.Config.Episodes, cfg.Config.Seed, cfg.Config.Workers, cfg.Config.Horizon = o.episodes, o.seed, o.workers, o.horizon
	cfg.Replicates = o.bootstrap
	var sh sim.Shard
	if o.shard.given() {
		var err error
		if sh, err = o.shard.check(o.format, flagIf(o.nfg != "", "--nfg"), flagIf(o.plot != "", "--plot")); err != nil {
			return err
		}
	}
	if err := o.checkFiles(e); err != nil {
		return err
	}
	if err := o.check(2, ", for a standard error per cell"); err != nil {
		return err
	}
	if err := checkBootstrap(o.bootstrap); err != nil {
		return err
	}
	s, err := e.loadScenarioArgAt(args, o.horizon)
	if err != nil {
		return err
	}
	if cfg.Strategies, err = strategyLists(s, o.lists); err != nil {
		return err
	}
	if err := checkCells(o.episodes, cells(s, cfg.Strategies)); err != nil {
		return err
	}
	if o.shard.given() {
		pf, err := newPartialFile("game", sh, s, &o.simFlags, options{Strategies: slices.Sorted(slices.Values(o.lists)), Bootstrap: o.bootstrap, Dynamics: o.dynamics})
		if err != nil {
			return err
		}
		return playShard(e, &cfg.Config, "episodes per cell", pf, func(ctx context.Context) (err error) {
			pf.Game, err = sim.PlayGameShard(ctx, s, cfg, sh)
			return err
		})
	}
	ctx, stop := interruptible()
	defer stop()
	hide := e.showProgress(&cfg.Config, "episodes per cell")
	g, an, stopped := playGame(ctx, s, cfg)
	hide()
	if g == nil {
		return interrupted(ctx, stopped, "")
	}
	if werr := o.emit(e, g, an); werr != nil || stopped == nil {
		return werr
	}
	kept := firstOf(g.Episodes, o.episodes, "episode") + " per cell"
	if g.Replicates == 0 && o.bootstrap > 0 {
		kept += ", without the bootstrap"
	}
	return interrupted(ctx, stopped, kept)
}

// checkFiles checks --nfg and --plot before the game is played.
func (o *gameOptions) checkFiles(e *env) error {
	if o.nfg == stdioName && !e.toFile() {
		return usagef("--nfg -: standard output takes the result; want a file for the game, or --out FILE for the result")
	}
	if o.nfg != "" && e.toFile() && sameFile(o.nfg, e.out) {
		return usagef("--nfg %s and --out %s: the same file; want two different files", o.nfg, e.out)
	}
	if err := checkOutput("--nfg", o.nfg); err != nil {
		return err
	}
	if o.plot != "" && o.nfg != "" && sameFile(o.plot, o.nfg) {
		return usagef("--plot %s and --nfg %s: the same file; want two different files", o.plot, o.nfg)
	}
	return e.checkPlot(o.plot)
}

// emit writes the game and its analysis, with --dynamics, --nfg and
// --plot.
func (o *gameOptions) emit(e *env, g *sim.MetaGame, an *sim.GameAnalysis) error {
	var err error
	out := &gameOutput{Game: g, Analysis: an}
	if o.dynamics {
		if out.Dynamics, err = sim.ReplicatorDynamics(g, sim.DefaultDynamicsTimes); err != nil {
			return err
		}
	}
	out.Answer = gameAnswer(out)
	if o.nfg != "" {
		var buf bytes.Buffer
		if err := writeNFG(&buf, g); err != nil {
			return err
		}
		e.files = append(e.files, outputFile{o.nfg, buf.Bytes()})
	}
	if err := e.addPlot(o.plot, gameFigure(g)); err != nil {
		return err
	}
	if o.format.name == "json" {
		return writeJSON(e.stdout, out)
	}
	return writeGameReport(e.stdout, out, e.layout(o.format.name))
}

// playGame estimates the game and analyzes it. When a signal cancels ctx,
// it keeps what it can: a game interrupted while being played is analyzed
// as it stands (a second signal kills the process); one interrupted while
// its bootstrap replicates are solved is analyzed without them. The error
// is then ctx's, with the game and its analysis.
func playGame(ctx context.Context, s *model.Scenario, cfg sim.GameConfig) (*sim.MetaGame, *sim.GameAnalysis, error) {
	g, err := sim.PlayGame(ctx, s, cfg)
	if g == nil {
		return nil, nil, err
	}
	actx := ctx
	if err != nil {
		actx = context.Background()
	}
	an, aerr := sim.Analyze(actx, g)
	if aerr != nil && err == nil && ctx.Err() != nil {
		err, g = aerr, g.WithoutReplicates()
		an, aerr = sim.Analyze(context.Background(), g)
	}
	if aerr != nil {
		return nil, nil, aerr
	}
	return g, an, err
}

// strategyLists turns --strategies ACTOR=A,B,C flags into the principals'
// strategy lists, nil for a principal the flags leave to the scenario.
func strategyLists(s *model.Scenario, specs []string) ([2][]model.Strategy, error) {
	var lists [2][]model.Strategy
	who := s.Principals()
	for _, spec := range specs {
		actor, list, ok := strings.Cut(spec, "=")
		if !ok || actor == "" || list == "" {
			return lists, usagef("--strategies %s: want ACTOR=POLICY/TACTIC,POLICY/TACTIC,…", spec)
		}
		k := slices.Index(who[:], s.Actor(actor))
		if k < 0 {
			return lists, usagef("--strategies %s: %s", spec, notPrincipal(s, actor))
		}
		if lists[k] != nil {
			return lists, usagef("--strategies: %s's strategies given twice; give them once, separated by commas", actor)
		}
		lists[k] = []model.Strategy{}
		for _, name := range strings.Split(list, ",") {
			st, err := model.ParseStrategy(name)
			if err != nil {
				return lists, usagef("--strategies %s: %v\n%s's strategies in %s: %s", actor, err, actor, s.Name,
					strategyNames(s.Actors[s.Actor(actor)].Strategies))
			}
			if slices.Contains(lists[k], st) {
				return lists, usagef("--strategies %s: %s appears twice; list each strategy once", actor, st)
			}
			lists[k] = append(lists[k], st)
		}
	}
	return lists, nil
}

func strategyNames(list []model.Strategy) string {
	names := make([]string, len(list))
	for i, st := range list {
		names[i] = st.String()
	}
	return strings.Join(names, ", ")
}

// cells returns the number of cells of the game the principals' strategy
// lists span, a nil list standing for the scenario's own.
func cells(s *model.Scenario, lists [2][]model.Strategy) int {
	n := 1
	for k, a := range s.Principals() {
		if lists[k] != nil {
			n *= len(lists[k])
		} else {
			n *= len(s.Actors[a].Strategies)
		}
	}
	return n
}
