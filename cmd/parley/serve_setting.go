package main

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/analytics"
	"github.com/parley-sim/parley/sim"
)

// A setting is one side of the classroom page: a scenario with fields
// set and strategies chosen, both as canonical command-line values
// (PATH=VALUE, ACTOR=POLICY/TACTIC), so that the command the page shows
// is exactly what was computed.
type setting struct {
	name       string          // the embedded scenario
	scenario   *model.Scenario // with the fields set
	sets       []string
	strategies []string
}

// strategyMap returns the setting's strategies by actor.
func (st setting) strategyMap() map[string]model.Strategy {
	m, _ := parseStrategies("--strategy", st.strategies) // canonical: they parse
	return m
}

// A change is what a query's flags change in a setting: fields set and
// strategies chosen, as canonical command-line values.
type change struct {
	sets, strategies []string
}

// readChange reads the change the flags setFlag and strategyFlag give in
// q, checked against s.
func readChange(s *model.Scenario, q query, setFlag, strategyFlag string) (change, error) {
	sets, err := canonicalSets(s, setFlag, q.q[strings.TrimPrefix(setFlag, "--")])
	if err != nil {
		return change{}, err
	}
	strategies, err := canonicalStrategies(s, strategyFlag, q.q[strings.TrimPrefix(strategyFlag, "--")])
	return change{sets, strategies}, err
}

// over returns the setting that ch, given by setFlag, makes of st: st's
// scenario with ch's fields set over its own, and its lists with ch's
// replacing the same paths and actors.
func (c *classroom) over(st setting, ch change, setFlag string) (setting, error) {
	out := setting{name: st.name, sets: merge(st.sets, ch.sets), strategies: merge(st.strategies, ch.strategies)}
	var err error
	if out.scenario, err = c.withSets(st.scenario, setFlag, ch.sets); err != nil {
		return st, err
	}
	return out, nil
}

// canonicalSets checks specs against s and writes them as setSpec does.
func canonicalSets(s *model.Scenario, flag string, specs []string) ([]string, error) {
	assign, err := parseSets(s, flag, specs)
	out := make([]string, len(assign))
	for i, a := range assign {
		out[i] = setSpec(a)
	}
	return out, err
}

// canonicalStrategies checks specs against s's principals and writes
// them as ACTOR=POLICY/TACTIC.
func canonicalStrategies(s *model.Scenario, flag string, specs []string) ([]string, error) {
	m, err := parseStrategies(flag, specs)
	if err == nil {
		err = checkPrincipals(s, flag, m)
	}
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(specs))
	for _, spec := range specs {
		actor, _, _ := strings.Cut(spec, "=")
		out = append(out, actor+"="+m[actor].String())
	}
	return out, nil
}

// merge returns base with every KEY=VALUE of over replacing base's of the
// same KEY, over's new keys after.
func merge(base, over []string) []string {
	key := func(spec string) string { k, _, _ := strings.Cut(spec, "="); return k }
	out := slices.DeleteFunc(slices.Clone(base), func(b string) bool {
		return slices.ContainsFunc(over, func(o string) bool { return key(o) == key(b) })
	})
	return append(out, over...)
}

// baseSetting reads the scenario, --set and --strategy of a query.
func (c *classroom) baseSetting(q query) (setting, error) {
	s, err := c.loadScenario(q)
	if err != nil {
		return setting{}, err
	}
	ch, err := readChange(s, q, "--set", "--strategy")
	if err != nil {
		return setting{}, err
	}
	return c.over(setting{name: s.Name, scenario: s}, ch, "--set")
}

// sampling reads a query's seed and episodes.
func sampling(q query) (sim.Config, error) {
	cfg := sim.DefaultConfig()
	cfg.Workers = 1 // one computation per slot, one slot per CPU
	seed, err := q.one("seed", strconv.Itoa(sim.DefaultSeed))
	if err != nil {
		return cfg, err
	}
	if cfg.Seed, err = strconv.ParseUint(seed, 10, 64); err != nil {
		return cfg, badRequest("seed=%s: want a whole number, 0 … 18446744073709551615", seed)
	}
	n, err := q.integer("episodes", serveDefaultEpisodes, 1, serveMaxEpisodes)
	cfg.Episodes = int(n)
	return cfg, err
}

// commandLine writes a parley command: the command, the scenario, the
// flags and each setting's values after their flags.
func commandLine(cmd, scenario string, flags ...string) string {
	return strings.Join(append([]string{"parley", cmd, scenario}, flags...), " ")
}

// repeated writes each value after flag.
func repeated(flag string, values []string) []string {
	var out []string
	for _, v := range values {
		out = append(out, flag, v)
	}
	return out
}

// sampleFlags writes --seed and --episodes.
func sampleFlags(cfg sim.Config) []string {
	return []string{"--seed", strconv.FormatUint(cfg.Seed, 10), "--episodes", strconv.Itoa(cfg.Episodes)}
}

