package model

// This file is the one home of the red-line rule: which side of a red
// line a package must lie on. The engine, the analytics and `parley
// explain` all read a red line through it.

// RedLineIsFloor reports whether a red line at level bounds an issue from
// below for an actor whose value function is v: the actor accepts no
// level under it. A red line is the least favourable level the actor
// accepts, so it is a floor when it lies below the actor's ideal, a
// ceiling when above; a red line at the ideal itself is a floor when the
// value rises toward the top of the range (a linear value whose ideal is
// the maximum) and a ceiling otherwise, so that it always admits the ideal.
func RedLineIsFloor(v ValueWorld, level float64) bool {
	if level != v.Ideal {
		return level < v.Ideal
	}
	return v.Shape == Linear && v.Ideal == v.IssueMax
}

// RedLineBounds narrows the interval [lo, hi] of an issue's levels to
// those a red line at level allows: [max(lo, level), hi] for a floor,
// [lo, min(hi, level)] for a ceiling. The result is empty (lo > hi) when
// the red line excludes the whole interval.
func RedLineBounds(lo, hi, level float64, floor bool) (float64, float64) {
	if floor {
		return max(lo, level), hi
	}
	return lo, min(hi, level)
}
