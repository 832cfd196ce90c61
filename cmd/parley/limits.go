package main

import "github.com/parley-sim/parley/sim"

// episodeCost says what sim.MaxEpisodes episodes cost, for the messages
// that refuse more.
const episodeCost = "10⁹ episodes take about 4 hours of CPU on muscat; --shard I/N and parley merge spread one run over N processes"

// checkEpisodes reports a usage error unless --episodes is at least least
// and at most sim.MaxEpisodes; why says what the lower bound is for.
func checkEpisodes(episodes, least int, why string) error {
	switch {
	case episodes < least:
		return usagef("--episodes %d: want at least %d%s", episodes, least, why)
	case episodes > sim.MaxEpisodes:
		return usagef("--episodes %d: want at most %d (%s); for more, run several --seed values and pool their counts",
			episodes, sim.MaxEpisodes, episodeCost)
	}
	return nil
}

// checkBootstrap reports a usage error unless --bootstrap is 0 … sim.MaxReplicates.
func checkBootstrap(replicates int) error {
	if replicates < 0 || replicates > sim.MaxReplicates {
		return usagef("--bootstrap %d: want 0 … %d replicates; each solves the game once (about 0.4 ms at 5×5, 10 ms at 8×8)",
			replicates, sim.MaxReplicates)
	}
	return nil
}

// checkCells reports a usage error when a game's cells times --episodes
// is more than sim.MaxEpisodes.
func checkCells(episodes, cells int) error {
	return checkEach(episodes, max(cells, 1), "cell") // a side without strategies is refused later, with its own message
}

// checkArms reports a usage error when a comparison has more than
// sim.MaxArms arms, or its arms times --episodes is more than
// sim.MaxEpisodes.
func checkArms(episodes, arms int) error {
	if arms > sim.MaxArms {
		return usagef("%d arms (the baseline, the alternative and each --arm): want at most %d; for more, run several comparisons with the same baseline and --seed, whose baseline episodes, and so differences, are the same",
			arms, sim.MaxArms)
	}
	return checkEach(episodes, arms, "arm")
}

// checkEach reports a usage error when n units (cells, arms) that each
// play --episodes episodes play more than sim.MaxEpisodes in all.
func checkEach(episodes, n int, unit string) error {
	if episodes > sim.MaxEpisodes/n {
		return usagef("--episodes %d: %d %ss play that many each; want at most %d per %s, %d in all (%s); for more, run several --seed values",
			episodes, n, unit, sim.MaxEpisodes/n, unit, sim.MaxEpisodes, episodeCost)
	}
	return nil
}
