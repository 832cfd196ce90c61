package sim

// memo keeps values the engine asks for several times a round, so that
// they are computed once: each is a pure function of its key and of the
// episode's world, and the memo is cleared when an episode starts. A key
// is compared bit for bit, so a kept value is exactly the value the
// computation would give.
type memo struct {
	noDeal [2]noDealMemo // per principal: noDealValue
}

// A noDealMemo is principal i's value of no deal in round t, for the
// strike hazard h and reservation shift that round had.
type noDealMemo struct {
	t           int // 0 for none
	h, shift, v float64
}
