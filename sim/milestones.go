package sim

// milestones records, at the end of round t, the first round of the
// milestones the state keeps marked: a deal broken and a walk-away. The
// first deal of each kind is recorded where it is agreed.
func (e *episode) milestones(t int) {
	o := &e.out
	if o.FirstCollapse == 0 && e.collapsed {
		o.FirstCollapse = t
	}
	if o.WalkedAway == 0 && e.walkedAway {
		o.WalkedAway = t
	}
}
