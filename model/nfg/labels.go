package nfg

import "strconv"

// NormalizeLabels returns labels made non-empty and distinct the way Gambit
// 17 does it (NormalizeLabels in src/games/file.cc): a label that is not
// empty and occurs once is kept; every other occurrence of a label l, in
// order, becomes l_n for the next n = 1, 2, … such that l_n is neither an
// original label nor already given out. So {"", ""} becomes {"_1", "_2"}
// and {"x", "x", "x_1"} becomes {"x_2", "x_3", "x_1"}. labels is not
// modified; normalizing twice changes nothing.
func NormalizeLabels(labels []string) []string {
	out := make([]string, len(labels))
	copy(out, labels)
	counts := make(map[string]int, len(labels))
	used := make(map[string]bool, len(labels))
	for _, l := range labels {
		counts[l]++
		used[l] = true
	}
	next := make(map[string]int)
	for i, l := range labels {
		if counts[l] == 1 && l != "" {
			continue
		}
		var candidate string
		for {
			next[l]++
			candidate = l + "_" + strconv.Itoa(next[l])
			if !used[candidate] {
				break
			}
		}
		used[candidate] = true
		out[i] = candidate
	}
	return out
}
