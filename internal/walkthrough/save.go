package walkthrough

import (
	"github.com/auvenir/auvenir-onboard/internal/progress"
)

// Saver writes the progress when it changed, for the wizard and the plain mode alike. It writes
// synchronously (a save is a few hundred bytes), so quitting right after a step never loses it.
type Saver struct {
	store  *progress.Store // nil saves nothing
	last   progress.State  // as last saved (or found), so only changes are written
	failed bool            // a save failed and the client was told; said once
}

// NewSaver saves to store; from is what it holds now (what was found, or the walk's start), so
// nothing is written until something changes.
func NewSaver(store *progress.Store, from progress.State) Saver {
	return Saver{store: store, last: from}
}

// Save writes st when it differs from what was saved. It returns the error of the first failure
// only: a failure is said once and never stops the guide.
func (s *Saver) Save(st progress.State) error {
	if s.store == nil || SameState(st, s.last) {
		return nil
	}
	s.last = st
	if err := s.store.Save(st); err != nil && !s.failed {
		s.failed = true
		return err
	}
	return nil
}

// Forget deletes the saved progress: only after the client said yes to ForgetQuestion. from is
// the walk's state now, which is what the store is then taken to hold (nothing is written until
// it changes).
func (s *Saver) Forget(from progress.State) error {
	s.last = from
	if s.store == nil {
		return nil
	}
	return s.store.Reset()
}
