package main

// checkArmScenario checks the scenario=NAME part of --arm spec: NAME is
// not empty, and no earlier part (whose name is given as before) named
// one already. Either would otherwise be dropped silently, an empty name
// leaving the arm the baseline's scenario, a second one replacing the
// first.
func checkArmScenario(spec, before, name string) error {
	if name == "" {
		return usagef("--arm %s: scenario= names no scenario; want scenario=NAME, an embedded scenario or a scenario file", spec)
	}
	if before != "" {
		return usagef("--arm %s: scenario given twice (%s and %s); want at most one scenario=NAME an arm", spec, before, name)
	}
	return nil
}