// runCommand is the parley run that plays a setting.
func runCommand(st setting, cfg sim.Config) string {
	flags := append(sampleFlags(cfg), repeated("--set", st.sets)...)
	return commandLine("run", st.name, append(flags, repeated("--strategy", st.strategies)...)...)
}

// classroomComparison is /api/compare: the two settings on the same
// episodes, and the commands that reproduce the figures. Its JSON field
// names are stable.
type classroomComparison struct {
	Commands struct {
		Compare string `json:"compare"` // both arms and their differences; parley run when the settings are the same
		A       string `json:"a"`       // the baseline's figures alone
		B       string `json:"b"`       // the alternative's
	} `json:"commands"`
	Comparison *sim.Comparison `json:"comparison"`
}

func (c *classroom) compare(ctx context.Context, values url.Values) (any, error) {
	q, err := readQuery(values, "scenario", "seed", "episodes", "set", "strategy", "versus-set", "versus")
	if err != nil {
		return nil, err
	}
	cfg, err := sampling(q)
	if err != nil {
		return nil, err
	}
	a, err := c.baseSetting(q)
	if err != nil {
		return nil, err
	}
	versus, err := readChange(a.scenario, q, "--versus-set", "--versus")
	if err != nil {
		return nil, err
	}
	b, err := c.over(a, versus, "--versus-set")
	if err != nil {
		return nil, err
	}
	var out classroomComparison
	out.Commands.A, out.Commands.B = runCommand(a, cfg), runCommand(b, cfg)
	out.Commands.Compare = out.Commands.A
	if len(versus.sets)+len(versus.strategies) > 0 {
		flags := append(sampleFlags(cfg), repeated("--set", a.sets)...)
		flags = append(flags, repeated("--strategy", a.strategies)...)
		flags = append(flags, repeated("--versus-set", versus.sets)...)
		out.Commands.Compare = commandLine("compare", a.name, append(flags, repeated("--versus", versus.strategies)...)...)
	}
	setups := []sim.Setup{{Scenario: a.scenario, Strategies: a.strategyMap()}, {Scenario: b.scenario, Strategies: b.strategyMap()}}
	cmp, err := c.shared(ctx, out.Commands.Compare+"\n"+out.Commands.B, func(ctx context.Context) (any, error) {
		cmp, err := sim.Compare(ctx, setups, cfg)
		if err != nil {
			return nil, err // a partial comparison is no answer: the command would print more
		}
		return cmp, nil
	})
	if err != nil {
		return nil, err
	}
	out.Comparison = cmp.(*sim.Comparison)
	return out, nil
}

// classroomExplanation is /api/explain: the structure of one setting's
// scenario, as parley explain --format json gives it, and that command.
type classroomExplanation struct {
	Command     string       `json:"command"`
	Explanation *explanation `json:"explanation"`
}

func (c *classroom) explain(ctx context.Context, values url.Values) (any, error) {
	q, err := readQuery(values, "scenario", "set")
	if err != nil {
		return nil, err
	}
	st, err := c.baseSetting(q)
	if err != nil {
		return nil, err
	}
	command := commandLine("explain", st.name, repeated("--set", st.sets)...)
	return c.shared(ctx, command, func(context.Context) (any, error) {
		var w model.World
		st.scenario.Central(&w)
		a, err := analytics.Analyze(&w)
		if err != nil {
			return nil, err
		}
		return classroomExplanation{Command: command, Explanation: newExplanation(st.scenario, &w, a)}, nil
	})
}

// classroomTrace is /api/trace: one episode of one setting, as parley
// trace --format json tells it, and that command.
type classroomTrace struct {
	Command string            `json:"command"`
	Trace   *sim.EpisodeTrace `json:"trace"`
}

func (c *classroom) trace(ctx context.Context, values url.Values) (any, error) {
	q, err := readQuery(values, "scenario", "seed", "episode", "set", "strategy")
	if err != nil {
		return nil, err
	}
	cfg, err := sampling(query{url.Values{"seed": q.q["seed"]}})
	if err != nil {
		return nil, err
	}
	i, err := q.integer("episode", 0, 0, sim.MaxEpisodes-1)
	if err != nil {
		return nil, err
	}
	st, err := c.baseSetting(q)
	if err != nil {
		return nil, err
	}
	cfg.Episodes, cfg.Strategies = int(i)+1, st.strategyMap()
	flags := []string{"--seed", strconv.FormatUint(cfg.Seed, 10), "--episode", strconv.FormatInt(i, 10)}
	flags = append(flags, repeated("--set", st.sets)...)
	command := commandLine("trace", st.name, append(flags, repeated("--strategy", st.strategies)...)...)
	return c.shared(ctx, command, func(context.Context) (any, error) {
		tr, err := sim.Trace(st.scenario, cfg, int(i))
		if err != nil {
			return nil, err
		}
		return classroomTrace{Command: command, Trace: tr}, nil
	})
}
