package main

import "github.com/parley-sim/parley/sim"

// episodeCost says what sim.MaxEpisodes episodes cost, for the messages
// that refuse more.
const episodeCost = "10⁹ episodes take about an hour of CPU on muscat"

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
		return usagef("--bootstrap %d: want 0 … %d replicates; each solves the game once (about 2 ms at 5×5, up to half a second at 8×8)",
			replicates, sim.MaxReplicates)
	}
	return nil
}

// checkCells reports a usage error when a game's cells times --episodes
// is more than sim.MaxEpisodes.
func checkCells(episodes, cells int) error {
	cells = max(cells, 1) // a side without strategies is refused later, with its own message
	if episodes > sim.MaxEpisodes/cells {
		return usagef("--episodes %d: %d cells play that many each; want at most %d per cell, %d in all (%s); for more, run several --seed values",
			episodes, cells, sim.MaxEpisodes/cells, sim.MaxEpisodes, episodeCost)
	}
	return nil
}
